public import Domain

/// The email that brings the customer an issued invoice or credit note, the PDF attached, in the
/// customer's language.
public enum InvoiceEmail {
    public static func render(
        kind: InvoiceDocument.Kind, number: String, companyName: String, customerName: String, payable: Money,
        dueDate: CalendarDate, ocr: String, bankgiro: String, language: Language
    ) -> EmailContent {
        let s = Strings(language)
        let credit = kind == .creditNote
        let title = credit ? s.invoices.kindName(.creditNote) : s.invoices.kindName(.invoice)
        let body: [String] =
            credit
            ? [
                language == .sv
                    ? "Här kommer kreditfaktura \(number) på \(payable.formatted(language)). Den finns som PDF i bilagan."
                    : "Here is credit note \(number) for \(payable.formatted(language)). The PDF is attached."
            ]
            : [
                language == .sv
                    ? "Här kommer faktura \(number) på \(payable.formatted(language)). Den finns som PDF i bilagan."
                    : "Here is invoice \(number) for \(payable.formatted(language)). The PDF is attached.",
                language == .sv
                    ? "Betala senast \(dueDate.iso) till bankgiro \(bankgiro) och ange OCR-nummer \(ocr)."
                    : "Please pay by \(dueDate.iso) to bankgiro \(bankgiro), with the OCR reference \(ocr).",
            ]
        return EmailContent(
            language: language, subject: "\(title) \(number) – \(companyName)",
            paragraphs: [[s.email.greeting(customerName)]] + body.map { [$0] } + [[companyName]])
    }
}

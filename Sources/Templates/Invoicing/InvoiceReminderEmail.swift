public import Domain

/// The reminder of an overdue invoice, in the customer's language: what is left, what the
/// reminder adds (fee, förseningsersättning, late interest, each only when claimed), the total,
/// and how to pay. The invoice's PDF goes with it.
public enum InvoiceReminderEmail {
    public static func render(
        reminder: InvoiceReminder, number: String, dueDate: CalendarDate, companyName: String, customerName: String,
        ocr: String, bankgiro: String, language: Language
    ) -> EmailContent {
        let s = Strings(language)
        let sv = language == .sv
        func amount(_ money: Money) -> String { money.formatted(language) }
        var lines = [
            sv
                ? "Vi har ännu inte fått full betalning för faktura \(number), som förföll \(dueDate.iso). Kvar att betala: \(amount(reminder.outstanding))."
                : "We have not yet received full payment of invoice \(number), which was due on \(dueDate.iso). Left to pay: \(amount(reminder.outstanding))."
        ]
        if !reminder.fee.isZero {
            lines.append(sv ? "Påminnelseavgift: \(amount(reminder.fee))." : "Reminder fee: \(amount(reminder.fee)).")
        }
        if !reminder.compensation.isZero {
            lines.append(
                sv
                    ? "Förseningsersättning enligt lag (1981:739): \(amount(reminder.compensation))."
                    : "Late payment compensation by law (1981:739): \(amount(reminder.compensation)).")
        }
        if !reminder.interest.isZero {
            let rate = reminder.interestRateBP.flatMap { try? VATRate(basisPoints: $0) }?.formatted(language) ?? ""
            lines.append(
                sv
                    ? "Dröjsmålsränta enligt räntelagen (\(rate)) till och med \(reminder.remindedOn.iso): \(amount(reminder.interest))."
                    : "Late interest under the Interest Act (\(rate)) through \(reminder.remindedOn.iso): \(amount(reminder.interest))."
            )
        }
        if !reminder.earlierCharges.isZero {
            lines.append(
                sv
                    ? "Avgifter och ränta från tidigare påminnelser: \(amount(reminder.earlierCharges))."
                    : "Fees and interest from earlier reminders: \(amount(reminder.earlierCharges)).")
        }
        lines.append(
            sv
                ? "Att betala nu: \(amount(reminder.total)) till bankgiro \(bankgiro) med OCR-nummer \(ocr). Har du redan betalat kan du bortse från denna påminnelse."
                : "To pay now: \(amount(reminder.total)) to bankgiro \(bankgiro) with the OCR reference \(ocr). If you have already paid, please disregard this reminder."
        )
        let title =
            sv
            ? "Påminnelse \(reminder.sequence): faktura \(number)" : "Reminder \(reminder.sequence): invoice \(number)"
        return EmailContent(
            language: language, subject: "\(title) – \(companyName)",
            paragraphs: [[s.email.greeting(customerName)]] + lines.map { [$0] } + [[companyName]])
    }
}

public import Domain
import Foundation

extension AgreementDocument {
    /// The agreement of a frozen quotation version, in `language`: the offer as sent (pass no
    /// signature) or the signed agreement (pass the signature and its evidence). `terms` are the
    /// snapshot's terms as blocks, read from its sanitised HTML by the caller (this module parses
    /// no HTML): `RichTextReader.blocks(HTMLSanitizer.sanitize(snapshot.termsHTML))`.
    public init(
        snapshot: QuotationSnapshot, terms: [RichBlock], language: Language, bookingNumber: String? = nil,
        signed: (signature: Signature, evidence: SigningEvidence)? = nil
    ) {
        let sv = language == .sv
        let totals = snapshot.totals
        let money = { (amount: Money) in amount.formatted(language) }
        var totalRows = [AgreementTotal(label: sv ? "Summa artiklar" : "Items", amount: money(totals.linesSubtotal))]
        if !totals.discount.isZero {
            totalRows.append(.init(label: sv ? "Rabatt" : "Discount", amount: "−" + money(totals.discount)))
        }
        if !totals.shipping.isZero {
            totalRows.append(.init(label: sv ? "Frakt" : "Delivery", amount: money(totals.shipping)))
        }
        totalRows.append(.init(label: sv ? "Summa exkl. moms" : "Total excl. VAT", amount: money(totals.net)))
        totalRows.append(
            .init(label: (sv ? "Moms " : "VAT ") + totals.vatRate.formatted(language), amount: money(totals.vat)))
        totalRows.append(
            .init(label: sv ? "Att betala" : "Total to pay", amount: money(totals.total), emphasised: true))

        let customer = snapshot.customer
        var customerLines = [customer.displayName]
        if customer.kind == .company && !customer.name.isEmpty { customerLines.append(customer.name) }
        customerLines += customer.billingAddress.printedLines
        customerLines += [customer.email, customer.phone].filter { !$0.isEmpty }

        let period =
            "\(snapshot.period.start.iso) – \(snapshot.period.end.iso) (\(snapshot.period.days) \(sv ? "dagar" : "days"))"
        let title = signed == nil ? (sv ? "Offert" : "Quotation") : (sv ? "Hyresavtal" : "Rental agreement")
        self.init(
            language: language, company: snapshot.company, title: title, quotationNumber: snapshot.number.description,
            quotationVersion: snapshot.version, bookingNumber: bookingNumber, customerLines: customerLines,
            rentalPeriod: period, deliveryAddress: snapshot.deliveryAddress.printedLines,
            lines: totals.lines.map {
                AgreementLine(
                    name: $0.line.description, quantity: String($0.line.quantity), days: String($0.days),
                    unitPrice: money($0.line.unitPrice), lineTotal: money($0.total))
            },
            totals: totalRows,
            terms: terms,
            signature: signed?.signature ?? .typed(name: ""),
            evidence: signed?.evidence
                ?? SigningEvidence(
                    signerName: "", signerEmail: "", signedAtStockholm: "", signedAtUTC: "", ipAddress: "",
                    userAgent: "",
                    versionSHA256: "", linkID: ""))
        isSigned = signed != nil
        customFields = (snapshot.customFields ?? []).map { AgreementField(label: $0.label, value: $0.value) }
    }
}

public import Database
public import Domain
public import Foundation

/// Issuing a draft: in one transaction, the seller is read from the settings and checked with the
/// buyer against what an invoice must say (ML 17 kap. 24 §); the next number of the series is
/// taken (gap-free: a rollback gives it back, and concurrent issues wait for each other on the
/// series row); the dates, the OCR reference and the totals are set; the Peppol UBL is written
/// with its SHA-256; the audit row and the `invoice.issued` event go with it. From then on the
/// database refuses any change.
public enum IssueInvoice {
    public enum Outcome: Sendable, Equatable {
        case issued(number: String)
        case notFound
        case alreadyIssued(number: String?)
        /// What must be filled in first (settings or the customer), nothing stored.
        case refused([InvoiceRequirements.Problem])
        /// The lines cannot be invoiced as they are (no lines, a zero amount, a discount too
        /// large), nothing stored.
        case invalid(InvoiceError)
        /// A credit note beyond what is left of its invoice at a VAT rate, nothing stored.
        case exceedsInvoice(InvoiceArithmetic.CreditExcess)
        /// The configured validator refused the UBL, in its words; nothing stored, no number used.
        case notValid(String)
    }

    /// - Parameters:
    ///   - today: the issue date (Stockholm), by default today.
    ///   - renderPDF: the document's PDF in the customer's language (`InvoiceRenderer.render`), archived
    ///     with the XML in the same transaction.
    /// - Throws: `InvoiceError` (amounts), `BooksLocked` (the issue date is in an exported, locked
    ///   period), the renderer's error, `DatabaseError`.
    public static func run(
        _ connection: Connection, id: Int64, issuedBy: UserID, actor: AuditActor, today: CalendarDate? = nil,
        validator: UBLValidator? = nil, renderPDF: (InvoiceDocument, Language) throws -> [UInt8]
    ) throws -> Outcome {
        do {
            return try issue(
                connection, id: id, issuedBy: issuedBy, actor: actor, today: today, validator: validator,
                renderPDF: renderPDF)
        } catch let refused as Refused {
            return .notValid(refused.problems)
        }
    }

    struct Refused: Error {
        let problems: String
    }

    private static func issue(
        _ connection: Connection, id: Int64, issuedBy: UserID, actor: AuditActor, today: CalendarDate?,
        validator: UBLValidator?, renderPDF: (InvoiceDocument, Language) throws -> [UInt8]
    ) throws -> Outcome {
        try connection.transaction { tx -> Outcome in
            guard let draft = try InvoiceStore.draft(tx, id: id, lock: true) else { return .notFound }
            guard draft.state == "draft" else {
                return .alreadyIssued(number: try InvoiceStore.find(tx, id: id)?.number)
            }
            let settings = try InvoiceStore.settings(tx)
            let problems = InvoiceRequirements.problems(seller: settings.seller, buyer: draft.buyer)
            guard problems.isEmpty else { return .refused(problems) }
            let lines = draft.chargedLines
            let allowances = draft.chargedAllowances
            var totals: InvoiceTotals
            do {
                totals = try InvoiceTotals.compute(
                    lines: lines, allowances: allowances, roundToKronor: settings.roundToKronor)
            } catch let error as InvoiceError {
                return .invalid(error)
            }
            guard totals.payable.ore > 0 else { return .invalid(.zeroAmount) }
            if draft.purpose.isOutsideVAT,
                draft.lines.contains(where: { $0.vatRate.basisPoints != 0 })
                    || draft.allowances.contains(where: { $0.vatRate.basisPoints != 0 })
            {
                return .invalid(.taxedSecurityDeposit)
            }
            if draft.kind == .creditNote {
                // Credits of one invoice issue one at a time, each against what the others left.
                guard let invoiceID = draft.creditedID else { return .notFound }
                try InvoiceStore.lockCredits(tx, invoiceID: invoiceID)
                let room = try InvoiceStore.creditRoom(tx, invoiceID: invoiceID)
                if let excess = InvoiceArithmetic.creditExcess(
                    credit: totals, invoiceRates: room.rates.map { ($0.rate, $0.taxable) }, creditedRates: [])
                {
                    return .exceedsInvoice(excess)
                }
                // VAT and whole-kronor rounding per document must not add up beyond the invoice.
                totals = InvoiceArithmetic.fitCredit(totals, room: room, roundToKronor: settings.roundToKronor)
            }
            let issueDate = today ?? BusinessCalendar.today()
            try BooksLockStore.ensureOpen(tx, on: issueDate)
            let number = try NumberStore.allocate(tx, kind: .invoice)
            guard let ocr = OCRReference(invoice: number) else { throw InvoiceError.overflow }
            var document = InvoiceDocument(
                kind: draft.kind, number: number.description, issueDate: issueDate,
                dueDate: try issueDate.adding(days: draft.kind == .creditNote ? 0 : settings.termsDays),
                period: draft.period, seller: settings.seller, buyer: draft.buyer, lines: lines,
                allowances: allowances, totals: totals, ocr: ocr, paymentTermsDays: settings.termsDays,
                credited: draft.credited, orderReference: draft.orderReference, purpose: draft.purpose)
            document.logo = try InvoiceStore.logo(tx)
            let xml = UBLInvoice.xml(document)
            if let validator,
                let problems = validator.problems(xml: xml, peppol: UBLInvoice.buyerEndpoint(document) != nil)
            {
                // Thrown, so the transaction rolls back and gives the number back.
                throw Refused(problems: problems)
            }
            try InvoiceStore.markIssued(
                tx, document: document, id: id, xml: xml, sha256: SHA256.hexDigest(Array(xml.utf8)),
                pdf: try renderPDF(document, draft.language), issuedBy: issuedBy, actor: actor)
            return .issued(number: number.description)
        }
    }
}

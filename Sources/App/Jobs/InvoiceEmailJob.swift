import Database
import Domain
import Foundation
import Logging
import Mail
import Templates
import Worker

/// `Job.invoiceEmail`: the issued invoice or credit note to the customer's address, in their
/// language, its archived PDF attached (the same bytes as the page serves).
struct InvoiceEmailJob {
    let transport: any MailTransport

    struct Missing: Error, CustomStringConvertible {
        var description: String { "the invoice is not issued (or was removed)" }
    }

    /// Nobody to send to: another attempt cannot help.
    struct NoAddress: PermanentJobFailure, CustomStringConvertible {
        var description: String { "the customer has no email address on the invoice" }
    }

    func run(invoiceID: Int64, connection: Connection, logger: Logger) throws {
        guard let inputs = try InvoiceStore.emailInputs(connection, id: invoiceID) else { throw Missing() }
        guard !inputs.buyer.email.isEmpty else { throw NoAddress() }
        let party = inputs.seller.party
        let content = InvoiceEmail.render(
            kind: inputs.kind, number: inputs.number, companyName: party.name,
            customerName: inputs.buyer.contact.isEmpty ? inputs.buyer.name : inputs.buyer.contact,
            payable: inputs.payable, dueDate: inputs.dueDate, ocr: inputs.ocr, bankgiro: inputs.seller.bankgiro,
            language: inputs.language)
        let message = try EmailMessage(
            from: try SigningLinkEmailJob.parseSender(inputs.sender, fallback: party.email, company: party.name),
            to: [try EmailAddress(inputs.buyer.email, displayName: inputs.buyer.name)],
            replyTo: party.email.isEmpty ? nil : try EmailAddress(party.email, displayName: party.name),
            subject: content.subject, textBody: content.text, htmlBody: content.html,
            attachments: [try .init(filename: "\(inputs.number).pdf", mimeType: "application/pdf", bytes: inputs.pdf)])
        let id = try transport.send(message)
        logger.info("invoice sent", metadata: ["message_id": "\(id)", "invoice": "\(inputs.number)"])
    }
}

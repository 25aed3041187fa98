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
        let content = InvoiceEmail.render(
            kind: inputs.kind, number: inputs.number, companyName: inputs.seller.party.name,
            customerName: Self.addressee(inputs), payable: inputs.payable, dueDate: inputs.dueDate, ocr: inputs.ocr,
            bankgiro: inputs.seller.bankgiro, language: inputs.language)
        let id = try send(content, inputs)
        logger.info("invoice sent", metadata: ["message_id": "\(id)", "invoice": "\(inputs.number)"])
    }

    /// `Job.invoiceReminderEmail`: the reminder, with the invoice's archived PDF.
    func runReminder(reminderID: Int64, connection: Connection, logger: Logger) throws {
        guard let (reminder, inputs) = try InvoiceStore.reminderEmailInputs(connection, reminderID: reminderID) else {
            throw Missing()
        }
        let content = InvoiceReminderEmail.render(
            reminder: reminder, number: inputs.number, dueDate: inputs.dueDate, companyName: inputs.seller.party.name,
            customerName: Self.addressee(inputs), ocr: inputs.ocr, bankgiro: inputs.seller.bankgiro,
            language: inputs.language)
        let id = try send(content, inputs)
        logger.info(
            "invoice reminder sent",
            metadata: ["message_id": "\(id)", "invoice": "\(inputs.number)", "reminder": "\(reminder.sequence)"])
    }

    /// The buyer's contact person, else the buyer.
    static func addressee(_ inputs: InvoiceStore.EmailInputs) -> String {
        inputs.buyer.contact.isEmpty ? inputs.buyer.name : inputs.buyer.contact
    }

    /// To the buyer's address from the company's sender, the invoice's archived PDF attached.
    private func send(_ content: EmailContent, _ inputs: InvoiceStore.EmailInputs) throws -> String {
        guard !inputs.buyer.email.isEmpty else { throw NoAddress() }
        let party = inputs.seller.party
        let message = try EmailMessage(
            from: try SigningLinkEmailJob.parseSender(inputs.sender, fallback: party.email, company: party.name),
            to: [try EmailAddress(inputs.buyer.email, displayName: inputs.buyer.name)],
            replyTo: party.email.isEmpty ? nil : try EmailAddress(party.email, displayName: party.name),
            subject: content.subject, textBody: content.text, htmlBody: content.html,
            attachments: [try .init(filename: "\(inputs.number).pdf", mimeType: "application/pdf", bytes: inputs.pdf)])
        return try transport.send(message)
    }
}

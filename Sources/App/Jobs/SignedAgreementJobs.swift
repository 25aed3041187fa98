import Database
import Domain
import Foundation
import Logging
import Mail
import Sealing
import Templates

/// The jobs after a signature: the signed PDF, the confirmation with it to the customer, and the
/// notice to the team's address (skipped when none is configured).
struct SignedAgreementJobs {
    let transport: any MailTransport
    /// The company's seal, when configured (`EG_SEAL_P12`).
    var sealer: PDFSealer?

    /// `Job.signedAgreementPDF`: renders and stores the signed PDF.
    func storePDF(versionID: QuotationVersionID, connection: Connection, logger: Logger) throws {
        let (_, pdf) = try SignedAgreementPDF.ensure(connection, versionID: versionID.rawValue, sealer: sealer)
        logger.info("signed agreement stored", metadata: ["bytes": "\(pdf.count)"])
    }

    /// `Job.signedConfirmationEmail`: the confirmation with the signed PDF, in the customer's language.
    func confirmCustomer(versionID: QuotationVersionID, connection: Connection, logger: Logger) throws {
        let (inputs, pdf) = try SignedAgreementPDF.ensure(connection, versionID: versionID.rawValue, sealer: sealer)
        let snapshot = try QuotationSnapshot(canonicalJSON: inputs.snapshotJSON)
        let company = snapshot.company.name
        let content = SignedConfirmationEmail.render(
            language: Language(rawValue: inputs.customerLocale) ?? .default, signerName: inputs.signerName,
            bookingNumber: inputs.bookingNumber, companyName: company)
        let message = try EmailMessage(
            from: try sender(inputs, company: company),
            to: [
                try EmailAddress(
                    inputs.customerEmail.isEmpty ? inputs.signerEmail : inputs.customerEmail,
                    displayName: inputs.customerName)
            ],
            replyTo: inputs.contactEmail.isEmpty ? nil : try EmailAddress(inputs.contactEmail, displayName: company),
            subject: content.subject, textBody: content.text, htmlBody: content.html,
            attachments: [
                try .init(filename: SignedAgreementPDF.fileName(inputs), mimeType: "application/pdf", bytes: pdf)
            ])
        let id = try transport.send(message)
        logger.info("email sent", metadata: ["message_id": "\(id)"])
    }

    /// `Job.teamNewBookingEmail`: the notice of the new booking, with the signed PDF.
    func notifyTeam(versionID: QuotationVersionID, connection: Connection, logger: Logger) throws {
        let (inputs, pdf) = try SignedAgreementPDF.ensure(connection, versionID: versionID.rawValue, sealer: sealer)
        guard !inputs.teamEmail.isEmpty else {
            logger.info("no team notification address configured; nothing sent")
            return
        }
        let snapshot = try QuotationSnapshot(canonicalJSON: inputs.snapshotJSON)
        let content = TeamNoticeEmail.newBooking(
            bookingNumber: inputs.bookingNumber, snapshot: snapshot, signerName: inputs.signerName)
        let message = try EmailMessage(
            from: try sender(inputs, company: snapshot.company.name), to: [try EmailAddress(inputs.teamEmail)],
            subject: content.subject, textBody: content.text, htmlBody: content.html,
            attachments: [
                try .init(filename: SignedAgreementPDF.fileName(inputs), mimeType: "application/pdf", bytes: pdf)
            ])
        let id = try transport.send(message)
        logger.info("email sent", metadata: ["message_id": "\(id)"])
    }

    private func sender(_ inputs: SignedAgreementInputs, company: String) throws -> EmailAddress {
        try SigningLinkEmailJob.parseSender(inputs.sender, fallback: inputs.contactEmail, company: company)
    }
}

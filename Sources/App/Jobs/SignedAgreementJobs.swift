import Database
import Domain
import Foundation
import Logging
import Mail
import Worker

/// The payload the signing transaction queues for its three jobs.
struct BookingJobPayload: Decodable {
    let booking_id: Int64
    let quotation_version_id: Int64

    static func decode(_ job: ClaimedJob) throws -> BookingJobPayload {
        try JSONDecoder().decode(BookingJobPayload.self, from: Data(job.payload.utf8))
    }
}

/// `pdf.signed_agreement`: renders and stores the signed PDF.
struct SignedAgreementPDFJob: JobHandler {
    let kinds = ["pdf.signed_agreement"]

    func run(_ job: ClaimedJob, connection: Connection, logger: Logger) throws {
        let payload = try BookingJobPayload.decode(job)
        let (_, pdf) = try SignedAgreementPDF.ensure(connection, versionID: payload.quotation_version_id)
        logger.info("signed agreement stored", metadata: ["bytes": "\(pdf.count)"])
    }
}

/// `email.signed` and `email.team_new_booking`: the confirmation with the signed PDF to the
/// customer, and the notice to the team's address (skipped when none is configured).
struct SignedAgreementEmailJob: JobHandler {
    let kinds = ["email.signed", "email.team_new_booking"]
    let transport: any MailTransport
    let publicBaseURL: String

    func run(_ job: ClaimedJob, connection: Connection, logger: Logger) throws {
        let payload = try BookingJobPayload.decode(job)
        let (inputs, pdf) = try SignedAgreementPDF.ensure(connection, versionID: payload.quotation_version_id)
        let snapshot = try QuotationSnapshot(canonicalJSON: inputs.snapshotJSON)
        let company = snapshot.company.name
        let from = try sender(inputs, company: company)
        let message: EmailMessage
        if job.kind == "email.signed" {
            let sv = (Language(rawValue: inputs.customerLocale) ?? .default) == .sv
            let subject = sv
                ? "Bekräftelse: bokning \(inputs.bookingNumber) hos \(company)"
                : "Confirmation: booking \(inputs.bookingNumber) with \(company)"
            let text = sv
                ? "Hej \(inputs.signerName)!\n\nTack för din signatur. Din bokning har nummer \(inputs.bookingNumber). Det signerade avtalet finns bifogat som PDF.\n\n\(company)\n"
                : "Hello \(inputs.signerName),\n\nThank you for signing. Your booking number is \(inputs.bookingNumber). The signed agreement is attached as a PDF.\n\n\(company)\n"
            message = try EmailMessage(
                from: from, to: [try EmailAddress(inputs.customerEmail.isEmpty ? inputs.signerEmail : inputs.customerEmail,
                                                  displayName: inputs.customerName)],
                replyTo: inputs.contactEmail.isEmpty ? nil : try EmailAddress(inputs.contactEmail, displayName: company),
                subject: subject, textBody: text, htmlBody: Self.html(text),
                attachments: [try .init(filename: SignedAgreementPDF.fileName(inputs), mimeType: "application/pdf", bytes: pdf)])
        } else {
            guard !inputs.teamEmail.isEmpty else {
                logger.info("no team notification address configured; nothing sent")
                return
            }
            let text = "Ny bokning \(inputs.bookingNumber): \(snapshot.number) signerad av \(inputs.signerName), "
                + "\(snapshot.period.start.iso) – \(snapshot.period.end.iso), \(snapshot.totals.total.formatted(.sv)).\n"
            message = try EmailMessage(
                from: from, to: [try EmailAddress(inputs.teamEmail)],
                subject: "Ny bokning \(inputs.bookingNumber) – \(snapshot.customer.displayName)", textBody: text,
                htmlBody: Self.html(text),
                attachments: [try .init(filename: SignedAgreementPDF.fileName(inputs), mimeType: "application/pdf", bytes: pdf)])
        }
        let id = try transport.send(message)
        logger.info("email sent", metadata: ["message_id": "\(id)"])
    }

    private func sender(_ inputs: SignedAgreementInputs, company: String) throws -> EmailAddress {
        try SigningLinkEmailJob.parseSender(inputs.sender, fallback: inputs.contactEmail, company: company)
    }

    /// Plain paragraphs as minimal HTML, escaped.
    static func html(_ text: String) -> String {
        let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
        let paragraphs = escaped.components(separatedBy: "\n\n").filter { !$0.isEmpty }
            .map { "<p>\($0.replacingOccurrences(of: "\n", with: "<br>"))</p>" }
        return "<!doctype html><html><body>\(paragraphs.joined())</body></html>"
    }
}

import Database
import Foundation
import Logging
import Mail
import Worker

/// `email.team_unavailable` and `email.team_declined`: tells the team, in Swedish (the staff's
/// language), that a customer could not sign because stock ran out, or declined with a reason.
/// Nothing is sent when no team address is configured.
struct TeamNoticeJob: JobHandler {
    let kinds = ["email.team_unavailable", "email.team_declined"]
    let transport: any MailTransport

    struct Payload: Decodable {
        struct Item: Decodable {
            let description: String
            let requested: Int
            let available: Int
        }
        let quotation_id: Int64
        let decline_id: Int64?
        let items: [Item]?
    }

    func run(_ job: ClaimedJob, connection: Connection, logger: Logger) throws {
        let payload = try JSONDecoder().decode(Payload.self, from: Data(job.payload.utf8))
        guard let details = try TeamNoticeStore.details(connection, quotationID: payload.quotation_id, declineID: payload.decline_id)
        else { return }
        guard !details.teamEmail.isEmpty else {
            logger.info("no team notification address configured; nothing sent")
            return
        }
        let subject: String
        var text: String
        if job.kind == "email.team_unavailable" {
            subject = "Kunde inte signeras: \(details.quotationNumber) – artiklar saknas"
            text = "\(details.customerName) försökte signera \(details.quotationNumber), men artiklarna räckte inte för perioden:\n\n"
            for item in payload.items ?? [] {
                text += "- \(item.description): \(item.requested) önskade, \(item.available) lediga\n"
            }
            text += "\nKunden har fått veta att ni hör av er.\n"
        } else {
            subject = "Avböjd: \(details.quotationNumber) – \(details.customerName)"
            text = "\(details.customerName) har avböjt \(details.quotationNumber).\n\nOrsak: "
                + ((details.declineReason?.isEmpty == false) ? details.declineReason! : "(ingen angiven)") + "\n"
        }
        let message = try EmailMessage(
            from: try SigningLinkEmailJob.parseSender(details.sender, fallback: details.contactEmail, company: details.companyName),
            to: [try EmailAddress(details.teamEmail)], subject: subject, textBody: text,
            htmlBody: SignedAgreementEmailJob.html(text))
        _ = try transport.send(message)
    }
}

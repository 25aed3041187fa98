import Database
import Domain
import Foundation
import Logging
import Mail
import Templates

/// `Job.portalLinkEmail`: the email with a customer's portal sign-in link. The request queues it
/// with the link's ID and the token (the only place the token exists in clear); the token leaves
/// the job's payload once the email is out or the link can no longer be used (and `JobStore` drops
/// it from a job that fails for good).
struct PortalLinkEmailJob {
    let transport: any MailTransport
    let publicBaseURL: String

    struct LinkMissing: Error, CustomStringConvertible {
        let id: Int64
        var description: String { "portal link \(id) does not exist" }
    }

    func run(linkID: Int64, token: String?, jobID: Int64, connection: Connection, logger: Logger) throws {
        guard let token else {
            logger.info("token already scrubbed: the email went out before")
            return
        }
        guard let details = try PortalStore.linkEmailDetails(connection, linkID: linkID) else {
            throw LinkMissing(id: linkID)
        }
        guard !details.isUsed, details.expiresAt > Date() else {
            logger.info("portal link used, replaced or expired before sending; nothing sent")
            try SigningStore.scrubToken(connection, jobID: jobID)
            return
        }
        let content = PortalLinkEmail.render(
            language: Language(rawValue: details.locale) ?? .default, customerName: details.customerName,
            companyName: details.companyName, link: "\(publicBaseURL)/portal/login/\(token)",
            expiresAt: details.expiresAt)
        let message = try EmailMessage(
            from: try SigningLinkEmailJob.parseSender(
                details.sender, fallback: details.contactEmail, company: details.companyName),
            to: [try EmailAddress(details.recipientEmail, displayName: details.customerName)],
            replyTo: details.contactEmail.isEmpty
                ? nil : try EmailAddress(details.contactEmail, displayName: details.companyName),
            subject: content.subject, textBody: content.text, htmlBody: content.html)
        let messageID = try transport.send(message)
        try SigningStore.scrubToken(connection, jobID: jobID)
        logger.info("portal link sent", metadata: ["message_id": "\(messageID)"])
    }
}

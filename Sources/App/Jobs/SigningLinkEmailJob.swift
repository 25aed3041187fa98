import Database
import Domain
import Foundation
import Logging
import Mail
import Templates

/// `Job.signingLinkEmail`: the email that brings the customer their signing link. The send
/// operation queues it with the link's ID and the token (the only place the token exists in
/// clear); once the email is out, the token is removed from the job's payload.
///
/// Delivery is at least once: a worker that dies between sending and recording it sends again.
struct SigningLinkEmailJob {
    let transport: any MailTransport
    let publicBaseURL: String

    struct LinkMissing: Error, CustomStringConvertible {
        let id: Int64
        var description: String { "signing link \(id) does not exist" }
    }

    func run(linkID: SigningLinkID, token: String?, jobID: Int64, connection: Connection, logger: Logger) throws {
        guard let token else {
            logger.info("token already scrubbed: the email went out before")
            return
        }
        guard let details = try SigningStore.linkEmailDetails(connection, linkID: linkID.rawValue) else {
            throw LinkMissing(id: linkID.rawValue)
        }
        if details.isVoided {
            // A newer version was sent before this email went out: its own email carries the live link.
            logger.info("link voided before sending; nothing sent")
            try SigningStore.scrubToken(connection, jobID: jobID)
            return
        }
        let content = SigningLinkEmail(
            language: Language(rawValue: details.locale) ?? .default, customerName: details.customerName,
            companyName: details.companyName, quotationNumber: details.quotationNumber, title: details.title,
            link: "\(publicBaseURL)/sign/\(token)", expiresAt: details.expiresAt, contactEmail: details.contactEmail,
            contactPhone: details.contactPhone, message: details.message)
        let message = try EmailMessage(
            from: try Self.sender(details),
            to: [try EmailAddress(details.recipientEmail, displayName: details.customerName)],
            replyTo: details.contactEmail.isEmpty
                ? nil : try EmailAddress(details.contactEmail, displayName: details.companyName),
            subject: content.subject, textBody: content.text, htmlBody: content.html)
        let messageID = try transport.send(message)
        try SigningStore.scrubToken(connection, jobID: jobID)
        logger.info("signing link sent", metadata: ["message_id": "\(messageID)"])
    }

    /// The From address: the configured sender (`Name <address>` or an address), else the
    /// contact address, else a no-reply address.
    static func sender(_ details: SigningLinkEmailDetails) throws -> EmailAddress {
        try parseSender(details.sender, fallback: details.contactEmail, company: details.companyName)
    }

    static func parseSender(_ sender: String, fallback: String, company: String) throws -> EmailAddress {
        let configured = sender.trimmingCharacters(in: .whitespaces)
        if let open = configured.lastIndex(of: "<"), let close = configured.lastIndex(of: ">"), open < close {
            let name = configured[..<open].trimmingCharacters(in: CharacterSet(charactersIn: " \""))
            return try EmailAddress(
                String(configured[configured.index(after: open)..<close]), displayName: name.isEmpty ? company : name)
        }
        if !configured.isEmpty { return try EmailAddress(configured, displayName: company) }
        if !fallback.isEmpty { return try EmailAddress(fallback, displayName: company) }
        return try EmailAddress("no-reply@localhost", displayName: company)
    }
}

import Database
import Domain
import Foundation
import Logging
import Mail
import Templates
import Worker

/// `Job.conversationReply`: a staff member's reply to the conversation's party, from the
/// company's sender, with the writer's and the company's signature, its attachments, and
/// `In-Reply-To`/`References` so the customer's mail client keeps one thread. The message's
/// Message-ID is recorded once sent: the customer's answer threads by it.
struct ConversationReplyJob {
    let transport: any MailTransport

    struct Missing: PermanentJobFailure, CustomStringConvertible {
        var description: String { "the reply was removed" }
    }

    func run(messageID: Int64, connection: Connection, logger: Logger) throws {
        guard let reply = try InboxStore.outgoing(connection, messageID: messageID) else { throw Missing() }
        // Sent on an earlier attempt whose completion was lost: not again.
        guard reply.delivery != "sent" else { return }
        let settings = try TriggerStore.teamAddress(connection)
        let company = try CompanyStore.profile(connection)
        let body = reply.text.trimmingCharacters(in: .whitespacesAndNewlines) + "\n\n" + Self.signature(reply, company)
        let content = EmailContent.plain(
            language: try InboxStore.messageLanguage(connection, messageID: messageID) ?? .default,
            subject: reply.subject, body: body)
        // Building the message can fail only on what a received message left (a subject or an id
        // no header may carry): that reply can never go, so it fails for good, saying why.
        let message: EmailMessage
        do {
            message = try EmailMessage(
                from: try SigningLinkEmailJob.parseSender(
                    settings.sender, fallback: settings.contact, company: company.name),
                to: [try EmailAddress(reply.to)],
                replyTo: company.email.isEmpty ? nil : try EmailAddress(company.email, displayName: company.name),
                subject: content.subject, textBody: content.text, htmlBody: content.html,
                attachments: try reply.attachments.map {
                    try .init(
                        filename: $0.filename.isEmpty ? "attachment" : $0.filename, mimeType: $0.contentType,
                        bytes: $0.bytes)
                }, extraHeaders: Self.threading(reply))
        } catch {
            try InboxStore.recordDelivery(connection, messageID: messageID, sentAs: nil, error: "\(error)")
            throw Unsendable(reason: "\(error)")
        }
        let id: String
        do {
            id = try transport.send(message)
        } catch {
            try? InboxStore.recordDelivery(connection, messageID: messageID, sentAs: nil, error: "\(error)")
            throw error
        }
        try InboxStore.recordDelivery(connection, messageID: messageID, sentAs: id, error: nil)
        logger.info("conversation reply sent", metadata: ["message_id": "\(id)", "reply": "\(messageID)"])
    }

    struct Unsendable: PermanentJobFailure, CustomStringConvertible {
        let reason: String
        var description: String { "the reply cannot be written as an email: \(reason)" }
    }

    /// `In-Reply-To` and `References`: the ids a header can carry, the oldest dropped first when
    /// they do not fit one line.
    static func threading(_ reply: InboxStore.OutgoingReply) -> [EmailMessage.Header] {
        var headers: [EmailMessage.Header] = []
        if let parent = reply.inReplyTo.last,
            let header = try? EmailMessage.Header(name: "In-Reply-To", value: "<\(parent)>")
        {
            headers.append(header)
        }
        var references = reply.references
        while !references.isEmpty {
            if let header = try? EmailMessage.Header(
                name: "References", value: references.map { "<\($0)>" }.joined(separator: " "))
            {
                headers.append(header)
                break
            }
            references.removeFirst()
        }
        return headers
    }

    /// The writer's name, then the company's name, phone, email and website.
    static func signature(_ reply: InboxStore.OutgoingReply, _ company: CompanyProfile) -> String {
        var lines = ["-- "]
        if let writer = reply.writer, !writer.isEmpty { lines.append(writer) }
        if !company.name.isEmpty { lines.append(company.name) }
        let contact = [company.phone, company.email, company.website].filter { !$0.isEmpty }
        if !contact.isEmpty { lines.append(contact.joined(separator: " · ")) }
        return lines.joined(separator: "\n")
    }
}

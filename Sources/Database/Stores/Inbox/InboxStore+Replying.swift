public import Domain
import Foundation

/// Replying: staff write in a conversation; the worker sends it through the normal outgoing mail,
/// threaded to the customer's last message.
extension InboxStore {
    /// What a staff member wrote.
    public struct Reply: Sendable, Equatable {
        public let text: String
        /// Files to send with it: uploads, the offer's PDF.
        public let files: [ReceivedMail.Attachment]

        public init(text: String, files: [ReceivedMail.Attachment]) {
            self.text = text
            self.files = files
        }
    }

    public enum Replied: Sendable, Equatable {
        case queued(message: Int64)
        case notFound
        /// The party's address is not one mail can go to.
        case noAddress
    }

    /// Stores the reply (to the party, "Re:" the subject, `In-Reply-To` the newest received
    /// message and its `References`), makes the conversation wait for the customer, and queues
    /// the email — with the audit row (`conversation.replied`), in one transaction.
    public static func reply(
        _ connection: Connection, conversation: Int64, reply: Reply, actor: AuditActor
    ) throws -> Replied {
        try connection.transaction { tx -> Replied in
            guard
                let row = try tx.query(
                    """
                    SELECT c.subject, c.party_address::text AS party, c.state,
                           (SELECT jsonb_build_object('id', m.message_id, 'refs', to_jsonb(m.references_ids), 'subject', m.subject)::text
                              FROM mail_messages m WHERE m.conversation_id = c.id AND m.direction = 'in'
                               AND m.kind NOT IN ('auto-reply', 'bounce')
                             ORDER BY m.id DESC LIMIT 1) AS last
                      FROM conversations c WHERE c.id = \(conversation) FOR UPDATE
                    """
                ).first
            else { return .notFound }
            let party: String = try row.decode("party")
            guard EmailAddressRule.isValid(party) else { return .noAddress }
            let last = try row.decode("last", as: String?.self).flatMap { $0.data(using: .utf8) }.flatMap {
                try? JSONDecoder().decode(LastReceived.self, from: $0)
            }
            let base: String = try row.decode("subject")
            let subject = MailThreading.replySubject(last?.subject ?? base)
            let references = MailThreading.replyReferences(to: last?.refs ?? [], messageID: last?.id)
            let files = reply.files
            let user = actor.userID?.rawValue
            let id: Int64 = try tx.query(
                """
                INSERT INTO mail_messages (conversation_id, direction, kind, in_reply_to, references_ids, from_address,
                                           to_addresses, subject, sent_at, source, text_body, new_text, written_by,
                                           delivery)
                VALUES (\(conversation), 'out', 'staff', \(PostgresArray(last?.id.map { [$0] } ?? []))::text[],
                        \(PostgresArray(references))::text[], NULL, \(party), \(subject), now(), 'staff',
                        \(reply.text), \(reply.text), \(user), 'queued')
                RETURNING id
                """)[0].decode("id")
            for (position, file) in files.enumerated() {
                try tx.execute(
                    """
                    INSERT INTO mail_attachments (mail_message_id, position, filename, content_type, size, sha256, bytes)
                    VALUES (\(id), \(position), \(String(file.filename.prefix(255))), \(file.contentType), \(file.size),
                            \(file.sha256), \(file.bytes))
                    """)
            }
            let state: String = try row.decode("state")
            try tx.execute(
                "UPDATE conversations SET state = 'waiting', last_message_at = now() WHERE id = \(conversation)")
            try tx.execute(
                """
                UPDATE mail_messages SET read_at = now()
                 WHERE conversation_id = \(conversation) AND direction = 'in' AND read_at IS NULL
                """)
            try AuditStore.record(
                tx, actor: actor, entity: "conversation", entityID: conversation, action: "replied",
                before: ["state": state],
                after: [
                    "state": "waiting", "message": String(id), "to": party, "subject": subject,
                    "attachments": files.map(\.filename).joined(separator: ", "),
                ].filter { !$0.value.isEmpty })
            _ = try JobStore.enqueue(tx, .conversationReply(conversationID: conversation, messageID: id))
            return .queued(message: id)
        }
    }

    private struct LastReceived: Decodable {
        let id: String?
        let refs: [String]?
        let subject: String
    }

    /// The reply as the worker sends it: its message, the conversation's party and attachments.
    public struct OutgoingReply: Sendable, Equatable {
        public let id: Int64
        public let to: String
        public let subject: String
        public let text: String
        public let inReplyTo: [String]
        public let references: [String]
        public let delivery: String?
        /// The staff member who wrote it, for the signature.
        public let writer: String?
        public let attachments: [(filename: String, contentType: String, bytes: [UInt8])]

        public static func == (lhs: OutgoingReply, rhs: OutgoingReply) -> Bool { lhs.id == rhs.id }
    }

    /// A written message to send; nil when it does not exist.
    public static func outgoing(_ connection: Connection, messageID: Int64) throws -> OutgoingReply? {
        let results = try connection.pipeline([
            """
            SELECT id, to_addresses, subject, text_body, array_to_json(in_reply_to)::text AS irt,
                   array_to_json(references_ids)::text AS refs, delivery,
                   (SELECT name FROM users WHERE id = written_by) AS writer
              FROM mail_messages WHERE id = \(messageID) AND direction = 'out'
            """,
            """
            SELECT filename, content_type, bytes FROM mail_attachments
             WHERE mail_message_id = \(messageID) AND bytes IS NOT NULL ORDER BY position
            """,
        ])
        guard let row = results[0].first else { return nil }
        return OutgoingReply(
            id: try row.decode("id"), to: try row.decode("to_addresses"), subject: try row.decode("subject"),
            text: try row.decode("text_body"), inReplyTo: strings(try row.decode("irt")),
            references: strings(try row.decode("refs")), delivery: try row.decode("delivery"),
            writer: try row.decode("writer"),
            attachments: try results[1].map {
                (try $0.decode("filename"), try $0.decode("content_type"), try $0.decode("bytes"))
            })
    }

    /// Records how sending a written message went: its Message-ID once sent (replies to it thread
    /// by it), or why it failed.
    public static func recordDelivery(
        _ connection: Connection, messageID: Int64, sentAs: String?, error: String?
    ) throws(DatabaseError) {
        try connection.execute(
            """
            UPDATE mail_messages SET message_id = coalesce(\(sentAs), message_id),
                   delivery = CASE WHEN \(error)::text IS NULL THEN 'sent' ELSE 'failed' END,
                   delivery_detail = \(error.map { String($0.prefix(500)) }),
                   sent_at = CASE WHEN \(error)::text IS NULL THEN now() ELSE sent_at END
             WHERE id = \(messageID) AND direction = 'out'
            """)
    }
}

public import Domain
import Foundation

/// Receiving: a message read by the app (`ingest-email`, the IMAP poll) is stored with its
/// attachments, threaded into its conversation, and announced, in one transaction.
extension InboxStore {
    /// What storing a received message did.
    public enum Received: Sendable, Equatable {
        /// Stored: its row, its conversation (nil for a report or auto-reply that matches none),
        /// whether that conversation is new, and the kind it was stored as.
        case stored(message: Int64, conversation: Int64?, newConversation: Bool, kind: String)
        /// The same message (by Message-ID, or by its bytes) was stored before: nothing was done.
        case duplicate(message: Int64)
    }

    /// Stores `mail`: deduplicated by Message-ID and SHA-256; threaded by `In-Reply-To` and
    /// `References` (a message received or sent, the worker's sent emails included), then a
    /// quotation or booking number in the subject, then the sender's open conversation; matched
    /// to a customer by address. A customer's message opens its conversation and is the
    /// `conversation.message_received` event (and `conversation.inquiry_received` for a new
    /// inquiry); an auto-reply is kept quietly; a delivery report marks the sent email bounced.
    public static func receive(_ connection: Connection, _ mail: ReceivedMail) throws -> Received {
        try connection.transaction { tx -> Received in
            // Two deliveries of one message (the MTA and IMAP) wait for each other here.
            _ = try tx.query("SELECT pg_advisory_xact_lock(8314, hashtext(\(mail.messageID ?? mail.rawSHA256)))")
            if let earlier: Int64 = try tx.query(
                """
                SELECT id FROM mail_messages
                 WHERE direction = 'in' AND (raw_sha256 = \(mail.rawSHA256) OR message_id = \(mail.messageID))
                 LIMIT 1
                """
            ).first?.decode("id") {
                return .duplicate(message: earlier)
            }
            var kind = mail.kind
            let system = AuditActor(kind: .system)
            if kind == "bounce" {
                let conversation = try recordBounce(tx, mail)
                // A staff reply that did not arrive makes its conversation ours to act on again.
                let id = try insert(tx, mail, kind: kind, conversation: conversation, read: conversation == nil)
                if let conversation {
                    let before: String = try tx.query(
                        "SELECT state FROM conversations WHERE id = \(conversation) FOR UPDATE")[0].decode("state")
                    try tx.execute(
                        "UPDATE conversations SET state = 'open', last_message_at = now() WHERE id = \(conversation)")
                    if before != "open" {
                        try AuditStore.record(
                            tx, actor: system, entity: "conversation", entityID: conversation, action: "state_changed",
                            before: ["state": before], after: ["state": "open", "reason": "our reply bounced"])
                    }
                }
                return .stored(message: id, conversation: conversation, newConversation: false, kind: kind)
            }
            // An automatic answer joins a conversation it belongs to, and never starts one.
            let found = try thread(tx, mail, create: kind != "auto-reply")
            if kind == "auto-reply" {
                // Kept with its thread when it has one; it neither reopens nor counts as unread.
                let id = try insert(tx, mail, kind: kind, conversation: found?.id, read: true)
                return .stored(message: id, conversation: found?.id, newConversation: false, kind: kind)
            }
            if kind == "inquiry", let found, found.byReference { kind = "reply" }
            // An answer to something we cannot find (written outside the product) starts a new
            // conversation: for us it is an inquiry.
            if kind == "reply", found == nil { kind = "inquiry" }
            let conversation: Int64
            var isNew = false
            if let found {
                conversation = found.id
            } else {
                isNew = true
                let party = try party(tx, mail)
                conversation = try tx.query(
                    """
                    INSERT INTO conversations (subject, party_address, party_name, customer_id)
                    VALUES (\(String(MailThreading.baseSubject(mail.subject).prefix(500))), \(party.address),
                            \(party.name.map { String($0.prefix(200)) }),
                            (SELECT id FROM customers WHERE email = \(party.address)::citext AND archived_at IS NULL
                              ORDER BY id DESC LIMIT 1))
                    RETURNING id
                    """)[0].decode("id")
            }
            let id = try insert(tx, mail, kind: kind, conversation: conversation, read: false)
            try tx.execute(
                """
                UPDATE conversations SET state = 'open', last_message_at = now(),
                       customer_id = coalesce(customer_id, (SELECT id FROM customers
                          WHERE email = \(mail.fromAddress ?? "")::citext AND archived_at IS NULL ORDER BY id DESC LIMIT 1))
                 WHERE id = \(conversation)
                """)
            try AuditStore.record(
                tx, actor: system, entity: "conversation", entityID: conversation, action: "message_received",
                after: [
                    "message": String(id), "kind": kind, "from": mail.fromAddress ?? "",
                    "subject": String(mail.subject.prefix(200)), "new_conversation": isNew ? "true" : "false",
                ])
            if isNew, kind == "inquiry" {
                try EventStore.emit(
                    tx, type: "conversation.inquiry_received", entityType: "conversation", entityID: conversation,
                    actor: system, details: ["message": String(id), "from": mail.fromAddress ?? ""])
            }
            return .stored(message: id, conversation: conversation, newConversation: isNew, kind: kind)
        }
    }

    /// Who a new conversation is with: the sender, or — when a staff member forwarded a customer's
    /// email to the inbox — the customer the email names.
    static func party(_ tx: Connection, _ mail: ReceivedMail) throws -> (address: String, name: String?) {
        if let named = mail.namedCustomer, let from = mail.fromAddress,
            try !tx.query("SELECT 1 FROM users WHERE email = \(from)::citext").isEmpty
        {
            return (String(named.address.prefix(320)), named.name)
        }
        return (mail.fromAddress ?? "", mail.fromName)
    }

    /// The conversation a message belongs to, and whether its headers said so (a reply) rather
    /// than only its sender. With `create`, a message about a quotation that has no conversation
    /// yet starts one about it.
    static func thread(_ tx: Connection, _ mail: ReceivedMail, create: Bool) throws -> (id: Int64, byReference: Bool)? {
        let ids = Array(Set(mail.inReplyTo + mail.references)).filter { !$0.isEmpty }.prefix(100).map { $0 as String? }
        if !ids.isEmpty {
            if let id: Int64 = try tx.query(
                """
                SELECT conversation_id FROM mail_messages
                 WHERE message_id = ANY(\(PostgresArray(Array(ids)))::text[]) AND conversation_id IS NOT NULL
                 ORDER BY id DESC LIMIT 1
                """
            ).first?.decode("conversation_id") {
                return (id, true)
            }
            // An email the worker sent (the offer's signing link, a confirmation, an invoice).
            if let sent = try tx.query(
                """
                SELECT e.entity_type, e.entity_id FROM events e
                 WHERE e.type = 'email.sent' AND e.payload->'details'->>'message_id' = ANY(\(PostgresArray(Array(ids)))::text[])
                 ORDER BY e.id DESC LIMIT 1
                """
            ).first {
                let entityType: String = try sent.decode("entity_type")
                let entityID: Int64? = try sent.decode("entity_id")
                // Our reply or a trigger's email in a conversation: that conversation.
                if entityType == "conversation", let entityID,
                    try !tx.query("SELECT 1 FROM conversations WHERE id = \(entityID)").isEmpty
                {
                    return (entityID, true)
                }
                if let link = try documentLink(tx, entityType: entityType, entityID: entityID),
                    let id = try conversation(tx, for: link, mail: mail, create: create)
                {
                    return (id, true)
                }
            }
        }
        // A number in the subject counts only from the quotation's own customer: anyone can type
        // a number, and a stranger must not land in (or open) another customer's conversation.
        if let link = try documentLink(tx, subject: mail.subject), let from = mail.fromAddress,
            try !tx.query("SELECT 1 FROM customers WHERE id = \(link.customer) AND email = \(from)::citext").isEmpty,
            let id = try conversation(tx, for: link, mail: mail, create: create)
        {
            return (id, true)
        }
        guard let from = mail.fromAddress, !from.isEmpty else { return nil }
        if let id: Int64 = try tx.query(
            """
            SELECT id FROM conversations WHERE party_address = \(from)::citext AND state <> 'closed'
             ORDER BY last_message_at DESC, id DESC LIMIT 1
            """
        ).first?.decode("id") {
            return (id, false)
        }
        return nil
    }

    /// A quotation (and its booking) a message is about.
    struct DocumentLink {
        let quotation: Int64
        let booking: Int64?
        let customer: Int64
    }

    /// The first quotation or booking number in the subject that exists.
    static func documentLink(_ tx: Connection, subject: String) throws -> DocumentLink? {
        for number in MailThreading.documentNumbers(in: subject) {
            let rows =
                number.kind == .quotation
                ? try tx.query(
                    """
                    SELECT q.id, b.id AS booking, q.customer_id FROM quotations q LEFT JOIN bookings b ON b.quotation_id = q.id
                     WHERE q.number = \(number.description)
                    """)
                : try tx.query(
                    "SELECT quotation_id AS id, id AS booking, customer_id FROM bookings WHERE number = \(number.description)"
                )
            if let row = rows.first {
                return DocumentLink(
                    quotation: try row.decode("id"), booking: try row.decode("booking"),
                    customer: try row.decode("customer_id"))
            }
        }
        return nil
    }

    /// The quotation behind a sent email's subject (a signing link, a quotation, a booking, an invoice).
    static func documentLink(_ tx: Connection, entityType: String, entityID: Int64?) throws -> DocumentLink? {
        guard let entityID else { return nil }
        let quotation: Query =
            switch entityType {
            case "quotation": "SELECT \(entityID)::bigint AS id"
            case "booking": "SELECT quotation_id AS id FROM bookings WHERE id = \(entityID)"
            case "signing_link":
                """
                SELECT v.quotation_id AS id FROM signing_links l JOIN quotation_versions v ON v.id = l.quotation_version_id
                 WHERE l.id = \(entityID)
                """
            case "invoice":
                "SELECT b.quotation_id AS id FROM invoices i JOIN bookings b ON b.id = i.booking_id WHERE i.id = \(entityID)"
            default: "SELECT NULL::bigint AS id WHERE false"
            }
        guard
            let row = try tx.query(
                """
                WITH q AS (\(fragment: quotation))
                SELECT qq.id, b.id AS booking, qq.customer_id FROM quotations qq JOIN q ON q.id = qq.id
                  LEFT JOIN bookings b ON b.quotation_id = qq.id
                """
            ).first
        else { return nil }
        return DocumentLink(
            quotation: try row.decode("id"), booking: try row.decode("booking"), customer: try row.decode("customer_id")
        )
    }

    /// The quotation's newest conversation, or (with `create`) a new one about it with the sender.
    static func conversation(
        _ tx: Connection, for link: DocumentLink, mail: ReceivedMail, create: Bool
    ) throws -> Int64? {
        if let id: Int64 = try tx.query(
            "SELECT id FROM conversations WHERE quotation_id = \(link.quotation) ORDER BY last_message_at DESC, id DESC LIMIT 1"
        ).first?.decode("id") {
            return id
        }
        guard create else { return nil }
        return try tx.query(
            """
            INSERT INTO conversations (subject, party_address, party_name, customer_id, quotation_id, booking_id)
            VALUES (\(String(MailThreading.baseSubject(mail.subject).prefix(500))), \(mail.fromAddress ?? ""),
                    \(mail.fromName.map { String($0.prefix(200)) }), \(link.customer), \(link.quotation), \(link.booking))
            RETURNING id
            """)[0].decode("id")
    }

    /// Marks the email a delivery report is about as bounced: a staff reply's row, and an
    /// `email.bounced` event about the sent email's subject. - Returns: the reply's conversation.
    static func recordBounce(_ tx: Connection, _ mail: ReceivedMail) throws -> Int64? {
        guard let bounce = mail.bounce, let original = bounce.originalMessageID, !original.isEmpty else { return nil }
        let reason = String(bounce.reason.prefix(500))
        var conversation: Int64?
        if let row = try tx.query(
            """
            UPDATE mail_messages SET delivery = 'bounced', delivery_detail = \(reason)
             WHERE direction = 'out' AND message_id = \(original) RETURNING conversation_id
            """
        ).first {
            conversation = try row.decode("conversation_id")
        }
        if let sent = try tx.query(
            """
            SELECT entity_type, entity_id, payload->'details'->>'to' AS recipient,
                   payload->'details'->>'subject' AS subject, payload->'details'->>'job_kind' AS kind
              FROM events WHERE type = 'email.sent' AND payload->'details'->>'message_id' = \(original)
             ORDER BY id DESC LIMIT 1
            """
        ).first {
            try EventStore.emit(
                tx, type: "email.bounced", entityType: try sent.decode("entity_type"),
                entityID: try sent.decode("entity_id"), actor: AuditActor(kind: .system),
                details: [
                    "to": bounce.recipient ?? (try sent.decode("recipient", as: String?.self) ?? ""),
                    "subject": try sent.decode("subject", as: String?.self) ?? "", "message_id": original,
                    "error": reason, "job_kind": try sent.decode("kind", as: String?.self) ?? "",
                ])
        }
        return conversation
    }

    /// Inserts the message and its attachments. - Returns: its id.
    static func insert(
        _ tx: Connection, _ mail: ReceivedMail, kind: String, conversation: Int64?, read: Bool
    ) throws -> Int64 {
        let id: Int64 = try tx.query(
            """
            INSERT INTO mail_messages (conversation_id, direction, kind, message_id, in_reply_to, references_ids,
                                       from_address, from_name, to_addresses, subject, sent_at, source, text_body,
                                       new_text, signature, html_body, raw, raw_sha256, raw_size, problems,
                                       extraction, read_at)
            VALUES (\(conversation), 'in', \(kind), \(mail.messageID.map { String($0.prefix(900)) }),
                    \(PostgresArray(mail.inReplyTo.prefix(100).map { String($0.prefix(900)) }))::text[],
                    \(PostgresArray(mail.references.prefix(100).map { String($0.prefix(900)) }))::text[],
                    \(mail.fromAddress.flatMap { $0.isEmpty ? nil : String($0.prefix(320)) })::citext,
                    \(mail.fromName.map { String($0.prefix(200)) }), \(String(mail.to.prefix(2000))),
                    \(String(mail.subject.prefix(1000))), \(mail.sentAt), \(mail.source.rawValue), \(mail.textBody),
                    \(mail.newText), \(mail.signature), \(mail.htmlBody), \(mail.raw), \(mail.rawSHA256),
                    \(mail.rawSize), \(PostgresArray(mail.problems.map { String($0.prefix(500)) }))::text[],
                    \(mail.extractionJSON)::jsonb, CASE WHEN \(read) THEN now() END)
            RETURNING id
            """)[0].decode("id")
        for (position, attachment) in mail.attachments.enumerated() {
            try tx.execute(
                """
                INSERT INTO mail_attachments (mail_message_id, position, filename, content_type, size, sha256, bytes)
                VALUES (\(id), \(position), \(String(attachment.filename.prefix(255))),
                        \(String(attachment.contentType.prefix(255))), \(attachment.size), \(attachment.sha256),
                        \(attachment.bytes))
                """)
        }
        return id
    }
}

public import Domain
public import Foundation

/// Conversations and their email: the inbox's lists, a conversation's page, and staff's changes
/// to it (each with its audit row and event, in one transaction). Receiving is
/// `InboxStore+Receiving`; replying is `InboxStore+Replying`.
public enum InboxStore {
    /// Where a conversation list is shown.
    public enum Scope: Sendable, Equatable {
        case inbox(InboxView, user: UserID)
        case customer(CustomerID)
        case quotation(QuotationID)
        case booking(BookingID)
    }

    /// Conversations of a view or a record, newest first.
    public static func conversations(
        _ connection: Connection, _ scope: Scope, limit: Int = 50, offset: Int = 0
    ) throws -> [ConversationSummary] {
        try connection.query(listQuery(scope, limit: limit, offset: offset)).map(summary)
    }

    static func listQuery(_ scope: Scope, limit: Int, offset: Int) -> Query {
        let filter: Query
        switch scope {
        case .inbox(let view, let user):
            filter =
                switch view {
                case .open: "c.state <> 'closed'"
                case .unread:
                    "EXISTS (SELECT 1 FROM mail_messages u WHERE u.conversation_id = c.id AND u.direction = 'in' AND u.read_at IS NULL)"
                case .mine: "c.state <> 'closed' AND c.assigned_to = \(user.rawValue)"
                case .waiting: "c.state = 'waiting'"
                case .closed: "c.state = 'closed'"
                }
        case .customer(let id): filter = "c.customer_id = \(id.rawValue)"
        case .quotation(let id): filter = "c.quotation_id = \(id.rawValue)"
        case .booking(let id):
            filter =
                "(c.booking_id = \(id.rawValue) OR c.quotation_id = (SELECT quotation_id FROM bookings WHERE id = \(id.rawValue)))"
        }
        return """
            SELECT \(unsafeRaw: summaryColumns) FROM conversations c
             WHERE \(fragment: filter)
             ORDER BY c.last_message_at DESC, c.id DESC LIMIT \(limit) OFFSET \(offset)
            """
    }

    /// How many conversations each inbox view holds, for its tabs.
    public static func counts(_ connection: Connection, user: UserID) throws(DatabaseError) -> [InboxView: Int] {
        guard
            let row = try connection.query(
                """
                SELECT count(*) FILTER (WHERE c.state <> 'closed') AS open,
                       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM mail_messages u WHERE u.conversation_id = c.id
                                                         AND u.direction = 'in' AND u.read_at IS NULL)) AS unread,
                       count(*) FILTER (WHERE c.state <> 'closed' AND c.assigned_to = \(user.rawValue)) AS mine,
                       count(*) FILTER (WHERE c.state = 'waiting') AS waiting,
                       count(*) FILTER (WHERE c.state = 'closed') AS closed
                  FROM conversations c
                """
            ).first
        else { return [:] }
        var counts: [InboxView: Int] = [:]
        for view in InboxView.allCases { counts[view] = try row.decode(view.rawValue) }
        return counts
    }

    static let summaryColumns = """
        c.id, c.subject, c.party_address::text AS party_address, c.party_name, c.state, c.last_message_at,
        (SELECT coalesce(nullif(cu.company_name, ''), cu.name) FROM customers cu WHERE cu.id = c.customer_id) AS customer_name,
        (SELECT u.name FROM users u WHERE u.id = c.assigned_to) AS assigned_name,
        (SELECT count(*) FROM mail_messages m WHERE m.conversation_id = c.id) AS messages,
        (SELECT count(*) FROM mail_messages m WHERE m.conversation_id = c.id AND m.direction = 'in' AND m.read_at IS NULL) AS unread,
        coalesce((SELECT left(regexp_replace(m.new_text, '\\s+', ' ', 'g'), 160) FROM mail_messages m
                   WHERE m.conversation_id = c.id ORDER BY m.id DESC LIMIT 1), '') AS snippet,
        (SELECT q.number FROM quotations q WHERE q.id = c.quotation_id) AS quotation_number,
        (SELECT b.number FROM bookings b WHERE b.id = c.booking_id) AS booking_number
        """

    static func summary(_ row: Row) throws -> ConversationSummary {
        ConversationSummary(
            id: try row.decode("id"), subject: try row.decode("subject"), partyAddress: try row.decode("party_address"),
            partyName: try row.decode("party_name"), customerName: try row.decode("customer_name"),
            state: ConversationState(rawValue: try row.decode("state")) ?? .open,
            assignedTo: try row.decode("assigned_name"), lastMessageAt: try row.decode("last_message_at"),
            messages: try row.decode("messages"), unread: try row.decode("unread"), snippet: try row.decode("snippet"),
            quotationNumber: try row.decode("quotation_number"), bookingNumber: try row.decode("booking_number"))
    }

    /// A conversation with every message (oldest first) and their attachments; nil when none.
    public static func conversation(_ connection: Connection, id: Int64) throws -> ConversationDetail? {
        let results = try connection.pipeline([
            """
            SELECT \(unsafeRaw: summaryColumns), c.customer_id, c.quotation_id, c.booking_id, c.assigned_to
              FROM conversations c WHERE c.id = \(id)
            """,
            "SELECT \(unsafeRaw: messageColumns) FROM mail_messages m WHERE m.conversation_id = \(id) ORDER BY m.id",
            """
            SELECT a.id, a.mail_message_id, a.filename, a.content_type, a.size, a.sha256, a.bytes IS NOT NULL AS kept
              FROM mail_attachments a JOIN mail_messages m ON m.id = a.mail_message_id
             WHERE m.conversation_id = \(id) ORDER BY a.mail_message_id, a.position
            """,
        ])
        guard let row = results[0].first else { return nil }
        let attachments = try attachmentsByMessage(results[2])
        return ConversationDetail(
            summary: try summary(row), customerID: try row.decode("customer_id", as: Int64?.self).map(CustomerID.init),
            quotationID: try row.decode("quotation_id", as: Int64?.self).map(QuotationID.init),
            bookingID: try row.decode("booking_id", as: Int64?.self).map(BookingID.init),
            assignedToID: try row.decode("assigned_to", as: Int64?.self).map(UserID.init),
            messages: try results[1].map { try message($0, attachments: attachments) })
    }

    /// One message by id (a report or auto-reply outside any conversation included).
    public static func message(_ connection: Connection, id: Int64) throws -> MailMessageRecord? {
        guard
            let row = try connection.query(
                "SELECT \(unsafeRaw: messageColumns) FROM mail_messages m WHERE m.id = \(id)"
            ).first
        else { return nil }
        let attachments = try attachmentsByMessage(
            try connection.query(
                """
                SELECT a.id, a.mail_message_id, a.filename, a.content_type, a.size, a.sha256, a.bytes IS NOT NULL AS kept
                  FROM mail_attachments a WHERE a.mail_message_id = \(id) ORDER BY a.position
                """))
        return try message(row, attachments: attachments)
    }

    /// The messages received outside any conversation (delivery reports, stray auto-replies), newest first.
    public static func unthreaded(_ connection: Connection, limit: Int = 20) throws -> [MailMessageRecord] {
        try connection.query(
            """
            SELECT \(unsafeRaw: messageColumns) FROM mail_messages m WHERE m.conversation_id IS NULL
             ORDER BY m.id DESC LIMIT \(limit)
            """
        ).map { try message($0, attachments: [:]) }
    }

    static let messageColumns = """
        m.id, m.conversation_id, m.direction, m.kind, m.message_id, array_to_json(m.references_ids)::text AS refs,
        m.from_address::text AS from_address, m.from_name, m.to_addresses, m.subject, m.sent_at, m.received_at,
        m.source, m.text_body, m.new_text, m.signature, m.html_body, m.raw_size, m.raw IS NOT NULL AS raw_kept,
        m.raw_sha256, array_to_json(m.problems)::text AS problems, m.extraction::text AS extraction, m.read_at,
        (SELECT u.name FROM users u WHERE u.id = m.written_by) AS written_by, m.quotation_id, m.delivery,
        m.delivery_detail
        """

    static func message(_ row: Row, attachments: [Int64: [MailAttachmentInfo]]) throws -> MailMessageRecord {
        let id: Int64 = try row.decode("id")
        return MailMessageRecord(
            id: id, conversationID: try row.decode("conversation_id"),
            direction: MailMessageRecord.Direction(rawValue: try row.decode("direction")) ?? .received,
            kind: try row.decode("kind"), messageID: try row.decode("message_id"),
            references: strings(try row.decode("refs")), fromAddress: try row.decode("from_address"),
            fromName: try row.decode("from_name"), to: try row.decode("to_addresses"),
            subject: try row.decode("subject"),
            sentAt: try row.decode("sent_at"), receivedAt: try row.decode("received_at"),
            source: try row.decode("source"),
            textBody: try row.decode("text_body"), newText: try row.decode("new_text"),
            signature: try row.decode("signature"), htmlBody: try row.decode("html_body"),
            rawSize: try row.decode("raw_size"), rawKept: try row.decode("raw_kept"),
            rawSHA256: try row.decode("raw_sha256"), problems: strings(try row.decode("problems")),
            extractionJSON: try row.decode("extraction"), readAt: try row.decode("read_at"),
            writtenBy: try row.decode("written_by"),
            quotationID: try row.decode("quotation_id", as: Int64?.self).map(QuotationID.init),
            delivery: try row.decode("delivery"), deliveryDetail: try row.decode("delivery_detail"),
            attachments: attachments[id] ?? [])
    }

    static func attachmentsByMessage(_ rows: [Row]) throws -> [Int64: [MailAttachmentInfo]] {
        var byMessage: [Int64: [MailAttachmentInfo]] = [:]
        for row in rows {
            byMessage[try row.decode("mail_message_id"), default: []].append(
                MailAttachmentInfo(
                    id: try row.decode("id"), filename: try row.decode("filename"),
                    contentType: try row.decode("content_type"), size: try row.decode("size"),
                    sha256: try row.decode("sha256"), kept: try row.decode("kept")))
        }
        return byMessage
    }

    /// A stored attachment's name, type and bytes (nil when it was not kept or does not exist).
    public static func attachment(
        _ connection: Connection, id: Int64
    ) throws(DatabaseError) -> (filename: String, contentType: String, bytes: [UInt8])? {
        guard
            let row = try connection.query(
                "SELECT filename, content_type, bytes FROM mail_attachments WHERE id = \(id) AND bytes IS NOT NULL"
            ).first
        else { return nil }
        return (try row.decode("filename"), try row.decode("content_type"), try row.decode("bytes"))
    }

    /// A received message's raw bytes as it came (nil when not kept).
    public static func raw(_ connection: Connection, messageID: Int64) throws(DatabaseError) -> [UInt8]? {
        try connection.query(
            "SELECT raw FROM mail_messages WHERE id = \(messageID) AND direction = 'in' AND raw IS NOT NULL"
        ).first?.decode("raw")
    }

    /// `["a","b"]` (array_to_json) → `["a", "b"]`; nil or malformed → `[]`.
    static func strings(_ json: String?) -> [String] {
        guard let json, let data = json.data(using: .utf8) else { return [] }
        return (try? JSONDecoder().decode([String].self, from: data)) ?? []
    }

    // MARK: Staff's changes

    /// What a change to a conversation gave.
    public enum Change: Sendable, Equatable {
        case done
        case notFound
    }

    /// Marks the conversation's received messages read (opening it does this; no audit row: a view
    /// is not a change of state).
    public static func markRead(_ connection: Connection, conversation: Int64) throws(DatabaseError) {
        try connection.execute(
            """
            UPDATE mail_messages SET read_at = now()
             WHERE conversation_id = \(conversation) AND direction = 'in' AND read_at IS NULL
            """)
    }

    /// Moves a conversation to `state`, with its audit row (`conversation.state_changed`).
    public static func setState(
        _ connection: Connection, conversation: Int64, to state: ConversationState, actor: AuditActor
    ) throws -> Change {
        try connection.transaction { tx -> Change in
            guard
                let before: String = try tx.query(
                    "SELECT state FROM conversations WHERE id = \(conversation) FOR UPDATE"
                ).first?.decode("state")
            else { return .notFound }
            guard before != state.rawValue else { return .done }
            try tx.execute("UPDATE conversations SET state = \(state.rawValue) WHERE id = \(conversation)")
            try AuditStore.record(
                tx, actor: actor, entity: "conversation", entityID: conversation, action: "state_changed",
                before: ["state": before], after: ["state": state.rawValue])
            return .done
        }
    }

    /// Assigns a conversation to an active staff member (nil: to nobody), with its audit row.
    public static func assign(
        _ connection: Connection, conversation: Int64, to user: UserID?, actor: AuditActor
    ) throws -> Change {
        try connection.transaction { tx -> Change in
            guard
                let row = try tx.query(
                    """
                    SELECT (SELECT name FROM users WHERE id = c.assigned_to) AS name FROM conversations c
                     WHERE c.id = \(conversation) FOR UPDATE
                    """
                ).first
            else { return .notFound }
            let before: String? = try row.decode("name")
            var after: String?
            if let user {
                guard
                    let name: String = try tx.query(
                        "SELECT name FROM users WHERE id = \(user.rawValue) AND active AND role <> 'warehouse'"
                    ).first?.decode("name")
                else { return .notFound }
                after = name
            }
            guard before != after else { return .done }
            try tx.execute("UPDATE conversations SET assigned_to = \(user?.rawValue) WHERE id = \(conversation)")
            try AuditStore.record(
                tx, actor: actor, entity: "conversation", entityID: conversation, action: "assigned",
                before: ["assigned_to": before ?? ""], after: ["assigned_to": after ?? ""])
            return .done
        }
    }

    /// Makes the conversation's sender a customer (a person, or a company when `company` is
    /// given) and links them, with the customer's audit row. - Returns: the customer, or nil when
    /// the conversation does not exist or already has one.
    public static func createCustomer(
        _ connection: Connection, conversation: Int64, details: CustomerDetails, language: Language = .default,
        actor: AuditActor
    ) throws -> CustomerID? {
        try connection.transaction { tx -> CustomerID? in
            guard
                try !tx.query(
                    "SELECT 1 FROM conversations WHERE id = \(conversation) AND customer_id IS NULL AND party_address <> '' FOR UPDATE"
                ).isEmpty
            else { return nil }
            let id = try CustomerStore.create(tx, details: details, locale: language.rawValue)
            var after = ["name": details.name, "email": details.email, "phone": details.phone, "source": "inbox"]
            if !details.companyName.isEmpty { after["company_name"] = details.companyName }
            after["kind"] = details.kind.rawValue
            try AuditStore.record(
                tx, actor: actor, entity: "customer", entityID: id.rawValue, action: "created",
                after: after.filter { !$0.value.isEmpty })
            try tx.execute(
                """
                UPDATE conversations SET customer_id = \(id.rawValue)
                 WHERE customer_id IS NULL AND party_address = (SELECT party_address FROM conversations WHERE id = \(conversation))
                """)
            return id
        }
    }

    /// The language of the conversation's customer (nil without one).
    public static func customerLanguage(
        _ connection: Connection, conversation: Int64
    ) throws(DatabaseError) -> Language? {
        try connection.query(
            "SELECT cu.locale FROM conversations c JOIN customers cu ON cu.id = c.customer_id WHERE c.id = \(conversation)"
        ).first.flatMap { row throws(DatabaseError) in Language(rawValue: try row.decode("locale")) }
    }

    /// The language of the customer of a written message's conversation (nil without one).
    public static func messageLanguage(_ connection: Connection, messageID: Int64) throws(DatabaseError) -> Language? {
        try connection.query(
            """
            SELECT cu.locale FROM mail_messages m JOIN conversations c ON c.id = m.conversation_id
              JOIN customers cu ON cu.id = c.customer_id WHERE m.id = \(messageID)
            """
        ).first.flatMap { row throws(DatabaseError) in Language(rawValue: try row.decode("locale")) }
    }

    /// Staff who can be assigned conversations (everyone who reads the inbox).
    public static func assignees(_ connection: Connection) throws(DatabaseError) -> [RecordOption] {
        try connection.query(
            "SELECT id, name FROM users WHERE active AND role IN ('admin', 'manager', 'support') ORDER BY name, id"
        ).map { row throws(DatabaseError) in RecordOption(id: try row.decode("id"), label: try row.decode("name")) }
    }
}

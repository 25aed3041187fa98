public import Domain
public import Foundation

/// The portal's reads and the customer's one write (a message). Every query names the session's
/// customer in its `WHERE`, so another customer's record is not found (and answers 404).
extension PortalStore {
    static let rows = 50

    /// The home page's four lists in one round trip.
    public static func home(_ connection: Connection, customer: CustomerID) throws -> PortalHome {
        let id = customer.rawValue
        let results = try connection.pipeline([
            """
            SELECT q.id, q.number, coalesce(q.title, '') AS title, q.state, q.total_ore,
                   q.period_start::text AS period_start, q.period_end::text AS period_end,
                   (SELECT l.expires_at FROM signing_links l JOIN quotation_versions v ON v.id = l.quotation_version_id
                     WHERE v.quotation_id = q.id AND v.version_no = q.current_version AND l.voided_at IS NULL
                       AND l.expires_at > now()) AS link_expires_at
              FROM quotations q
             WHERE q.customer_id = \(id) AND q.state IN ('sent', 'signed', 'declined', 'expired')
             ORDER BY q.id DESC LIMIT \(rows)
            """,
            """
            SELECT b.id, b.number, coalesce(b.title, '') AS title, b.state, b.total_ore,
                   b.period_start::text AS period_start, b.period_end::text AS period_end,
                   coalesce(b.delivery_address_line1, '') AS line1, coalesce(b.delivery_address_line2, '') AS line2,
                   trim(coalesce(b.delivery_postal_code, '') || ' ' || coalesce(b.delivery_city, '')) AS town
              FROM bookings b
             WHERE b.customer_id = \(id)
             ORDER BY b.period_start DESC, b.id DESC LIMIT \(rows)
            """,
            """
            SELECT \(fragment: InvoiceStore.summaryColumns)
              FROM invoices i JOIN customers c ON c.id = i.customer_id LEFT JOIN bookings b ON b.id = i.booking_id
             WHERE i.customer_id = \(id) AND i.state = 'issued'
             ORDER BY i.id DESC LIMIT \(rows)
            """,
            InboxStore.listQuery(.customer(customer), limit: rows, offset: 0),
        ])
        return PortalHome(
            quotations: try results[0].map { row in
                PortalQuotation(
                    id: QuotationID(rawValue: try row.decode("id")), number: try row.decode("number"),
                    title: try row.decode("title"), state: try state(row, QuotationState.init(rawValue:)),
                    total: Money(ore: try row.decode("total_ore")), period: try period(row),
                    linkExpiresAt: try row.decode("link_expires_at"))
            },
            bookings: try results[1].map { row in
                PortalBooking(
                    id: BookingID(rawValue: try row.decode("id")), number: try row.decode("number"),
                    title: try row.decode("title"), state: try state(row, BookingState.init(rawValue:)),
                    total: Money(ore: try row.decode("total_ore")), period: try period(row),
                    address: [try row.decode("line1"), try row.decode("line2"), try row.decode("town")].filter {
                        !$0.isEmpty
                    })
            },
            invoices: try results[2].map(InvoiceStore.summary),
            conversations: try results[3].map(InboxStore.summary))
    }

    /// An issued invoice's archived PDF and number, when it is this customer's.
    public static func invoicePDF(
        _ connection: Connection, customer: CustomerID, id: Int64
    ) throws(DatabaseError) -> (number: String, pdf: [UInt8])? {
        guard
            let row = try connection.query(
                """
                SELECT number, pdf FROM invoices
                 WHERE id = \(id) AND customer_id = \(customer.rawValue) AND state = 'issued' AND pdf IS NOT NULL
                """
            ).first
        else { return nil }
        return (try row.decode("number"), try row.decode("pdf"))
    }

    /// Whether the quotation is this customer's (the resend then runs on it).
    public static func ownsQuotation(
        _ connection: Connection, customer: CustomerID, id: QuotationID
    ) throws(DatabaseError) -> Bool {
        try !connection.query(
            "SELECT 1 FROM quotations WHERE id = \(id.rawValue) AND customer_id = \(customer.rawValue)"
        ).isEmpty
    }

    /// The conversation, when it is this customer's; nil otherwise.
    public static func conversation(
        _ connection: Connection, customer: CustomerID, id: Int64
    ) throws -> ConversationDetail? {
        guard
            let email: String = try connection.query(
                """
                SELECT coalesce(cu.email::text, '') AS email FROM conversations c JOIN customers cu ON cu.id = c.customer_id
                 WHERE c.id = \(id) AND c.customer_id = \(customer.rawValue)
                """
            ).first?.decode("email"),
            let detail = try InboxStore.conversation(connection, id: id)
        else { return nil }
        // Only what passed between the company and this customer: our replies, and what came from
        // the customer's own address (or the portal). A staff member's forward, a third party
        // threaded in, auto-replies and delivery reports are the company's, not the customer's.
        let own = detail.messages.filter { message in
            switch message.direction {
            case .written: return true
            case .received:
                return !["bounce", "auto-reply"].contains(message.kind)
                    && (message.source == "portal" || message.fromAddress?.lowercased() == email.lowercased())
            }
        }
        return ConversationDetail(
            summary: detail.summary, customerID: detail.customerID, quotationID: detail.quotationID,
            bookingID: detail.bookingID, assignedToID: nil, messages: own)
    }

    /// Stores the customer's message in their conversation as received mail (kind `reply`, source
    /// `portal`), opens the conversation again, and writes the audit row whose event is
    /// `conversation.message_received`, in one transaction. A received message needs bytes and
    /// their hash: they are a small RFC 5322 message made here with a Message-ID of its own, so the
    /// inbox's "original message" shows what the customer wrote. - Returns: the message's id, or
    /// nil when the conversation is not this customer's.
    public static func postMessage(
        _ connection: Connection, customer: CustomerID, conversation: Int64, text: String, messageID: String,
        actor: AuditActor
    ) throws -> Int64? {
        try connection.transaction { tx -> Int64? in
            guard
                let row = try tx.query(
                    """
                    SELECT c.subject, cu.email::text AS email, cu.name
                      FROM conversations c JOIN customers cu ON cu.id = c.customer_id
                     WHERE c.id = \(conversation) AND c.customer_id = \(customer.rawValue)
                       FOR UPDATE OF c
                    """
                ).first
            else { return nil }
            let subject: String = try row.decode("subject")
            let email: String? = try row.decode("email")
            let name: String = try row.decode("name")
            let raw = portalMessage(messageID: messageID, from: email, subject: subject, text: text)
            let id: Int64 = try tx.query(
                """
                INSERT INTO mail_messages (conversation_id, direction, kind, message_id, from_address, from_name,
                                           subject, sent_at, source, text_body, new_text, raw, raw_sha256, raw_size)
                VALUES (\(conversation), 'in', 'reply', \(messageID), \(email)::citext, \(String(name.prefix(200))),
                        \(String(subject.prefix(1000))), now(), 'portal', \(text), \(text), \(raw),
                        \(SHA256.hexDigest(raw)), \(raw.count))
                RETURNING id
                """)[0].decode("id")
            try tx.execute(
                "UPDATE conversations SET state = 'open', last_message_at = now() WHERE id = \(conversation)")
            try AuditStore.record(
                tx, actor: actor, entity: "conversation", entityID: conversation, action: "message_received",
                after: [
                    "message": String(id), "kind": "reply", "from": email ?? "", "source": "portal",
                    "subject": String(subject.prefix(200)), "new_conversation": "false",
                ])
            return id
        }
    }

    /// The customer's text as a minimal message: headers, a blank line, the text in UTF-8.
    static func portalMessage(messageID: String, from: String?, subject: String, text: String) -> [UInt8] {
        let date = ISO8601DateFormatter().string(from: Date())
        let lines = [
            "Message-ID: <\(messageID)>", "X-EventGaraget-Source: portal", "X-EventGaraget-Written: \(date)",
            "From: \(from ?? "")", "Subject: \(subject.replacingOccurrences(of: "\n", with: " "))",
            "Content-Type: text/plain; charset=utf-8", "", text.replacingOccurrences(of: "\r\n", with: "\n"),
        ]
        return Array(lines.joined(separator: "\r\n").utf8)
    }

    private static func period(_ row: Row) throws -> RentalPeriod {
        try RentalPeriod(
            start: try CalendarDate(iso: try row.decode("period_start")),
            end: try CalendarDate(iso: try row.decode("period_end")))
    }

    private static func state<State>(_ row: Row, _ make: (String) -> State?) throws -> State {
        let text: String = try row.decode("state")
        guard let state = make(text) else {
            throw DatabaseError(.decoding(column: "state"), message: "unknown state", safeDetail: "portal state")
        }
        return state
    }
}

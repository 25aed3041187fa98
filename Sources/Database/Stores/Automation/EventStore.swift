public import Domain
public import Foundation

/// Events: written by the database's `emit_event` in the transaction of the change, for every
/// audit row of a public kind (the `audit_log_events` trigger) and for changes that call `emit`.
/// `emit_event` also queues a delivery job per webhook endpoint that takes the type.
public enum EventStore {
    /// Writes an event for a change that has no audit row of its own (an email sent by the
    /// worker), inside the caller's transaction. - Returns: the event's id.
    @discardableResult
    public static func emit(
        _ tx: Connection, type: String, entityType: String, entityID: Int64?, actor: AuditActor,
        details: [String: String] = [:]
    ) throws(DatabaseError) -> Int64 {
        try emit(
            tx, type: type, entityType: entityType, entityID: entityID, actor: actor,
            detailsJSON: AuditStore.json(details))
    }

    /// `emit` with details that are any JSON object (an incoming hook's message).
    public static func emit(
        _ tx: Connection, type: String, entityType: String, entityID: Int64?, actor: AuditActor, detailsJSON: String?
    ) throws(DatabaseError) -> Int64 {
        let rows = try tx.query(
            """
            SELECT emit_event(\(type), \(entityType), \(entityID), \(actor.kind.rawValue), \(actor.userID?.rawValue),
                              \(detailsJSON)::jsonb) AS id
            """)
        guard let row = rows.first else {
            throw DatabaseError(.other, message: "emit_event returned no row", safeDetail: "emit_event")
        }
        return try row.decode("id")
    }

    /// The newest events of one entity, newest first.
    public static func recent(
        _ connection: Connection, entityType: String, entityID: Int64, limit: Int = 50
    ) throws(DatabaseError) -> [StoredEvent] {
        try connection.query(
            """
            SELECT id, type, occurred_at, entity_type, entity_id, payload::text AS payload
              FROM events WHERE entity_type = \(entityType) AND entity_id = \(entityID)
             ORDER BY id DESC LIMIT \(limit)
            """
        ).map(event)
    }

    /// The entity an event is about, or nil when the event is gone.
    public static func entity(
        _ connection: Connection, eventID: Int64
    ) throws(DatabaseError)
        -> (type: String, id: Int64?)?
    {
        guard let row = try connection.query("SELECT entity_type, entity_id FROM events WHERE id = \(eventID)").first
        else { return nil }
        return (try row.decode("entity_type"), try row.decode("entity_id"))
    }

    /// Whose emails a page lists.
    public enum EmailScope: Sendable {
        case quotation(Int64)
        case booking(Int64)
        case customer(Int64)
        /// An invoice's own emails.
        case invoice(Int64)
    }

    /// The emails sent (or not) about a quotation (its links and its booking too), a booking, or
    /// a customer (all of theirs), newest first, from the mailer's own events.
    public static func emails(
        _ connection: Connection, _ scope: EmailScope, limit: Int = 100
    ) throws(DatabaseError)
        -> [EmailRecord]
    {
        let quotations: Query
        switch scope {
        case .quotation(let id): quotations = "SELECT \(id)::bigint AS id"
        case .booking(let id): quotations = "SELECT quotation_id AS id FROM bookings WHERE id = \(id)"
        case .customer(let id): quotations = "SELECT id FROM quotations WHERE customer_id = \(id)"
        case .invoice: quotations = "SELECT NULL::bigint AS id WHERE false"
        }
        let invoices: Query =
            switch scope {
            case .invoice(let id): "SELECT \(id)::bigint AS id"
            case .customer(let id): "SELECT id FROM invoices WHERE customer_id = \(id)"
            case .quotation, .booking: "SELECT NULL::bigint AS id WHERE false"
            }
        let bookingOnly: Int64? = if case .booking(let id) = scope { id } else { nil }
        return try connection.query(
            """
            WITH q AS (\(fragment: quotations)), inv AS (\(fragment: invoices))
            SELECT e.id, e.occurred_at, e.type, coalesce(e.payload->'details'->>'to', '') AS recipient,
                   coalesce(e.payload->'details'->>'subject', '') AS subject, e.payload->'details'->>'error' AS error,
                   coalesce(e.payload->'details'->>'job_kind', '') AS kind,
                   (SELECT b.payload->'details'->>'error' FROM events b
                     WHERE b.type = 'email.bounced' AND e.type = 'email.sent'
                       AND b.payload->'details'->>'message_id' = e.payload->'details'->>'message_id'
                     ORDER BY b.id DESC LIMIT 1) AS bounce
              FROM events e
             WHERE e.type IN ('email.sent', 'email.failed')
               AND ((e.entity_type = 'booking' AND e.entity_id IN (SELECT b.id FROM bookings b WHERE b.quotation_id IN (SELECT id FROM q)))
                    OR (\(bookingOnly)::bigint IS NULL AND (
                        (e.entity_type = 'quotation' AND e.entity_id IN (SELECT id FROM q))
                        OR (e.entity_type = 'signing_link' AND e.entity_id IN (
                            SELECT l.id FROM signing_links l JOIN quotation_versions v ON v.id = l.quotation_version_id
                             WHERE v.quotation_id IN (SELECT id FROM q)))))
                    OR (e.entity_type = 'invoice' AND e.entity_id IN (SELECT id FROM inv)))
             ORDER BY e.id DESC LIMIT \(limit)
            """
        ).map { row throws(DatabaseError) in
            EmailRecord(
                eventID: try row.decode("id"), at: try row.decode("occurred_at"), to: try row.decode("recipient"),
                subject: try row.decode("subject"),
                sent: try row.decode("type", as: String.self) == "email.sent", error: try row.decode("error"),
                kind: try row.decode("kind"), bounce: try row.decode("bounce"))
        }
    }

    /// The newest events, of one type when given, newest first.
    public static func latest(
        _ connection: Connection, type: String?, limit: Int = 50
    ) throws(DatabaseError)
        -> [StoredEvent]
    {
        try connection.query(
            """
            SELECT id, type, occurred_at, entity_type, entity_id, payload::text AS payload
              FROM events WHERE \(type)::text IS NULL OR type = \(type)::text
             ORDER BY id DESC LIMIT \(limit)
            """
        ).map(event)
    }

    static func event(_ row: Row) throws(DatabaseError) -> StoredEvent {
        StoredEvent(
            id: try row.decode("id"), type: try row.decode("type"), occurredAt: try row.decode("occurred_at"),
            entityType: try row.decode("entity_type"), entityID: try row.decode("entity_id"),
            payloadJSON: try row.decode("payload"))
    }
}

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
        let rows = try tx.query(
            """
            SELECT emit_event(\(type), \(entityType), \(entityID), \(actor.kind.rawValue), \(actor.userID?.rawValue),
                              \(AuditStore.json(details))::jsonb) AS id
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

    /// Events after `afterID` in order (the live pages' and tests' cursor).
    public static func after(
        _ connection: Connection, id afterID: Int64, limit: Int = 500
    ) throws(DatabaseError)
        -> [StoredEvent]
    {
        try connection.query(
            """
            SELECT id, type, occurred_at, entity_type, entity_id, payload::text AS payload
              FROM events WHERE id > \(afterID) ORDER BY id LIMIT \(limit)
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

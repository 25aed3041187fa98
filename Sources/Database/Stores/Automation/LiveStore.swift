/// The live pages' cursor over the event log (see migration 0018).
public enum LiveStore {
    /// In one transaction: takes the cursor (unless another worker holds it), hands the events
    /// after it (at most `limit`) to `publish` as a small JSON message, and moves the cursor past
    /// them; when `publish` throws, nothing moves and the next call tries again.
    /// - Returns: how many events were published.
    @discardableResult
    public static func publishPending(
        _ connection: Connection, limit: Int = 200, publish: ([UInt8]) throws -> Void
    ) throws -> Int {
        try connection.transaction { tx in
            guard
                let cursor: Int64 = try tx.query(
                    "SELECT last_event_id FROM live_cursor WHERE id = 1 FOR UPDATE SKIP LOCKED"
                ).first?.decode("last_event_id")
            else { return 0 }
            let rows = try tx.query(
                """
                SELECT max(id) AS last, count(*)::int AS n,
                       jsonb_build_object('events', jsonb_agg(jsonb_build_object(
                           'id', id, 'type', type, 'entity_type', entity_type, 'entity_id', entity_id) ORDER BY id))::text AS message
                  FROM (SELECT id, type, entity_type, entity_id FROM events
                         WHERE id > \(cursor) ORDER BY id LIMIT \(limit)) e
                """)
            guard let row = rows.first, let last: Int64 = try row.decode("last") else { return 0 }
            let message: String = try row.decode("message")
            try publish(Array(message.utf8))
            try tx.execute("UPDATE live_cursor SET last_event_id = \(last) WHERE id = 1")
            return try row.decode("n")
        }
    }
}

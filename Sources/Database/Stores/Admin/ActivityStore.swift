public import Domain
public import Foundation

/// What the activity log is narrowed to. Every part is optional; `before` is the keyset cursor
/// (rows with a smaller id, i.e. older ones).
public struct ActivityFilter: Sendable, Equatable {
    public var user: UserID?
    public var entityType: String?
    public var entityID: Int64?
    /// First day shown, in Europe/Stockholm, inclusive.
    public var from: CalendarDate?
    /// Last day shown, in Europe/Stockholm, inclusive.
    public var to: CalendarDate?
    public var before: Int64?

    public init(
        user: UserID? = nil, entityType: String? = nil, entityID: Int64? = nil, from: CalendarDate? = nil,
        to: CalendarDate? = nil, before: Int64? = nil
    ) {
        self.user = user
        self.entityType = entityType
        self.entityID = entityID
        self.from = from
        self.to = to
        self.before = before
    }
}

/// One audit row as the activity log shows it.
public struct ActivityEntry: Sendable, Equatable {
    public let id: Int64
    public let at: Date
    public let actorKind: AuditActor.Kind
    public let actorUserID: UserID?
    /// The staff member's name when a user acted.
    public let actorName: String?
    public let entityType: String
    public let entityID: Int64?
    public let action: String
    /// Field → value before the change (flattened to text: numbers and booleans as written,
    /// nested values as JSON); empty when the row has none.
    public let before: [String: String]
    public let after: [String: String]
    public let ip: String?
}

/// A page of the log, newest first, and the cursor of the next (older) page when there is one.
public struct ActivityLogPage: Sendable {
    public let entries: [ActivityEntry]
    public let nextBefore: Int64?
}

/// Reads the audit log for the activity page. Keyset pagination by id, newest first; no counts.
/// Each filter combination is its own SQL text (so each gets a plan for its index rather than one
/// generic plan full of `$n IS NULL OR …`): by user → `audit_log_actor_idx`, by entity type →
/// `audit_log_entity_type_idx`, by entity and id → `audit_log_entity_idx`, otherwise the primary key.
public enum ActivityStore {
    public static let pageSize = 50

    /// - Throws: `DatabaseError`.
    public static func page(_ connection: Connection, filter: ActivityFilter, limit: Int = pageSize) throws -> ActivityLogPage {
        var conditions: [Query] = []
        if let user = filter.user { conditions.append("a.actor_user_id = \(user.rawValue)") }
        if let type = filter.entityType { conditions.append("a.entity_type = \(type)") }
        if let id = filter.entityID { conditions.append("a.entity_id = \(id)") }
        if let from = filter.from {
            conditions.append("a.at >= (\(from.iso)::date::timestamp AT TIME ZONE 'Europe/Stockholm')")
        }
        if let to = filter.to {
            conditions.append("a.at < ((\(to.iso)::date + 1)::timestamp AT TIME ZONE 'Europe/Stockholm')")
        }
        if let before = filter.before { conditions.append("a.id < \(before)") }
        var whereClause: Query = ""
        for (index, condition) in conditions.enumerated() {
            let joiner: Query = index == 0 ? " WHERE " : " AND "
            whereClause += joiner + condition
        }
        let rows = try connection.query(
            """
            SELECT a.id, a.at, a.actor_kind, a.actor_user_id, u.name AS actor_name, a.entity_type, a.entity_id, a.action,
                   \(unsafeRaw: flattened("a.before")) AS before, \(unsafeRaw: flattened("a.after")) AS after, host(a.ip) AS ip
              FROM (SELECT * FROM audit_log a\(fragment: whereClause) ORDER BY a.id DESC LIMIT \(limit + 1)) a
              LEFT JOIN users u ON u.id = a.actor_user_id
             ORDER BY a.id DESC
            """)
        let entries = try rows.prefix(limit).map(entry)
        return ActivityLogPage(entries: entries, nextBefore: rows.count > limit ? entries.last?.id : nil)
    }

    /// The entity types that occur in the log, in order, for the filter's select. A loose index
    /// scan over `audit_log_entity_type_idx`: one index probe per type, not a scan of the log.
    public static func entityTypes(_ connection: Connection) throws(DatabaseError) -> [String] {
        try connection.query(
            """
            WITH RECURSIVE types(t) AS (
                (SELECT entity_type FROM audit_log ORDER BY entity_type LIMIT 1)
                UNION ALL
                SELECT (SELECT entity_type FROM audit_log WHERE entity_type > types.t ORDER BY entity_type LIMIT 1)
                  FROM types WHERE types.t IS NOT NULL
            )
            SELECT t FROM types WHERE t IS NOT NULL
            """
        ).map { row throws(DatabaseError) in try row.decode("t") }
    }

    /// A jsonb object as an object of text values (`jsonb_each_text`), so Swift decodes `[String: String]`.
    private static func flattened(_ column: String) -> String {
        """
        CASE WHEN jsonb_typeof(\(column)) = 'object'
             THEN (SELECT coalesce(jsonb_object_agg(key, coalesce(value, '')), '{}'::jsonb) FROM jsonb_each_text(\(column)))::text
        END
        """
    }

    private static func entry(_ row: Row) throws -> ActivityEntry {
        let kindText: String = try row.decode("actor_kind")
        return ActivityEntry(
            id: try row.decode("id"), at: try row.decode("at"), actorKind: AuditActor.Kind(rawValue: kindText) ?? .system,
            actorUserID: (try row.decode("actor_user_id", as: Int64?.self)).map(UserID.init(rawValue:)),
            actorName: try row.decode("actor_name"), entityType: try row.decode("entity_type"),
            entityID: try row.decode("entity_id"), action: try row.decode("action"),
            before: fields(try row.decode("before")), after: fields(try row.decode("after")), ip: try row.decode("ip"))
    }

    private static func fields(_ json: String?) -> [String: String] {
        guard let json, let map = try? JSONDecoder().decode([String: String].self, from: Data(json.utf8)) else { return [:] }
        return map
    }
}

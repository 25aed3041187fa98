public import Domain
public import Foundation

/// One calendar subscription of a staff member.
public struct CalendarFeed: Sendable {
    public let id: CalendarFeedID
    public let name: String
    public let createdAt: Date
    public let lastUsedAt: Date?
}

/// Per-user iCalendar feed URLs (`/calendar/{token}.ics`). Only the token's SHA-256 is stored;
/// the URL is shown once, when made. Revoking ends it at once.
public enum CalendarFeedStore {
    public static func create(
        _ connection: Connection, user: UserID, name: String, tokenHash: [UInt8], actor: AuditActor
    ) throws
        -> CalendarFeedID
    {
        try connection.transaction { tx in
            let id: Int64 = try tx.query(
                """
                INSERT INTO calendar_feeds (user_id, token_hash, name) VALUES (\(user.rawValue), \(tokenHash), \(name))
                RETURNING id
                """)[0].decode("id")
            try AuditStore.record(
                tx, actor: actor, entity: "calendar_feed", entityID: id, action: "created", after: ["name": name])
            return CalendarFeedID(rawValue: id)
        }
    }

    /// Revokes one of `user`'s feeds. False when it is not theirs or already revoked.
    @discardableResult
    public static func revoke(
        _ connection: Connection, id: CalendarFeedID, user: UserID, actor: AuditActor
    ) throws -> Bool {
        try connection.transaction { tx in
            let changed = try tx.execute(
                """
                UPDATE calendar_feeds SET revoked_at = now()
                 WHERE id = \(id.rawValue) AND user_id = \(user.rawValue) AND revoked_at IS NULL
                """)
            if changed == 1 {
                try AuditStore.record(
                    tx, actor: actor, entity: "calendar_feed", entityID: id.rawValue, action: "revoked")
            }
            return changed == 1
        }
    }

    public static func live(_ connection: Connection, user: UserID) throws(DatabaseError) -> [CalendarFeed] {
        try connection.query(
            """
            SELECT id, coalesce(name, '') AS name, created_at, last_used_at FROM calendar_feeds
             WHERE user_id = \(user.rawValue) AND revoked_at IS NULL ORDER BY id
            """
        ).map { row throws(DatabaseError) in
            CalendarFeed(
                id: CalendarFeedID(rawValue: try row.decode("id")), name: try row.decode("name"),
                createdAt: try row.decode("created_at"), lastUsedAt: try row.decode("last_used_at"))
        }
    }

    /// The owner of a live feed token (an active user), marking the feed used; nil otherwise.
    public static func owner(_ connection: Connection, tokenHash: [UInt8]) throws(DatabaseError) -> StaffMember? {
        guard
            let row = try connection.query(
                """
                UPDATE calendar_feeds f SET last_used_at = now()
                  FROM users u
                 WHERE f.token_hash = \(tokenHash) AND f.revoked_at IS NULL AND u.id = f.user_id AND u.active
                RETURNING u.id, u.email::text AS email, u.name, u.role, u.locale
                """
            ).first, let role = StaffRole(rawValue: try row.decode("role"))
        else { return nil }
        return StaffMember(
            id: UserID(rawValue: try row.decode("id")), email: try row.decode("email"), name: try row.decode("name"),
            role: role,
            locale: Language(rawValue: try row.decode("locale")) ?? .sv)
    }
}

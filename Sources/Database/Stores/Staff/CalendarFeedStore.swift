public import Domain
public import Foundation

/// One calendar subscription of a staff member.
public struct CalendarFeed: Sendable {
    public let id: CalendarFeedID
    public let name: String
    public let createdAt: Date
    public let lastUsedAt: Date?
    /// After this the URL answers 404 until it is renewed.
    public let expiresAt: Date
}

/// Per-user iCalendar feed URLs (`/calendar/{token}.ics`). Only the token's SHA-256 is stored;
/// the URL is shown once, when made. Revoking ends it at once; it expires a year after it was
/// made or last renewed; it is revoked with the owner's sessions (`revokeAll`).
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

    /// How long a feed lives from when it is made or renewed.
    public static let lifetimeDays = 365

    /// Renews one of `user`'s feeds (also an expired one) for another `lifetimeDays`; the URL stays.
    /// False when it is not theirs or revoked.
    @discardableResult
    public static func renew(
        _ connection: Connection, id: CalendarFeedID, user: UserID, actor: AuditActor
    ) throws -> Bool {
        try connection.transaction { tx in
            let rows = try tx.query(
                """
                UPDATE calendar_feeds SET expires_at = now() + make_interval(days => \(lifetimeDays)::int)
                 WHERE id = \(id.rawValue) AND user_id = \(user.rawValue) AND revoked_at IS NULL
                RETURNING expires_at
                """)
            guard let row = rows.first else { return false }
            let until: Date = try row.decode("expires_at")
            try AuditStore.record(
                tx, actor: actor, entity: "calendar_feed", entityID: id.rawValue, action: "renewed",
                after: ["expires_at": ISO8601DateFormatter().string(from: until)])
            return true
        }
    }

    /// Revokes every feed of `user`, with the sessions (password change, an admin's reset,
    /// deactivation). Inside the caller's transaction; returns how many ended.
    @discardableResult
    public static func revokeAll(_ tx: Connection, user: UserID) throws(DatabaseError) -> Int {
        try tx.execute(
            "UPDATE calendar_feeds SET revoked_at = now() WHERE user_id = \(user.rawValue) AND revoked_at IS NULL")
    }

    /// `user`'s feeds that are not revoked (expired ones too, so they can be renewed).
    public static func live(_ connection: Connection, user: UserID) throws(DatabaseError) -> [CalendarFeed] {
        try connection.query(
            """
            SELECT id, coalesce(name, '') AS name, created_at, last_used_at, expires_at FROM calendar_feeds
             WHERE user_id = \(user.rawValue) AND revoked_at IS NULL ORDER BY id
            """
        ).map { row throws(DatabaseError) in
            CalendarFeed(
                id: CalendarFeedID(rawValue: try row.decode("id")), name: try row.decode("name"),
                createdAt: try row.decode("created_at"), lastUsedAt: try row.decode("last_used_at"),
                expiresAt: try row.decode("expires_at"))
        }
    }

    /// The owner of a live feed token (not revoked, not expired, an active user), marking the
    /// feed used; nil otherwise.
    public static func owner(_ connection: Connection, tokenHash: [UInt8]) throws(DatabaseError) -> StaffMember? {
        guard
            let row = try connection.query(
                """
                UPDATE calendar_feeds f SET last_used_at = now()
                  FROM users u
                 WHERE f.token_hash = \(tokenHash) AND f.revoked_at IS NULL AND f.expires_at > now()
                   AND u.id = f.user_id AND u.active
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

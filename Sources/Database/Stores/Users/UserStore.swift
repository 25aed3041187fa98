public import Domain
public import Foundation

/// What sign-in needs about an account.
public struct UserCredentials: Sendable {
    public let id: UserID
    public let passwordHash: String
    public let active: Bool
}

/// One staff account as the users pages show it.
public struct UserRecord: Sendable, Equatable {
    public let member: StaffMember
    public let active: Bool
    public let lastLoginAt: Date?
    public let lockedUntil: Date?
    public let version: Int
}

/// Why a user operation was refused.
public enum UserStoreError: Error, Sendable, Equatable {
    case emailTaken
    case notFound
}

/// Staff accounts.
public enum UserStore {
    /// Creates an account with an argon2id hash made by the caller; audited.
    public static func create(
        _ connection: Connection, email: String, name: String, role: StaffRole, locale: Language, passwordHash: String,
        actor: AuditActor
    ) throws -> UserID {
        do {
            return try connection.transaction { tx in
                let rows = try tx.query(
                    """
                    INSERT INTO users (email, name, role, locale, password_hash)
                    VALUES (\(email), \(name), \(role.rawValue), \(locale.rawValue), \(passwordHash))
                    RETURNING id
                    """)
                let id: Int64 = try rows[0].decode("id")
                try AuditStore.record(
                    tx, actor: actor, entity: "user", entityID: id, action: "created",
                    after: ["email": email, "name": name, "role": role.rawValue])
                return UserID(rawValue: id)
            }
        } catch let error as DatabaseError where error.kind == .uniqueViolation(constraint: "users_email_key") {
            throw UserStoreError.emailTaken
        }
    }

    /// The account for a sign-in email (case-insensitive), or nil.
    public static func credentials(_ connection: Connection, email: String) throws(DatabaseError) -> UserCredentials? {
        guard
            let row = try connection.query(
                "SELECT id, password_hash, active FROM users WHERE email = \(email)::citext"
            ).first
        else { return nil }
        return UserCredentials(
            id: UserID(rawValue: try row.decode("id")), passwordHash: try row.decode("password_hash"),
            active: try row.decode("active"))
    }

    /// Serialises sign-in attempts for one email (as typed, case-insensitively) until the
    /// caller's transaction ends, so the throttle counts every attempt before the next is checked.
    public static func lockSignIn(_ tx: Connection, email: String) throws(DatabaseError) {
        _ = try tx.query("SELECT pg_advisory_xact_lock(hashtextextended('sign-in:' || lower(\(email)), 0))")
    }

    /// Replaces a hash made with older argon2id parameters after a good sign-in. The password is
    /// the same, so no session ends; only when the stored hash is still `old`.
    public static func rehash(_ tx: Connection, id: UserID, from old: String, to new: String, actor: AuditActor) throws
    {
        let changed = try tx.execute(
            "UPDATE users SET password_hash = \(new) WHERE id = \(id.rawValue) AND password_hash = \(old)")
        if changed == 1 {
            try AuditStore.record(tx, actor: actor, entity: "user", entityID: id.rawValue, action: "password_rehashed")
        }
    }

    public static func passwordHash(_ connection: Connection, id: UserID) throws(DatabaseError) -> String? {
        try connection.query("SELECT password_hash FROM users WHERE id = \(id.rawValue)").first?.decode("password_hash")
    }

    /// Replaces the password hash and ends every other session of the user; audited (without the hash).
    public static func setPassword(
        _ connection: Connection, id: UserID, passwordHash: String, keepingSession: SessionID?, actor: AuditActor
    ) throws {
        try connection.transaction { tx in
            try tx.execute(
                """
                UPDATE users SET password_hash = \(passwordHash), password_changed_at = now(), version = version + 1
                 WHERE id = \(id.rawValue)
                """)
            let ended = try SessionStore.revokeAll(tx, user: id, keeping: keepingSession)
            let feeds = try CalendarFeedStore.revokeAll(tx, user: id)
            try AuditStore.record(
                tx, actor: actor, entity: "user", entityID: id.rawValue, action: "password_changed",
                after: ["other_sessions_ended": String(ended), "calendar_feeds_revoked": String(feeds)])
        }
    }

    static let columns: Query =
        "id, email::text AS email, name, role, locale, active, last_login_at, locked_until, version"

    static func record(_ row: Row) throws -> UserRecord {
        let roleText: String = try row.decode("role")
        guard let role = StaffRole(rawValue: roleText) else {
            throw DatabaseError(.decoding(column: "role"), message: roleText)
        }
        return UserRecord(
            member: StaffMember(
                id: UserID(rawValue: try row.decode("id")), email: try row.decode("email"),
                name: try row.decode("name"),
                role: role, locale: Language(rawValue: try row.decode("locale")) ?? .sv),
            active: try row.decode("active"), lastLoginAt: try row.decode("last_login_at"),
            lockedUntil: try row.decode("locked_until"), version: try row.decode("version"))
    }

    /// Every account, active first, by name. Staff lists are small (tens), so no pagination.
    public static func all(_ connection: Connection) throws -> [UserRecord] {
        try connection.query("SELECT " + columns + " FROM users ORDER BY active DESC, name, id").map(record)
    }

    public static func find(_ connection: Connection, id: UserID) throws -> UserRecord? {
        try connection.query("SELECT " + columns + " FROM users WHERE id = \(id.rawValue)").first.map(record)
    }

    /// Writes name, role and locale (and, with `passwordHash`, a new password, ending every session
    /// of the user except `keepingSession`), with their audit rows. The caller holds the lock from
    /// `lockForChange` and has decided the change may happen. Nothing is written when nothing changed.
    public static func applyUpdate(
        _ tx: Connection, current: UserRecord, name: String, role: StaffRole, locale: Language,
        passwordHash: String? = nil, keepingSession: SessionID? = nil, actor: AuditActor
    ) throws {
        let id = current.member.id
        let before = [
            "name": current.member.name, "role": current.member.role.rawValue, "locale": current.member.locale.rawValue,
        ]
        let after = ["name": name, "role": role.rawValue, "locale": locale.rawValue]
        let diff = AuditStore.changes(from: before, to: after)
        guard diff != nil || passwordHash != nil else { return }
        try tx.execute(
            """
            UPDATE users SET name = \(name), role = \(role.rawValue), locale = \(locale.rawValue), version = version + 1
             WHERE id = \(id.rawValue)
            """)
        if let diff {
            try AuditStore.record(
                tx, actor: actor, entity: "user", entityID: id.rawValue, action: "updated", before: diff.before,
                after: diff.after)
        }
        if let passwordHash {
            try tx.execute(
                """
                UPDATE users SET password_hash = \(passwordHash), password_changed_at = now() WHERE id = \(id.rawValue)
                """)
            let ended = try SessionStore.revokeAll(tx, user: id, keeping: keepingSession)
            let feeds = try CalendarFeedStore.revokeAll(tx, user: id)
            try AuditStore.record(
                tx, actor: actor, entity: "user", entityID: id.rawValue, action: "password_set",
                after: ["sessions_ended": String(ended), "calendar_feeds_revoked": String(feeds)])
        }
    }

    /// Deactivates (their sessions end in the same transaction) or reactivates the locked account;
    /// audited. Nothing is written when it already is so.
    public static func applyActive(_ tx: Connection, current: UserRecord, active: Bool, actor: AuditActor) throws {
        let id = current.member.id
        guard current.active != active else { return }
        try tx.execute("UPDATE users SET active = \(active), version = version + 1 WHERE id = \(id.rawValue)")
        var after = ["active": String(active)]
        if !active {
            after["sessions_ended"] = String(try SessionStore.revokeAll(tx, user: id))
            after["calendar_feeds_revoked"] = String(try CalendarFeedStore.revokeAll(tx, user: id))
        }
        try AuditStore.record(
            tx, actor: actor, entity: "user", entityID: id.rawValue, action: active ? "reactivated" : "deactivated",
            before: ["active": String(current.active)], after: after)
    }

    /// Locks the account and every active admin, in id order, then reads the account. Two admins
    /// demoting or deactivating each other at the same moment are thus serialised, and the second
    /// sees that the first left only one admin: the last-admin rule cannot be raced past (and the
    /// fixed lock order cannot deadlock).
    /// nil when there is no such account.
    public static func lockForChange(_ tx: Connection, id: UserID) throws -> UserRecord? {
        try tx.execute(
            "SELECT id FROM users WHERE id = \(id.rawValue) OR (role = 'admin' AND active) ORDER BY id FOR UPDATE")
        return try tx.query("SELECT " + columns + " FROM users WHERE id = \(id.rawValue)").first.map(record)
    }

    /// The active admins other than `id` (read under `lockForChange`'s lock).
    public static func activeAdmins(_ tx: Connection, except id: UserID) throws -> Int {
        try tx.query("SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND active AND id <> \(id.rawValue)")[0]
            .decode("n")
    }
}

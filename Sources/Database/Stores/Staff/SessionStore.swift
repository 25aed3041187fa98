public import Domain
public import Foundation

/// A live staff session as a request sees it.
public struct StaffSession: Sendable {
    public let id: SessionID
    public let user: StaffMember
    /// The per-session CSRF token every state-changing form carries (`csrf_secret` in hex).
    public let csrfToken: String
    /// The settings row's `updated_at`, read in the same round trip, so the company profile can
    /// come from a per-thread cache (see `CompanyStore.stampedProfile`).
    public let settingsStamp: String
    /// The member has two-step verification on.
    public let twoStepEnabled: Bool
    /// The settings require it of the member's role.
    public let twoStepRequired: Bool
}

/// One row of "my sessions".
public struct SessionSummary: Sendable {
    public let id: SessionID
    public let createdAt: Date
    public let lastSeenAt: Date
    public let ip: String?
    public let userAgent: String?
}

/// Staff sessions in PostgreSQL, so responders stay stateless. The cookie holds 256 random bits;
/// the table holds only their SHA-256. A session ends after `idleTimeout` without a request, at
/// `absoluteTimeout` after login, at logout, password change or deactivation.
public enum SessionStore {
    public static let idleTimeout: TimeInterval = 8 * 3600
    public static let absoluteTimeout: TimeInterval = 7 * 24 * 3600
    /// `last_seen_at` is written at most this often, so most requests only read.
    static let touchInterval: TimeInterval = 60

    /// Starts a session for `user` and records the login (audit row, counters reset), in one
    /// transaction. `tokenHash` is the SHA-256 of the cookie value; `csrfSecret` 32 random bytes.
    public static func create(
        _ connection: Connection, user: UserID, tokenHash: [UInt8], csrfSecret: [UInt8], ip: String?,
        userAgent: String?,
        actor: AuditActor
    ) throws -> SessionID {
        try connection.transaction { tx in
            let rows = try tx.query(
                """
                INSERT INTO sessions (token_hash, user_id, csrf_secret, expires_at, ip, user_agent)
                VALUES (\(tokenHash), \(user.rawValue), \(csrfSecret), now() + make_interval(secs => \(absoluteTimeout)),
                        \(ip.flatMap(AuditStore.validIP))::inet, \(userAgent.map { String($0.prefix(300)) }))
                RETURNING id
                """)
            try tx.execute(
                """
                UPDATE users SET last_login_at = now(), failed_login_count = 0, locked_until = NULL
                 WHERE id = \(user.rawValue)
                """)
            try AuditStore.record(tx, actor: actor, entity: "user", entityID: user.rawValue, action: "login")
            return SessionID(rawValue: try rows[0].decode("id"))
        }
    }

    /// The live session for a presented cookie's hash, with its active user; nil when unknown,
    /// revoked, idle too long, past its absolute expiry, or the user was deactivated. Renews the
    /// idle timer (writing at most once a minute) in the same round trip, unless `renew` is false
    /// (a page refreshing itself, or the live stream: not the member's own activity).
    public static func lookup(
        _ connection: Connection, tokenHash: [UInt8], renew: Bool = true
    ) throws(DatabaseError) -> StaffSession? {
        let rows = try connection.query(
            """
            WITH live AS (
                SELECT s.id, s.csrf_secret, s.last_seen_at, u.id AS user_id, u.email::text AS email, u.name, u.role, u.locale,
                       (u.totp_enabled_at IS NOT NULL) AS two_step
                  FROM sessions s JOIN users u ON u.id = s.user_id
                 WHERE s.token_hash = \(tokenHash) AND s.revoked_at IS NULL AND s.expires_at > now()
                   AND s.last_seen_at > now() - make_interval(secs => \(idleTimeout)) AND u.active
            ), touched AS (
                UPDATE sessions SET last_seen_at = now()
                  FROM live
                 WHERE sessions.id = live.id AND live.last_seen_at < now() - make_interval(secs => \(touchInterval))
                   AND \(renew)
            )
            SELECT id, encode(csrf_secret, 'hex') AS csrf, user_id, email, name, role, locale, two_step,
                   coalesce((SELECT updated_at::text FROM settings), '') AS settings_stamp,
                   coalesce((SELECT role = ANY(two_step_roles) FROM settings), false) AS two_step_required
              FROM live
            """)
        guard let row = rows.first else { return nil }
        guard let role = StaffRole(rawValue: try row.decode("role")) else { return nil }
        return StaffSession(
            id: SessionID(rawValue: try row.decode("id")),
            user: StaffMember(
                id: UserID(rawValue: try row.decode("user_id")), email: try row.decode("email"),
                name: try row.decode("name"),
                role: role, locale: Language(rawValue: try row.decode("locale")) ?? .sv),
            csrfToken: try row.decode("csrf"), settingsStamp: try row.decode("settings_stamp"),
            twoStepEnabled: try row.decode("two_step"), twoStepRequired: try row.decode("two_step_required"))
    }

    /// Ends one session of `user` (logout, or "revoke" on my sessions). False when it was not theirs or not live.
    @discardableResult
    public static func revoke(
        _ connection: Connection, id: SessionID, user: UserID, actor: AuditActor, action: String = "session_revoked"
    )
        throws -> Bool
    {
        try connection.transaction { tx in
            let changed = try tx.execute(
                """
                UPDATE sessions SET revoked_at = now()
                 WHERE id = \(id.rawValue) AND user_id = \(user.rawValue) AND revoked_at IS NULL
                """)
            guard changed == 1 else { return false }
            try AuditStore.record(
                tx, actor: actor, entity: "user", entityID: user.rawValue, action: action,
                after: ["session": String(id.rawValue)])
            return true
        }
    }

    /// Ends every session of `user` except `keeping` (password change, deactivation). Inside the
    /// caller's transaction; returns how many ended.
    @discardableResult
    public static func revokeAll(_ tx: Connection, user: UserID, keeping: SessionID? = nil) throws(DatabaseError) -> Int
    {
        try tx.execute(
            """
            UPDATE sessions SET revoked_at = now()
             WHERE user_id = \(user.rawValue) AND revoked_at IS NULL AND (\(keeping?.rawValue)::bigint IS NULL OR id <> \(keeping?.rawValue))
            """)
    }

    /// The user's live sessions, newest activity first.
    public static func live(_ connection: Connection, user: UserID) throws(DatabaseError) -> [SessionSummary] {
        try connection.query(
            """
            SELECT id, created_at, last_seen_at, host(ip) AS ip, user_agent
              FROM sessions
             WHERE user_id = \(user.rawValue) AND revoked_at IS NULL AND expires_at > now()
               AND last_seen_at > now() - make_interval(secs => \(idleTimeout))
             ORDER BY last_seen_at DESC
             LIMIT 50
            """
        ).map { row throws(DatabaseError) in
            SessionSummary(
                id: SessionID(rawValue: try row.decode("id")), createdAt: try row.decode("created_at"),
                lastSeenAt: try row.decode("last_seen_at"), ip: try row.decode("ip"),
                userAgent: try row.decode("user_agent"))
        }
    }
}

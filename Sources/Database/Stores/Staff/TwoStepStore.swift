public import Domain
public import Foundation

/// A member's two-step verification as its use cases need it.
public struct TwoStepState: Sendable {
    public let secret: [UInt8]?
    public let pendingSecret: [UInt8]?
    public let enabledAt: Date?
    /// The time step of the last accepted code: a code is accepted once.
    public let lastStep: Int64?
    public let unusedRecoveryCodes: Int
}

/// Two-step verification (TOTP) rows: the secrets on `users`, `recovery_codes` (SHA-256 hashes
/// only) and `sign_in_challenges` (the step between the password and the code).
public enum TwoStepStore {
    /// How long the code form waits after the password was right.
    public static let challengeLifetime: TimeInterval = 5 * 60

    /// The member's state; `forUpdate` locks the user row (the caller's transaction).
    public static func state(
        _ connection: Connection, user: UserID, forUpdate: Bool = false
    ) throws(DatabaseError)
        -> TwoStepState
    {
        let row = try connection.query(
            """
            SELECT totp_secret, totp_pending_secret, totp_enabled_at, totp_last_step,
                   (SELECT count(*)::int FROM recovery_codes r WHERE r.user_id = u.id AND r.used_at IS NULL) AS codes
              FROM users u WHERE u.id = \(user.rawValue)
            \(unsafeRaw: forUpdate ? "FOR UPDATE OF u" : "")
            """)[0]
        return TwoStepState(
            secret: try row.decode("totp_secret"), pendingSecret: try row.decode("totp_pending_secret"),
            enabledAt: try row.decode("totp_enabled_at"), lastStep: try row.decode("totp_last_step"),
            unusedRecoveryCodes: try row.decode("codes"))
    }

    public static func setPending(_ tx: Connection, user: UserID, secret: [UInt8]) throws(DatabaseError) {
        try tx.execute("UPDATE users SET totp_pending_secret = \(secret) WHERE id = \(user.rawValue)")
    }

    /// Turns it on with the pending secret, the step of the code that proved it, and new
    /// recovery codes (replacing any old ones).
    public static func enable(
        _ tx: Connection, user: UserID, step: Int64, recoveryCodeHashes: [[UInt8]], actor: AuditActor
    ) throws {
        try tx.execute(
            """
            UPDATE users SET totp_secret = totp_pending_secret, totp_pending_secret = NULL, totp_enabled_at = now(),
                             totp_last_step = \(step)
             WHERE id = \(user.rawValue) AND totp_pending_secret IS NOT NULL
            """)
        try replaceRecoveryCodes(tx, user: user, hashes: recoveryCodeHashes)
        try AuditStore.record(tx, actor: actor, entity: "user", entityID: user.rawValue, action: "two_step_enabled")
    }

    public static func replaceRecoveryCodes(_ tx: Connection, user: UserID, hashes: [[UInt8]]) throws(DatabaseError) {
        try tx.execute("DELETE FROM recovery_codes WHERE user_id = \(user.rawValue)")
        for hash in hashes {
            try tx.execute("INSERT INTO recovery_codes (user_id, code_hash) VALUES (\(user.rawValue), \(hash))")
        }
    }

    /// Turns it off: the secret, the recovery codes and pending challenges go.
    public static func disable(_ tx: Connection, user: UserID, action: String, actor: AuditActor) throws {
        try tx.execute(
            """
            UPDATE users SET totp_secret = NULL, totp_pending_secret = NULL, totp_enabled_at = NULL, totp_last_step = NULL
             WHERE id = \(user.rawValue)
            """)
        try tx.execute("DELETE FROM recovery_codes WHERE user_id = \(user.rawValue)")
        try tx.execute("DELETE FROM sign_in_challenges WHERE user_id = \(user.rawValue)")
        try AuditStore.record(tx, actor: actor, entity: "user", entityID: user.rawValue, action: action)
    }

    /// Records an accepted code's step.
    public static func accept(_ tx: Connection, user: UserID, step: Int64) throws(DatabaseError) {
        try tx.execute("UPDATE users SET totp_last_step = \(step) WHERE id = \(user.rawValue)")
    }

    /// Uses one unused recovery code with this hash; false when there is none.
    public static func useRecoveryCode(_ tx: Connection, user: UserID, hash: [UInt8]) throws(DatabaseError) -> Bool {
        try tx.execute(
            """
            UPDATE recovery_codes SET used_at = now()
             WHERE id = (SELECT id FROM recovery_codes
                          WHERE user_id = \(user.rawValue) AND code_hash = \(hash) AND used_at IS NULL LIMIT 1)
            """) == 1
    }

    public static func createChallenge(_ tx: Connection, user: UserID, tokenHash: [UInt8]) throws(DatabaseError) {
        try tx.execute("DELETE FROM sign_in_challenges WHERE expires_at < now()")
        try tx.execute(
            """
            INSERT INTO sign_in_challenges (token_hash, user_id, expires_at)
            VALUES (\(tokenHash), \(user.rawValue), now() + make_interval(secs => \(challengeLifetime)))
            """)
    }

    /// The member a live challenge belongs to (an active user), with the email the throttle keys on.
    public static func challenge(_ tx: Connection, tokenHash: [UInt8]) throws(DatabaseError) -> (UserID, String)? {
        guard
            let row = try tx.query(
                """
                SELECT u.id, u.email::text AS email FROM sign_in_challenges c JOIN users u ON u.id = c.user_id
                 WHERE c.token_hash = \(tokenHash) AND c.expires_at > now() AND u.active
                """
            ).first
        else { return nil }
        return (UserID(rawValue: try row.decode("id")), try row.decode("email"))
    }

    public static func endChallenge(_ tx: Connection, tokenHash: [UInt8]) throws(DatabaseError) {
        try tx.execute("DELETE FROM sign_in_challenges WHERE token_hash = \(tokenHash)")
    }

    /// The roles the settings require two-step verification of.
    public static func requiredRoles(_ connection: Connection) throws(DatabaseError) -> Set<StaffRole> {
        let text: String =
            try connection.query("SELECT coalesce(array_to_string(two_step_roles, ','), '') AS r FROM settings").first?
            .decode("r") ?? ""
        return Set(text.split(separator: ",").compactMap { StaffRole(rawValue: String($0)) })
    }

    public static func setRequiredRoles(_ tx: Connection, _ roles: Set<StaffRole>, actor: AuditActor) throws {
        let list = roles.map(\.rawValue).sorted()
        try tx.execute("UPDATE settings SET two_step_roles = \(PostgresArray(list))::text[]")
        try AuditStore.record(
            tx, actor: actor, entity: "settings", entityID: nil, action: "two_step_roles",
            after: ["roles": list.joined(separator: ",")])
    }
}

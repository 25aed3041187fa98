public import Domain
public import Foundation

/// The failed sign-ins `LoginThrottle` decides from: within its window, for the email since its
/// last success, and for the client (its IPv4 address, or its IPv6 /64); with the database's clock.
public struct LoginFailures: Sendable, Equatable {
    public let emailFailures: Int
    public let emailLast: Date?
    public let addressFailures: Int
    public let addressLast: Date?
    public let now: Date
}

/// Failed and successful sign-ins, for `LoginThrottle`.
public enum LoginAttemptStore {
    /// The failures for this email and client address in the throttle's window.
    public static func failures(
        _ connection: Connection, email: String, ip: String
    ) throws(DatabaseError) -> LoginFailures {
        // The same fallback as `recordFailure`, so attempts without a usable address are still counted.
        let address = AuditStore.validIP(ip) ?? "0.0.0.0"
        let row = try connection.query(
            """
            WITH email_failures AS (
                SELECT at FROM login_attempts
                 WHERE email = \(email)::citext AND NOT succeeded
                   AND at > now() - make_interval(secs => \(LoginThrottle.window))
                   AND at > coalesce((SELECT max(at) FROM login_attempts WHERE email = \(email)::citext AND succeeded), '-infinity')
            ), client AS (
                -- One client is an IPv4 address or an IPv6 /64 (nginx's limits count the same way):
                -- the range from the network's first address to its last, which the (ip, at) index serves.
                SELECT host(network(n))::inet AS first, host(broadcast(n))::inet AS last
                  FROM (SELECT set_masklen(\(address)::inet, CASE family(\(address)::inet) WHEN 6 THEN 64 ELSE 32 END) AS n) AS c
            ), address_failures AS (
                SELECT at FROM login_attempts, client
                 WHERE ip BETWEEN client.first AND client.last
                   AND NOT succeeded AND at > now() - make_interval(secs => \(LoginThrottle.window))
            )
            SELECT (SELECT count(*)::int FROM email_failures) AS email_n, (SELECT max(at) FROM email_failures) AS email_last,
                   (SELECT count(*)::int FROM address_failures) AS address_n, (SELECT max(at) FROM address_failures) AS address_last,
                   now() AS now
            """)[0]
        return LoginFailures(
            emailFailures: try row.decode("email_n"), emailLast: try row.decode("email_last"),
            addressFailures: try row.decode("address_n"), addressLast: try row.decode("address_last"),
            now: try row.decode("now"))
    }

    /// Records a failed attempt with its audit row (`action`: `login_failed`, or
    /// `password_change_failed` for a wrong current password); when it `locks` the email
    /// (`SignInRules`), a second audit row says so and a known account's `locked_until` is set
    /// (shown on the users page).
    public static func recordFailure(
        _ connection: Connection, email: String, ip: String, user: UserID?, locks: Bool, actor: AuditActor,
        action: String = "login_failed"
    ) throws {
        try connection.transaction { tx in
            try tx.execute(
                """
                INSERT INTO login_attempts (ip, email, succeeded)
                VALUES (coalesce(\(AuditStore.validIP(ip))::inet, '0.0.0.0'::inet), \(String(email.prefix(320)))::citext, false)
                """)
            if let user {
                try tx.execute(
                    """
                    UPDATE users SET failed_login_count = failed_login_count + 1, last_failed_login_at = now(),
                           locked_until = CASE WHEN \(locks) THEN now() + make_interval(secs => \(LoginThrottle.window)) ELSE locked_until END
                     WHERE id = \(user.rawValue)
                    """)
            }
            // The email as typed goes into the audit row only for known accounts; an unknown
            // address is personal data of nobody we know, so only its domain is kept.
            let shown = user != nil ? email : "…@" + (email.split(separator: "@").last.map(String.init) ?? "")
            try AuditStore.record(
                tx, actor: actor, entity: "user", entityID: user?.rawValue, action: action,
                after: ["email": shown])
            if locks {
                try AuditStore.record(
                    tx, actor: actor, entity: "user", entityID: user?.rawValue, action: "login_locked",
                    after: ["email": shown])
            }
        }
    }

    /// Records a successful attempt (resets the email's failure count).
    public static func recordSuccess(_ connection: Connection, email: String, ip: String) throws(DatabaseError) {
        try connection.execute(
            """
            INSERT INTO login_attempts (ip, email, succeeded)
            VALUES (coalesce(\(AuditStore.validIP(ip))::inet, '0.0.0.0'::inet), \(email)::citext, true)
            """)
    }
}

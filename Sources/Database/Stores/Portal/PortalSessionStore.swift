public import Domain
public import Foundation

/// A live portal session as a request sees it.
public struct PortalSession: Sendable {
    public let id: Int64
    public let customerID: CustomerID
    public let customerName: String
    /// The per-session CSRF token every portal form carries (`csrf_secret` in hex).
    public let csrfToken: String
}

/// Customers' portal sessions: their own table, apart from the staff's `sessions`, so neither kind
/// of cookie can stand for the other. The cookie holds 256 random bits; the table only their
/// SHA-256. A session ends after `PortalRules.sessionIdleTimeout` without a request, at
/// `PortalRules.sessionAbsoluteTimeout` after sign-in, at sign-out, or when the customer is archived.
public enum PortalSessionStore {
    /// `last_seen_at` is written at most this often, so most requests only read.
    static let touchInterval: TimeInterval = 60

    /// Starts a session for the link's customer, in the caller's transaction (the one that used the link).
    public static func create(
        _ tx: Connection, customer: CustomerID, link: Int64, tokenHash: [UInt8], csrfSecret: [UInt8], ip: String?,
        userAgent: String?
    ) throws(DatabaseError) -> Int64 {
        try tx.query(
            """
            INSERT INTO portal_sessions (token_hash, customer_id, link_id, csrf_secret, expires_at, ip, user_agent)
            VALUES (\(tokenHash), \(customer.rawValue), \(link), \(csrfSecret),
                    now() + make_interval(secs => \(PortalRules.sessionAbsoluteTimeout)),
                    \(ip.flatMap(AuditStore.validIP))::inet, \(userAgent.map { String($0.prefix(300)) }))
            RETURNING id
            """)[0].decode("id")
    }

    /// The live session for a presented cookie's hash; nil when unknown, revoked, idle too long,
    /// past its absolute expiry, or its customer archived. Renews the idle timer (at most once a
    /// minute) in the same round trip.
    public static func lookup(_ connection: Connection, tokenHash: [UInt8]) throws(DatabaseError) -> PortalSession? {
        guard
            let row = try connection.query(
                """
                WITH live AS (
                    SELECT s.id, s.customer_id, s.csrf_secret, s.last_seen_at, c.name
                      FROM portal_sessions s JOIN customers c ON c.id = s.customer_id
                     WHERE s.token_hash = \(tokenHash) AND s.revoked_at IS NULL AND s.expires_at > now()
                       AND s.last_seen_at > now() - make_interval(secs => \(PortalRules.sessionIdleTimeout))
                       AND c.archived_at IS NULL
                ), touched AS (
                    UPDATE portal_sessions SET last_seen_at = now()
                      FROM live
                     WHERE portal_sessions.id = live.id
                       AND live.last_seen_at < now() - make_interval(secs => \(touchInterval))
                )
                SELECT id, customer_id, name, encode(csrf_secret, 'hex') AS csrf FROM live
                """
            ).first
        else { return nil }
        return PortalSession(
            id: try row.decode("id"), customerID: CustomerID(rawValue: try row.decode("customer_id")),
            customerName: try row.decode("name"), csrfToken: try row.decode("csrf"))
    }

    /// Ends the session (sign-out) with its audit row.
    public static func revoke(_ connection: Connection, _ session: PortalSession, actor: AuditActor) throws {
        try connection.transaction { tx in
            let changed = try tx.execute(
                "UPDATE portal_sessions SET revoked_at = now() WHERE id = \(session.id) AND revoked_at IS NULL")
            guard changed == 1 else { return }
            try AuditStore.record(
                tx, actor: actor, entity: "customer", entityID: session.customerID.rawValue,
                action: "portal_signed_out", after: ["session": String(session.id)])
        }
    }
}

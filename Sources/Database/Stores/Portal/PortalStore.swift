public import Domain
public import Foundation

/// What a "send me a link" request finds: the customer with the address, and the requests already
/// made in the window for the address and from the client (this one not counted).
public struct PortalLinkRequestFacts: Sendable, Equatable {
    public let customerID: CustomerID?
    public let recentForAddress: Int
    public let recentForClient: Int
}

/// What the portal sign-in email needs.
public struct PortalLinkEmailDetails: Sendable, Equatable {
    public let recipientEmail: String
    public let customerName: String
    /// `sv` or `en`: the customer's language.
    public let locale: String
    public let expiresAt: Date
    /// The link was used (or a newer one was) before the email went out.
    public let isUsed: Bool
    public let companyName: String
    /// The From header as configured (`Name <address>` or an address), or empty.
    public let sender: String
    public let contactEmail: String
}

/// The portal's sign-in links and their request log. Tokens are stored only as their SHA-256;
/// the clear token exists only in the sign-in email's job until the worker scrubs it.
public enum PortalStore {
    /// Records a request and reads what `PortalRules.decide` needs, in the caller's transaction.
    /// One client is an IPv4 address or an IPv6 /64, as for the staff sign-in.
    public static func recordRequest(
        _ tx: Connection, email: String, ip: String
    ) throws(DatabaseError) -> PortalLinkRequestFacts {
        let address = AuditStore.validIP(ip) ?? "0.0.0.0"
        let row = try tx.query(
            """
            WITH client AS (
                SELECT host(network(n))::inet AS first, host(broadcast(n))::inet AS last
                  FROM (SELECT set_masklen(\(address)::inet, CASE family(\(address)::inet) WHEN 6 THEN 64 ELSE 32 END) AS n) AS c
            )
            SELECT (SELECT id FROM customers WHERE email = \(email)::citext AND archived_at IS NULL
                     ORDER BY id DESC LIMIT 1) AS customer_id,
                   (SELECT count(*)::int FROM portal_link_requests
                     WHERE email = \(email)::citext
                       AND requested_at > now() - make_interval(secs => \(PortalRules.requestWindow))) AS address_n,
                   (SELECT count(*)::int FROM portal_link_requests, client
                     WHERE ip BETWEEN client.first AND client.last
                       AND requested_at > now() - make_interval(secs => \(PortalRules.requestWindow))) AS client_n
            """)[0]
        try tx.execute(
            "INSERT INTO portal_link_requests (email, ip) VALUES (\(email)::citext, \(address)::inet)")
        return PortalLinkRequestFacts(
            customerID: try row.decode("customer_id", as: Int64?.self).map(CustomerID.init),
            recentForAddress: try row.decode("address_n"), recentForClient: try row.decode("client_n"))
    }

    /// The live (not archived) customer with this address, the newest when several have it.
    public static func customer(_ connection: Connection, email: String) throws(DatabaseError) -> CustomerID? {
        guard
            let row = try connection.query(
                """
                SELECT id FROM customers WHERE email = \(email)::citext AND archived_at IS NULL ORDER BY id DESC LIMIT 1
                """
            ).first
        else { return nil }
        return CustomerID(rawValue: try row.decode("id"))
    }

    /// A new link for `customer`, valid `PortalRules.linkLifetime`. Earlier unused links stay
    /// valid until they expire: otherwise anyone who knows a customer's address could cancel the
    /// link just sent to them by asking for another. - Returns: the link's id.
    public static func insertLink(
        _ tx: Connection, customer: CustomerID, tokenHash: [UInt8]
    ) throws(DatabaseError) -> Int64 {
        try tx.query(
            """
            INSERT INTO portal_links (customer_id, token_hash, email, expires_at)
            SELECT id, \(tokenHash), email, now() + make_interval(secs => \(PortalRules.linkLifetime))
              FROM customers WHERE id = \(customer.rawValue)
            RETURNING id
            """)[0].decode("id")
    }

    /// Whether a presented link's hash names a live link (unused, unexpired, its customer not
    /// archived). Reads only: the page with the button must not use the link up.
    public static func isLive(_ connection: Connection, tokenHash: [UInt8]) throws(DatabaseError) -> Bool {
        try !connection.query(
            """
            SELECT 1 FROM portal_links l JOIN customers c ON c.id = l.customer_id
             WHERE l.token_hash = \(tokenHash) AND l.used_at IS NULL AND l.expires_at > now() AND c.archived_at IS NULL
               AND c.email = l.email
            """
        ).isEmpty
    }

    /// Uses a live link up, in the caller's transaction. - Returns: its id and customer, or nil
    /// when the link is unknown, used, expired or its customer archived (two presses of the
    /// button: only one finds it).
    public static func consume(
        _ tx: Connection, tokenHash: [UInt8]
    ) throws(DatabaseError) -> (link: Int64, customer: CustomerID)? {
        guard
            let row = try tx.query(
                """
                UPDATE portal_links l SET used_at = now()
                  FROM customers c
                 WHERE l.token_hash = \(tokenHash) AND l.used_at IS NULL AND l.expires_at > now()
                   AND c.id = l.customer_id AND c.archived_at IS NULL AND c.email = l.email
                RETURNING l.id, l.customer_id
                """
            ).first
        else { return nil }
        return (try row.decode("id"), CustomerID(rawValue: try row.decode("customer_id")))
    }

    /// The link, its customer and the company, for the email; nil when the link does not exist.
    public static func linkEmailDetails(
        _ connection: Connection, linkID: Int64
    ) throws(DatabaseError) -> PortalLinkEmailDetails? {
        guard
            let row = try connection.query(
                """
                SELECT l.email::text AS email, c.name, c.locale, l.expires_at, (l.used_at IS NOT NULL) AS used,
                       s.company_name, coalesce(s.email_sender, '') AS sender,
                       coalesce(s.contact_email::text, '') AS contact_email
                  FROM portal_links l JOIN customers c ON c.id = l.customer_id CROSS JOIN settings s
                 WHERE l.id = \(linkID)
                """
            ).first
        else { return nil }
        return PortalLinkEmailDetails(
            recipientEmail: try row.decode("email"), customerName: try row.decode("name"),
            locale: try row.decode("locale"), expiresAt: try row.decode("expires_at"), isUsed: try row.decode("used"),
            companyName: try row.decode("company_name"), sender: try row.decode("sender"),
            contactEmail: try row.decode("contact_email"))
    }
}

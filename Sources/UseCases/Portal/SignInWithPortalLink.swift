public import Database
public import Domain
import Foundation

/// A customer presses the button on the emailed link's page: the link is used up and a portal
/// session starts, in one transaction with its audit row. - Returns: the session's cookie token,
/// or nil when the link is unknown, used, expired or its customer archived (the same answer for each).
public enum SignInWithPortalLink {
    /// - Throws: `DatabaseError`.
    public static func run(
        _ connection: Connection, token: String, ip: String, userAgent: String?, requestID: String
    ) throws -> String? {
        try connection.transaction { tx -> String? in
            guard let used = try PortalStore.consume(tx, tokenHash: SigningLinkToken.hash(ofPresented: token)) else {
                return nil
            }
            // The session's token and CSRF secret come from the same CSPRNG as the link's: 256 bits each.
            let session = SigningLinkToken.generate()
            let id = try PortalSessionStore.create(
                tx, customer: used.customer, link: used.link, tokenHash: session.hash,
                csrfSecret: SigningLinkToken.generate().hash, ip: ip, userAgent: userAgent)
            try AuditStore.record(
                tx, actor: AuditActor(kind: .customer, requestID: requestID, ip: ip), entity: "customer",
                entityID: used.customer.rawValue, action: "portal_signed_in",
                after: ["portal_link_id": String(used.link), "session": String(id)])
            return session.text
        }
    }
}

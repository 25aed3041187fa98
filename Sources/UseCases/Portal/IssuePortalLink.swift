public import Database
public import Domain
import Foundation

/// An operator makes a sign-in link for a customer by hand (`eventgaraget portal link`), for
/// development and support: no email, no request limit, the same 15-minute single-use link, with
/// an audit row. - Returns: the token in clear (for the operator to pass on), or nil when no live
/// customer has the address.
public enum IssuePortalLink {
    /// - Throws: `DatabaseError`.
    public static func run(_ connection: Connection, email: String) throws -> String? {
        try connection.transaction { tx -> String? in
            guard let customer = try PortalStore.customer(tx, email: email) else { return nil }
            let token = SigningLinkToken.generate()
            let link = try PortalStore.insertLink(tx, customer: customer, tokenHash: token.hash)
            try AuditStore.record(
                tx, actor: AuditActor(kind: .system), entity: "customer", entityID: customer.rawValue,
                action: "portal_link_issued", after: ["portal_link_id": String(link)])
            return token.text
        }
    }
}

public import Database
public import Domain
import Foundation

/// A customer asks for a sign-in link: the request is counted, `PortalRules.decide` says whether a
/// link goes out, and when it does the link (its hash), its audit row and `Job.portalLinkEmail`
/// are written in the same transaction. The caller shows the same page whatever came of it, so the
/// outcome is for tests and logs only.
public enum RequestPortalLink {
    /// - Throws: `DatabaseError`.
    public static func run(
        _ connection: Connection, email: String, ip: String, requestID: String
    ) throws -> PortalRules.LinkDecision {
        try connection.transaction { tx -> PortalRules.LinkDecision in
            // Parallel requests for one address queue here, so a burst cannot pass the limit.
            _ = try tx.query("SELECT pg_advisory_xact_lock(8315, hashtext(lower(\(email))))")
            let facts = try PortalStore.recordRequest(tx, email: email, ip: ip)
            let decision = PortalRules.decide(
                customerFound: facts.customerID != nil, recentForAddress: facts.recentForAddress,
                recentForClient: facts.recentForClient)
            guard decision == .send, let customer = facts.customerID else { return decision }
            let token = SigningLinkToken.generate()
            let link = try PortalStore.insertLink(tx, customer: customer, tokenHash: token.hash)
            try AuditStore.record(
                tx, actor: AuditActor(kind: .customer, requestID: requestID, ip: ip), entity: "customer",
                entityID: customer.rawValue, action: "portal_link_requested", after: ["portal_link_id": String(link)])
            try JobStore.enqueue(tx, .portalLinkEmail(linkID: link, token: token.text))
            return decision
        }
    }
}

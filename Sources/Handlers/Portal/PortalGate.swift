import Database
import Domain
import HTTP
import Passwords
import Routing
import Templates

/// A signed-in customer as a portal handler sees them. Every store call names `customerID`.
struct PortalContext {
    let base: Context
    let session: PortalSession

    var customerID: CustomerID { session.customerID }
    var request: Request { base.request }
    var strings: Strings { base.strings }
    func connection() throws -> Connection { try base.database.connection() }
    var actor: AuditActor {
        AuditActor(kind: .customer, requestID: base.request.requestID, ip: base.request.clientAddress)
    }
}

/// The checks in front of the portal, in the staff gate's order: for a customer route a live
/// portal session (else the sign-in page for a GET, 403 for a POST); for every POST a same-origin
/// request (`Origin`, else `Referer`, against `EG_PUBLIC_URL`) carrying the right `_csrf` — the
/// session's token once signed in, the form cookie's before. Staff sessions play no part: the
/// portal reads only its own cookie and table.
enum PortalGate {
    enum Admission {
        case customer(PortalContext)
        /// No session on a page: go and sign in.
        case signIn
    }

    /// The gate for a route that declares `.customer`.
    static func admit(_ route: Route, context: Context) throws -> Admission {
        guard let session = try currentSession(context) else {
            if route.method == "GET" { return .signIn }
            throw HTTPError(.forbidden, reason: context.strings.portal.sessionMissing)
        }
        if route.isCustomerChange { try checkChange(expected: session.csrfToken, context: context) }
        return .customer(PortalContext(base: context, session: session))
    }

    /// The gate for a POST open to visitors (asking for a link, using one): same origin, and the
    /// form token equal to its cookie.
    static func checkVisitorChange(context: Context) throws {
        guard let cookie = context.request.cookies[PortalCookies.form], cookie.count == 43 else {
            throw HTTPError(.forbidden, reason: context.strings.portal.crossSite)
        }
        try checkChange(expected: cookie, context: context)
    }

    private static func checkChange(expected: String, context: Context) throws {
        guard StaffGate.isSameOrigin(context.request, services: context.services) else {
            throw HTTPError(.forbidden, reason: context.strings.portal.crossSite)
        }
        guard let sent = context.request.form["_csrf"], SecureRandom.constantTimeEqual(sent, expected) else {
            throw HTTPError(.forbidden, reason: context.strings.portal.crossSite)
        }
    }

    /// The live portal session for the request's cookie, if any.
    static func currentSession(_ context: Context) throws -> PortalSession? {
        guard let token = context.request.cookies[PortalCookies.session], token.count == 43 else { return nil }
        return try PortalSessionStore.lookup(
            try context.database.connection(), tokenHash: SHA256.hash(Array(token.utf8)))
    }
}

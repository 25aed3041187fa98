import Database
import Domain
import HTTP
import Passwords
import Routing
import Templates

/// The checks in front of every staff route, in order: a live session (else the sign-in page
/// for a GET, 403 for a POST), then for changes a same-origin request carrying the session's
/// CSRF token (else 403, nothing changes), then the roles the route declares (else 403).
/// Routes that declare `.anyone` (signing in) pass without a session.
enum StaffGate {
    enum Outcome {
        /// The route is open to anyone: the way in.
        case open
        case allowed(StaffSession)
        case signIn
        /// The settings require two-step verification of the member's role and it is not on:
        /// pages lead to setting it up (finding M7).
        case setUpTwoStep
        case forbidden(reason: Reason)
    }

    enum Reason { case notSignedIn, crossSite, csrf, role, twoStepRequired }

    static func check(_ route: AdminRoute, context: Context) throws -> Outcome {
        guard case .staff(let roles) = route.access else { return .open }
        let request = context.request
        guard let session = try currentSession(context) else {
            return route.method == "GET" ? .signIn : .forbidden(reason: .notSignedIn)
        }
        if route.method == "POST" {
            guard isSameOrigin(request, services: context.services) else { return .forbidden(reason: .crossSite) }
            guard let token = request.form["_csrf"], SecureRandom.constantTimeEqual(token, session.csrfToken) else {
                return .forbidden(reason: .csrf)
            }
        }
        guard roles.contains(session.user.role) else { return .forbidden(reason: .role) }
        if session.twoStepRequired, !session.twoStepEnabled, !Self.allowedBeforeTwoStep(route) {
            return route.method == "GET" ? .setUpTwoStep : .forbidden(reason: .twoStepRequired)
        }
        return .allowed(session)
    }

    /// What a member whose role requires two-step verification may do before turning it on: set
    /// it up, see their account, sign out.
    static func allowedBeforeTwoStep(_ route: AdminRoute) -> Bool {
        guard case .account(let account) = route else { return false }
        switch account {
        case .show, .twoStep, .twoStepBegin, .twoStepConfirm, .logout, .changePassword: return true
        default: return false
        }
    }

    /// Who the gate let through: a visitor on a route open to anyone, or a signed-in member.
    enum Admission {
        case visitor(Context)
        case staff(AdminContext)

        var context: Context {
            switch self {
            case .visitor(let context): context
            case .staff(let admin): admin.base
            }
        }

        /// The signed-in member. The gate admits visitors only to routes that declare `.anyone`,
        /// so a staff route always has one; were a route to declare otherwise, this refuses it.
        func member() throws -> AdminContext {
            switch self {
            case .staff(let admin): return admin
            case .visitor(let context): throw HTTPError(.forbidden, reason: context.strings.staff.staffNotSignedIn)
            }
        }
    }

    /// The live session for the request's cookie, if any.
    static func currentSession(_ context: Context) throws -> StaffSession? {
        guard let token = context.request.cookies[StaffCookies.session], token.count == 43 else { return nil }
        // The live stream and a page's own refresh (app.js sends X-EG-Live) are not the member at
        // work: they do not hold the session open past its idle timeout.
        let automatic =
            context.request.path == Route.admin(.dashboard(.live)).path || context.request.headers["x-eg-live"] == "1"
        return try SessionStore.lookup(
            try context.database.connection(), tokenHash: SHA256.hash(Array(token.utf8)), renew: !automatic)
    }

    /// A state change must come from our own pages: `Origin` (sent by browsers on every POST)
    /// equal to this site, or, from a browser that omits it, a `Referer` on this site.
    /// "This site" is `EG_PUBLIC_URL`'s origin, never the request's `Host`, which the client chooses.
    static func isSameOrigin(_ request: Request, services: SiteServices) -> Bool {
        let ours = services.publicOrigin
        guard !ours.isEmpty else { return false }
        if let origin = request.headers["origin"] { return origin == ours }
        if let referer = request.headers["referer"] { return referer == ours || referer.hasPrefix(ours + "/") }
        return false
    }
}

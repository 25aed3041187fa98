import Database
import Domain
import Foundation
import HTTP
import Routing
import Templates

/// A request from a signed-in staff member: the request's `Context` plus the session. Admin
/// handlers take this instead of `Context`, so a handler cannot forget to require a session.
struct AdminContext {
    let base: Context
    let session: StaffSession

    var request: Request { base.request }
    var user: StaffMember { session.user }
    var strings: Strings { base.strings }

    func connection() throws -> Connection { try base.database.connection() }

    /// Who the audit rows name: this member, this request, this client address.
    var actor: AuditActor { .staff(user.id, requestID: request.requestID, ip: request.clientAddress) }

    /// The page chrome with the company, the CSRF token and the pending flash message.
    func page() throws -> AdminPage {
        AdminPage(
            page: base.pageContext(company: try company()), user: user,
            csrfToken: session.csrfToken, flash: request.cookies[StaffCookies.flash].flatMap(Flash.init(rawValue:)))
    }

    /// The company profile, from this thread's cache unless the settings changed (the session
    /// lookup read the settings' stamp in the same round trip).
    func company() throws -> CompanyProfile {
        let db = try connection()
        return try base.caches.companyProfile(stamp: session.settingsStamp) { try CompanyStore.stampedProfile(db) }
    }

    /// POST → redirect → GET, with a message for the next page.
    func redirect(to route: Route, flash: Flash? = nil) -> Response {
        redirect(to: LocalPath(validating: route.path) ?? .root, flash: flash)
    }

    /// The same to a checked local path (a page that posted its own address to come back to).
    func redirect(to path: LocalPath, flash: Flash? = nil) -> Response {
        var response = Response.redirect(to: path.value)
        if let flash { response.headers.append(StaffCookies.set(StaffCookies.flash, flash.rawValue, maxAge: 60)) }
        return response
    }

    /// A page; clears the flash cookie once it has been shown.
    func html(_ body: [UInt8], status: HTTPStatus = .ok) -> Response {
        var response = Response.html(body, status: status)
        if request.cookies[StaffCookies.flash] != nil {
            response.headers.append(StaffCookies.clear(StaffCookies.flash))
        }
        return response
    }

    /// The submitted form as text values, trimmed, for `FormState` (passwords are never echoed back).
    func formValues(_ names: [String]) -> [String: String] {
        var values: [String: String] = [:]
        for name in names {
            values[name] = (request.form[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return values
    }
}

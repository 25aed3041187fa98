import Database
import Domain
import Foundation
import HTTP
import Passwords
import Routing
import Templates
import UseCases

/// `/admin/account`: my sessions, my password, my calendar feeds.
enum AccountHandler {
    static func show(
        _ admin: AdminContext, passwordForm: FormState = FormState(), newFeedURL: String? = nil,
        status: HTTPStatus = .ok
    )
        throws -> Response
    {
        let db = try admin.connection()
        let sessions = try SessionStore.live(db, user: admin.user.id).map {
            AccountPage.SessionRow(
                id: $0.id, createdAt: $0.createdAt, lastSeenAt: $0.lastSeenAt, ip: $0.ip ?? "",
                userAgent: $0.userAgent ?? "",
                isCurrent: $0.id == admin.session.id)
        }
        let feeds = try CalendarFeedStore.live(db, user: admin.user.id).map {
            AccountPage.FeedRow(
                id: $0.id, name: $0.name, createdAt: $0.createdAt, lastUsedAt: $0.lastUsedAt, expiresAt: $0.expiresAt)
        }
        return admin.html(
            AccountPage.render(
                sessions: sessions, feeds: feeds, newFeedURL: newFeedURL, passwordForm: passwordForm,
                twoStepOn: admin.session.twoStepEnabled,
                admin: try admin.page()),
            status: status)
    }

    static func changePassword(_ admin: AdminContext) throws -> Response {
        let s = admin.strings
        let form = admin.request.form
        let current = form["current_password"] ?? ""
        let new = form["new_password"] ?? ""
        let outcome = try ChangePassword.run(
            try admin.connection(), user: admin.user, current: current, new: new,
            confirmation: form["confirm_password"],
            ip: admin.request.clientAddress, userAgent: admin.request.headers["user-agent"], actor: admin.actor,
            secrets: PasswordSecrets())
        let token: String
        switch outcome {
        case .changed(let sessionToken):
            token = sessionToken
        case .refused(let refusal):
            var state = FormState()
            switch refusal.throttled {
            case .slowDown(let seconds):
                state.formError = s.staff.loginSlowDown(seconds: seconds)
                var response = try show(admin, passwordForm: state, status: .tooManyRequests)
                response.headers.append(("Retry-After", String(seconds)))
                return response
            case .locked(let until):
                state.formError = s.staff.loginLocked(
                    minutes: max(1, Int((until.timeIntervalSinceNow / 60).rounded(.up))))
                return try show(admin, passwordForm: state, status: .tooManyRequests)
            case .allowed, nil: break
            }
            if refusal.currentPasswordWrong { state.errors["current_password"] = s.staff.currentPasswordWrong }
            if let problem = refusal.newPassword { state.errors["new_password"] = s.staff.passwordProblem(problem) }
            if refusal.confirmationDiffers { state.errors["confirm_password"] = s.staff.passwordsDiffer }
            return try show(admin, passwordForm: state, status: .badRequest)
        }
        var response = admin.redirect(to: .admin(.account(.show)), flash: .passwordChanged)
        response.headers.append(
            StaffCookies.set(StaffCookies.session, token, maxAge: Int(SessionStore.absoluteTimeout)))
        return response
    }

    static func revokeSession(_ id: SessionID, _ admin: AdminContext) throws -> Response {
        guard try SessionStore.revoke(try admin.connection(), id: id, user: admin.user.id, actor: admin.actor) else {
            throw HTTPError(.notFound)
        }
        if id == admin.session.id {
            var response = Response.redirect(to: Route.admin(.account(.login(next: nil))).path)
            response.headers.append(StaffCookies.clear(StaffCookies.session))
            return response
        }
        return admin.redirect(to: .admin(.account(.show)), flash: .sessionRevoked)
    }

    /// Makes a feed and shows its URL once, on this response (never stored, never shown again).
    static func createFeed(_ admin: AdminContext) throws -> Response {
        let name = String(
            (admin.request.form["name"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefixForLimits(100))
        let token = SecureRandom.token()
        _ = try CalendarFeedStore.create(
            try admin.connection(), user: admin.user.id,
            name: name.isEmpty ? admin.strings.staff.feedDefaultName : name,
            tokenHash: SHA256.hash(Array(token.utf8)), actor: admin.actor)
        return try show(admin, newFeedURL: admin.base.publicBaseURL + Route.feeds(.calendar(token: token)).path)
    }

    static func revokeFeed(_ id: CalendarFeedID, _ admin: AdminContext) throws -> Response {
        guard try CalendarFeedStore.revoke(try admin.connection(), id: id, user: admin.user.id, actor: admin.actor)
        else {
            throw HTTPError(.notFound)
        }
        return admin.redirect(to: .admin(.account(.show)), flash: .feedRevoked)
    }

    static func renewFeed(_ id: CalendarFeedID, _ admin: AdminContext) throws -> Response {
        guard try CalendarFeedStore.renew(try admin.connection(), id: id, user: admin.user.id, actor: admin.actor)
        else {
            throw HTTPError(.notFound)
        }
        return admin.redirect(to: .admin(.account(.show)), flash: .feedRenewed)
    }
}

import Database
import Domain
import Foundation
import HTTP
import Passwords
import Routing
import Templates
import UseCases

/// Signing in and out. Failures are throttled per email (as typed) and per client address
/// (`LoginThrottle`); every answer for a failure is the same whether or not the email exists.
enum LoginHandler {
    static func show(next: LocalPath?, context: Context) throws -> Response {
        if try StaffGate.currentSession(context) != nil {
            return .redirect(to: Route.admin(.dashboard(.show)).path)
        }
        return try page(form: FormState(), next: next, status: .ok, context: context)
    }

    static func submit(context: Context) throws -> Response {
        let request = context.request
        let s = context.strings
        guard StaffGate.isSameOrigin(request, services: context.services) else {
            throw HTTPError(.forbidden, reason: s.staff.staffCrossSite)
        }
        guard let cookie = request.cookies[StaffCookies.login], let sent = request.form["_login"],
            SecureRandom.constantTimeEqual(cookie, sent)
        else { throw HTTPError(.forbidden, reason: s.staff.loginFormExpired) }

        let email = (request.form["email"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let password = request.form["password"] ?? ""
        let next = request.form["next"].flatMap(LocalPath.init(validating:)).flatMap {
            $0.value.hasPrefix("/admin") ? $0 : nil
        }
        var form = FormState(values: ["email": email])
        if email.isEmpty || email.lengthForLimits > 320 { form.errors["email"] = s.required }
        if password.isEmpty { form.errors["password"] = s.required }
        guard form.isValid else { return try page(form: form, next: next, status: .badRequest, context: context) }

        let db = try context.database.connection()
        let presented = request.cookies[StaffCookies.session].flatMap {
            $0.count == 43 ? SHA256.hash(Array($0.utf8)) : nil
        }
        let outcome = try SignIn.run(
            db, email: email, password: password, ip: request.clientAddress, userAgent: request.headers["user-agent"],
            requestID: request.requestID, presentedSession: presented, secrets: PasswordSecrets())
        let token: String
        switch outcome {
        case .signedIn(let made):
            token = made
        case .needsCode(let challenge):
            // The password was right; the code comes next, on its own page.
            var response = Response.redirect(to: Route.admin(.account(.loginCode)).path)
            response.headers.append(
                StaffCookies.set(StaffCookies.twoStep, challenge, maxAge: Int(TwoStepStore.challengeLifetime)))
            return response
        case .slowDown(let seconds):
            form.formError = s.staff.loginSlowDown(seconds: seconds)
            var response = try page(form: form, next: next, status: .tooManyRequests, context: context)
            response.headers.append(("Retry-After", String(seconds)))
            return response
        case .locked(let until):
            form.formError = s.staff.loginLocked(minutes: max(1, Int((until.timeIntervalSinceNow / 60).rounded(.up))))
            return try page(form: form, next: next, status: .tooManyRequests, context: context)
        case .wrong, .lockedNow:
            form.formError =
                outcome == .lockedNow
                ? s.staff.loginLocked(minutes: Int(LoginThrottle.window / 60)) : s.staff.loginFailed
            return try page(form: form, next: next, status: .badRequest, context: context)
        }
        var response = Response.redirect(to: next?.value ?? Route.admin(.dashboard(.show)).path)
        response.headers.append(
            StaffCookies.set(StaffCookies.session, token, maxAge: Int(SessionStore.absoluteTimeout)))
        response.headers.append(StaffCookies.clear(StaffCookies.login))
        return response
    }

    static func logout(_ admin: AdminContext) throws -> Response {
        try SessionStore.revoke(
            try admin.connection(), id: admin.session.id, user: admin.user.id, actor: admin.actor, action: "logout")
        var response = Response.redirect(to: Route.admin(.account(.login(next: nil))).path)
        response.headers.append(StaffCookies.clear(StaffCookies.session))
        response.headers.append(StaffCookies.set(StaffCookies.flash, Flash.signedOut.rawValue, maxAge: 60))
        return response
    }

    /// `GET /admin/login/code`: the code form, while the password step's challenge is live.
    static func showCode(context: Context) throws -> Response {
        guard context.request.cookies[StaffCookies.twoStep] != nil else {
            return .redirect(to: Route.admin(.account(.login(next: nil))).path)
        }
        return try codePage(FormState(), status: .ok, context: context)
    }

    /// `POST /admin/login/code`: the TOTP code or a recovery code, throttled like the password.
    static func submitCode(context: Context) throws -> Response {
        let request = context.request
        let s = context.strings
        guard StaffGate.isSameOrigin(request, services: context.services) else {
            throw HTTPError(.forbidden, reason: s.staff.staffCrossSite)
        }
        guard let challenge = request.cookies[StaffCookies.twoStep], challenge.count == 43 else {
            return .redirect(to: Route.admin(.account(.login(next: nil))).path)
        }
        let code = (request.form["code"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var form = FormState()
        guard !code.isEmpty, code.lengthForLimits <= 20 else {
            form.errors["code"] = s.staff.codeWrong
            return try codePage(form, status: .badRequest, context: context)
        }
        let presented = request.cookies[StaffCookies.session].flatMap {
            $0.count == 43 ? SHA256.hash(Array($0.utf8)) : nil
        }
        switch try TwoStepVerification.signIn(
            try context.database.connection(), challengeToken: challenge, code: code, ip: request.clientAddress,
            userAgent: request.headers["user-agent"], requestID: request.requestID, presentedSession: presented,
            secrets: PasswordSecrets())
        {
        case .signedIn(let token):
            var response = Response.redirect(to: Route.admin(.dashboard(.show)).path)
            response.headers.append(
                StaffCookies.set(StaffCookies.session, token, maxAge: Int(SessionStore.absoluteTimeout)))
            response.headers.append(StaffCookies.clear(StaffCookies.twoStep))
            response.headers.append(StaffCookies.clear(StaffCookies.login))
            return response
        case .wrong:
            form.errors["code"] = s.staff.codeWrong
            return try codePage(form, status: .badRequest, context: context)
        case .lockedNow:
            form.formError = s.staff.loginLocked(minutes: Int(LoginThrottle.window / 60))
            return try codePage(form, status: .badRequest, context: context)
        case .slowDown(let seconds):
            form.formError = s.staff.loginSlowDown(seconds: seconds)
            var response = try codePage(form, status: .tooManyRequests, context: context)
            response.headers.append(("Retry-After", String(seconds)))
            return response
        case .locked(let until):
            form.formError = s.staff.loginLocked(minutes: max(1, Int((until.timeIntervalSinceNow / 60).rounded(.up))))
            return try codePage(form, status: .tooManyRequests, context: context)
        case .expired:
            form.formError = s.staff.codeExpired
            var response = try codePage(form, status: .badRequest, context: context)
            response.headers.append(StaffCookies.clear(StaffCookies.twoStep))
            return response
        }
    }

    private static func codePage(_ form: FormState, status: HTTPStatus, context: Context) throws -> Response {
        .html(
            LoginCodePage.render(
                form: form,
                context: context.pageContext(company: try CompanyStore.profile(context.database.connection()))),
            status: status)
    }

    /// The sign-in page with a login-form token in a cookie and a hidden field (double submit).
    private static func page(form: FormState, next: LocalPath?, status: HTTPStatus, context: Context) throws -> Response
    {
        let existing = context.request.cookies[StaffCookies.login].flatMap { $0.count == 43 ? $0 : nil }
        let token = existing ?? SecureRandom.token()
        let flash = context.request.cookies[StaffCookies.flash].flatMap(Flash.init(rawValue:))
        var response = Response.html(
            LoginPage.render(
                form: form, loginToken: token, next: next, flash: flash,
                context: context.pageContext(company: try CompanyStore.profile(context.database.connection()))),
            status: status)
        if existing == nil { response.headers.append(StaffCookies.set(StaffCookies.login, token)) }
        if flash != nil { response.headers.append(StaffCookies.clear(StaffCookies.flash)) }
        return response
    }
}

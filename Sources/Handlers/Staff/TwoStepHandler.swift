import Database
import Domain
import Foundation
import HTTP
import Passwords
import Routing
import Templates
import UseCases

/// `/admin/account/two-step`: the member sets up two-step verification with an authenticator
/// app (QR code), confirms it with a first code and gets recovery codes once, or turns it off
/// with the password and a code (`TwoStepVerification`).
enum TwoStepHandler {
    static func show(
        _ admin: AdminContext, form: FormState = FormState(), status: HTTPStatus = .ok
    ) throws
        -> Response
    {
        let db = try admin.connection()
        let state = try TwoStepStore.state(db, user: admin.user.id)
        let page: TwoStepPage.State
        if let since = state.enabledAt {
            page = .on(since: since, recoveryCodesLeft: state.unusedRecoveryCodes)
        } else if let pending = state.pendingSecret {
            let issuer = try CompanyStore.profile(db).name
            let uri = TOTP.provisioningURI(secret: pending, account: admin.user.email, issuer: issuer)
            guard let qr = QRCode(uri) else { throw HTTPError(.internalServerError) }
            page = .settingUp(qr: .init(width: qr.width, dark: qr.dark), secret: Base32.encode(pending))
        } else {
            page = .off(required: admin.session.twoStepRequired)
        }
        return admin.html(TwoStepPage.render(page, form: form, admin: try admin.page()), status: status)
    }

    static func begin(_ admin: AdminContext) throws -> Response {
        _ = try TwoStepVerification.begin(try admin.connection(), user: admin.user.id, secrets: PasswordSecrets())
        return .redirect(to: Route.admin(.account(.twoStep)).path)
    }

    static func confirm(_ admin: AdminContext) throws -> Response {
        let code = admin.request.form["code"] ?? ""
        switch try TwoStepVerification.confirm(
            try admin.connection(), user: admin.user.id, code: code, actor: admin.actor, secrets: PasswordSecrets())
        {
        case .enabled(let codes):
            // Shown on this response only: the database keeps their hashes.
            return admin.html(
                TwoStepPage.render(.justEnabled(recoveryCodes: codes), form: FormState(), admin: try admin.page()))
        case .wrongCode:
            var form = FormState()
            form.errors["code"] = admin.strings.staff.codeWrong
            return try show(admin, form: form, status: .badRequest)
        case .notStarted:
            return .redirect(to: Route.admin(.account(.twoStep)).path)
        }
    }

    static func disable(_ admin: AdminContext) throws -> Response {
        let s = admin.strings
        var form = FormState()
        switch try TwoStepVerification.disable(
            try admin.connection(), user: admin.user, password: admin.request.form["current_password"] ?? "",
            code: admin.request.form["code"] ?? "", ip: admin.request.clientAddress, actor: admin.actor,
            secrets: PasswordSecrets())
        {
        case .disabled:
            return admin.redirect(to: .admin(.account(.twoStep)), flash: .twoStepDisabled)
        case .wrongPassword:
            form.errors["current_password"] = s.staff.currentPasswordWrong
            return try show(admin, form: form, status: .badRequest)
        case .wrongCode:
            form.errors["code"] = s.staff.codeWrong
            return try show(admin, form: form, status: .badRequest)
        case .throttled(.slowDown(let seconds)):
            form.formError = s.staff.loginSlowDown(seconds: seconds)
            return try show(admin, form: form, status: .tooManyRequests)
        case .throttled(.locked(let until)):
            form.formError = s.staff.loginLocked(minutes: max(1, Int((until.timeIntervalSinceNow / 60).rounded(.up))))
            return try show(admin, form: form, status: .tooManyRequests)
        case .throttled(.allowed):
            return try show(admin, form: form, status: .ok)
        }
    }
}

import Database
import Domain
import Foundation
import HTTP
import Passwords
import Routing
import Templates
import UseCases

/// `/admin/users` (Admin only): list, create, edit (name, role, language, optionally a new
/// password), deactivate and reactivate. The use cases (`UpdateUser`, `SetUserActive`) keep the last
/// active admin and keep an admin from deactivating themself; this handler words their refusals.
enum UsersHandler {
    static func handle(_ route: UsersRoute, _ admin: AdminContext) throws -> Response {
        switch route {
        case .list: try list(admin)
        case .new: try new(admin)
        case .create: try create(admin)
        case .edit(let id): try edit(id, admin)
        case .update(let id): try update(id, admin)
        case .deactivate(let id): try deactivate(id, admin)
        case .reactivate(let id): try reactivate(id, admin)
        case .resetTwoStep(let id): try resetTwoStep(id, admin)
        }
    }

    /// Turns off someone's two-step verification (a lost phone and lost recovery codes); their
    /// sessions end, audited as `two_step_reset`.
    static func resetTwoStep(_ id: UserID, _ admin: AdminContext) throws -> Response {
        guard try UserStore.find(try admin.connection(), id: id) != nil else { throw HTTPError(.notFound) }
        try TwoStepVerification.reset(try admin.connection(), user: id, actor: admin.actor)
        return admin.redirect(to: .admin(.users(.edit(id))), flash: .twoStepReset)
    }

    static func list(_ admin: AdminContext, error: String? = nil, status: HTTPStatus = .ok) throws -> Response {
        let rows = try UserStore.all(try admin.connection()).map {
            UsersPage.Row(
                member: $0.member, active: $0.active, lockedUntil: $0.lockedUntil, lastLoginAt: $0.lastLoginAt)
        }
        return admin.html(UsersPage.render(rows: rows, error: error, admin: try admin.page()), status: status)
    }

    static func new(_ admin: AdminContext) throws -> Response {
        let form = FormState(values: ["role": StaffRole.support.rawValue, "locale": admin.user.locale.rawValue])
        return admin.html(UserFormPage.render(existing: nil, form: form, admin: try admin.page()))
    }

    static func create(_ admin: AdminContext) throws -> Response {
        let s = admin.strings
        var form = FormState(values: admin.formValues(UserFormPage.fieldNames))
        let email = form["email"]
        if email.isEmpty {
            form.errors["email"] = s.required
        } else if !EmailAddressRule.isValid(email) {
            form.errors["email"] = s.users.emailInvalid
        }
        let fields = validate(&form, s: s)
        let company = try CompanyStore.profile(try admin.connection()).name
        let password = checkPassword(&form, admin.request, email: email, companyName: company, required: true, s: s)
        guard form.isValid, let fields, let password else { return try page(nil, form, .badRequest, admin) }

        do {
            _ = try UserStore.create(
                try admin.connection(), email: email, name: fields.name, role: fields.role, locale: fields.locale,
                passwordHash: try PasswordHasher.hash(password), actor: admin.actor)
        } catch UserStoreError.emailTaken {
            form.errors["email"] = s.users.emailTaken
            return try page(nil, form, .badRequest, admin)
        }
        return admin.redirect(to: .admin(.users(.list)), flash: .created)
    }

    static func edit(_ id: UserID, _ admin: AdminContext) throws -> Response {
        guard let record = try UserStore.find(try admin.connection(), id: id) else { throw HTTPError(.notFound) }
        return try page(record, Self.form(record), .ok, admin)
    }

    static func update(_ id: UserID, _ admin: AdminContext) throws -> Response {
        let s = admin.strings
        let db = try admin.connection()
        guard let record = try UserStore.find(db, id: id) else { throw HTTPError(.notFound) }
        guard let version = Int(admin.request.form["version"] ?? "") else { throw HTTPError(.badRequest) }
        var form = FormState(values: admin.formValues(UserFormPage.fieldNames))
        let fields = validate(&form, s: s)
        let password = checkPassword(
            &form, admin.request, email: record.member.email, companyName: try CompanyStore.profile(db).name,
            required: false, s: s)
        guard form.isValid, let fields else { return try page(record, form, .badRequest, admin) }

        let isSelf = id == admin.user.id
        switch try UpdateUser.run(
            db, id: id, version: version, name: fields.name, role: fields.role, locale: fields.locale,
            passwordHash: try password.map { try PasswordHasher.hash($0) },
            keepingSession: isSelf ? admin.session.id : nil,
            actor: admin.actor)
        {
        case .done: break
        case .conflict(let current):
            var fresh = Self.form(current)
            fresh.formError = s.conflictMessage
            return try page(current, fresh, .conflict, admin)
        case .refused:
            form.formError = s.users.lastAdmin
            return try page(record, form, .conflict, admin)
        case .notFound:
            throw HTTPError(.notFound)
        }
        // An admin who just gave up the admin role can no longer open the users pages.
        if isSelf, fields.role != .admin { return admin.redirect(to: .admin(.dashboard(.show)), flash: .saved) }
        return admin.redirect(to: .admin(.users(.list)), flash: .saved)
    }

    static func deactivate(_ id: UserID, _ admin: AdminContext) throws -> Response {
        try setActive(id, false, admin)
    }

    static func reactivate(_ id: UserID, _ admin: AdminContext) throws -> Response {
        try setActive(id, true, admin)
    }

    private static func setActive(_ id: UserID, _ active: Bool, _ admin: AdminContext) throws -> Response {
        let s = admin.strings
        switch try SetUserActive.run(
            try admin.connection(), id: id, active: active, by: admin.user.id, actor: admin.actor)
        {
        case .done: return admin.redirect(to: .admin(.users(.list)), flash: active ? .reactivated : .deactivated)
        case .notFound: throw HTTPError(.notFound)
        case .refused(.ownAccount): return try list(admin, error: s.users.cannotDeactivateSelf, status: .conflict)
        case .refused(.lastAdmin): return try list(admin, error: s.users.lastAdmin, status: .conflict)
        case .conflict: return try list(admin, error: s.conflictMessage, status: .conflict)
        }
    }

    // MARK: The form

    private static func page(
        _ record: UserRecord?, _ form: FormState, _ status: HTTPStatus, _ admin: AdminContext
    ) throws -> Response {
        let existing = record.map { UserFormPage.Existing(member: $0.member, active: $0.active) }
        return admin.html(UserFormPage.render(existing: existing, form: form, admin: try admin.page()), status: status)
    }

    private static func form(_ record: UserRecord) -> FormState {
        FormState(values: [
            "email": record.member.email, "name": record.member.name, "role": record.member.role.rawValue,
            "locale": record.member.locale.rawValue, "version": String(record.version),
        ])
    }

    /// Name, role and language from the form; nil (with errors in `form`) when any is wrong.
    private static func validate(
        _ form: inout FormState, s: Strings
    ) -> (name: String, role: StaffRole, locale: Language)? {
        let name = form["name"]
        if name.isEmpty {
            form.errors["name"] = s.required
        } else if name.lengthForLimits > 200
            || name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        {
            form.errors["name"] = s.users.nameTooLong
        }
        let role = StaffRole(rawValue: form["role"])
        if role == nil { form.errors["role"] = s.users.roleInvalid }
        let locale = Language(rawValue: form["locale"])
        if locale == nil { form.errors["locale"] = s.users.languageInvalid }
        guard form.errors["name"] == nil, let role, let locale else { return nil }
        return (name, role, locale)
    }

    /// The new password when one was typed and passes the policy and the confirmation; errors go
    /// into `form`. Passwords are never echoed back into the form.
    private static func checkPassword(
        _ form: inout FormState, _ request: Request, email: String, companyName: String, required: Bool, s: Strings
    ) -> String? {
        let password = request.form["password"] ?? ""
        let confirmation = request.form["confirm_password"] ?? ""
        if password.isEmpty {
            if required { form.errors["password"] = s.required }
            return nil
        }
        // The person's name as typed on this form (or kept), and the company's, are off limits too.
        let context = [request.form["name"] ?? "", companyName]
        if let problem = PasswordPolicy.problem(
            password, email: email, context: context, guessable: PasswordDictionary.weakness(password) != nil)
        {
            form.errors["password"] = s.staff.passwordProblem(problem)
            return nil
        }
        guard confirmation == password else {
            form.errors["confirm_password"] = s.staff.passwordsDiffer
            return nil
        }
        return password
    }
}

import Database
import Domain
import Foundation
import HTTP
import Passwords
import Routing
import Templates
import Webhooks

/// The incoming hooks' pages (Admin and Manager): make one (its URL and secret shown once),
/// turn it off or on, give it a new URL and secret, remove it, and read what it received.
enum IncomingHooksHandler {
    static func new(_ admin: AdminContext) throws -> Response {
        admin.html(IncomingHookFormPage.render(form: IncomingHookFormPage.blank, admin: try admin.page()))
    }

    static func create(_ admin: AdminContext) throws -> Response {
        let s = admin.strings.automation
        var form = FormState(values: admin.formValues(IncomingHookFormPage.fieldNames))
        let name = form["name"].trimmingCharacters(in: .whitespaces)
        if name.isEmpty || name.count > 200 { form.errors["name"] = s.hookNameRequired }
        guard let kind = IncomingHook.Kind(rawValue: form["kind"]) else { throw HTTPError(.badRequest) }
        var paths: [LeadMapping.Field: String] = [:]
        for field in LeadMapping.Field.allCases {
            let path = form["path_" + field.rawValue].trimmingCharacters(in: .whitespaces)
            guard !path.isEmpty else { continue }
            if LeadMapping.isValidPath(path) {
                paths[field] = path
            } else {
                form.errors["path_" + field.rawValue] = s.pathInvalid
            }
        }
        guard form.errors.isEmpty else {
            return admin.html(IncomingHookFormPage.render(form: form, admin: try admin.page()), status: .badRequest)
        }
        let token = SecureRandom.token()
        let secret = WebhookSignature.newSecret()
        let id = try IncomingHookStore.add(
            try admin.connection(), name: name, kind: kind, mapping: LeadMapping(paths: kind == .lead ? paths : [:]),
            tokenHash: SHA256.hash(Array(token.utf8)), secret: secret, createdBy: admin.user.id, actor: admin.actor)
        return try show(id, admin, credentials: credentials(token: token, secret: secret, admin))
    }

    static func show(
        _ id: Int64, _ admin: AdminContext, credentials: IncomingHookPage.Credentials? = nil
    ) throws -> Response {
        let db = try admin.connection()
        guard let hook = try IncomingHookStore.find(db, id: id) else { throw HTTPError(.notFound) }
        return admin.html(
            IncomingHookPage.render(
                hook: hook, messages: try IncomingHookStore.messages(db, hookID: id), credentials: credentials,
                admin: try admin.page()))
    }

    static func setActive(_ id: Int64, _ admin: AdminContext) throws -> Response {
        let active = admin.request.form["active"] == "1"
        guard try IncomingHookStore.setActive(try admin.connection(), id: id, active: active, actor: admin.actor) else {
            throw HTTPError(.notFound)
        }
        return admin.redirect(to: .admin(.automation(.hook(id))), flash: .saved)
    }

    static func renew(_ id: Int64, _ admin: AdminContext) throws -> Response {
        let token = SecureRandom.token()
        let secret = WebhookSignature.newSecret()
        guard
            try IncomingHookStore.renew(
                try admin.connection(), id: id, tokenHash: SHA256.hash(Array(token.utf8)), secret: secret,
                actor: admin.actor)
        else { throw HTTPError(.notFound) }
        return try show(id, admin, credentials: credentials(token: token, secret: secret, admin))
    }

    static func remove(_ id: Int64, _ admin: AdminContext) throws -> Response {
        guard try IncomingHookStore.remove(try admin.connection(), id: id, actor: admin.actor) else {
            throw HTTPError(.notFound)
        }
        return admin.redirect(to: .admin(.automation(.overview(eventType: nil))), flash: .saved)
    }

    static func credentials(token: String, secret: String, _ admin: AdminContext) -> IncomingHookPage.Credentials {
        IncomingHookPage.Credentials(
            url: admin.base.publicBaseURL + Route.hooks(.receive(token: token)).path, secret: secret)
    }
}

import Database
import Domain
import Foundation
import HTTP
import Routing
import Templates
import Webhooks

/// `/admin/automation` (Admin and Manager): webhook endpoints (create, enable or disable, new
/// secret, remove, send an event again), their delivery log, the event log, and replaying jobs
/// that ran out of attempts. Every change goes through the stores' audited transactions.
enum AutomationHandler {
    static func handle(_ route: AutomationRoute, _ admin: AdminContext) throws -> Response {
        switch route {
        case .overview(let type): try overview(type, admin)
        case .newWebhook: admin.html(WebhookFormPage.render(form: FormState(), admin: try admin.page()))
        case .createWebhook: try create(admin)
        case .webhook(let id): try show(id, admin)
        case .setWebhookActive(let id): try setActive(id, admin)
        case .rotateWebhookSecret(let id): try rotate(id, admin)
        case .removeWebhook(let id): try remove(id, admin)
        case .redeliver(let endpoint, let event): try redeliver(endpoint, event, admin)
        case .newHook: try IncomingHooksHandler.new(admin)
        case .createHook: try IncomingHooksHandler.create(admin)
        case .hook(let id): try IncomingHooksHandler.show(id, admin)
        case .setHookActive(let id): try IncomingHooksHandler.setActive(id, admin)
        case .renewHook(let id): try IncomingHooksHandler.renew(id, admin)
        case .removeHook(let id): try IncomingHooksHandler.remove(id, admin)
        case .resendEmail(let id): try resendEmail(id, admin)
        case .replayJob(let id): try replay(id, admin)
        case .replayDeadJobs: try replayAll(admin)
        case .triggers(let query): try TriggersHandler.list(query, admin)
        case .newTrigger: try TriggersHandler.new(admin)
        case .createTrigger: try TriggersHandler.save(nil, admin)
        case .trigger(let id): try TriggersHandler.show(id, admin)
        case .updateTrigger(let id): try TriggersHandler.save(id, admin)
        case .duplicateTrigger(let id): try TriggersHandler.duplicate(id, admin)
        case .testTrigger(let id): try TriggersHandler.test(id, admin)
        }
    }

    static func overview(
        _ type: String?, _ admin: AdminContext, notice: String? = nil, status: HTTPStatus = .ok
    ) throws -> Response {
        let db = try admin.connection()
        let known = type.flatMap { EventTypes.all.contains($0) ? $0 : nil }
        let dead = try JobStore.deadSummary(db).map {
            AutomationPage.DeadJob(id: $0.id, kind: $0.kind, attempts: $0.attempts, error: $0.error, at: $0.updatedAt)
        }
        return admin.html(
            AutomationPage.render(
                endpoints: try WebhookStore.list(db), hooks: try IncomingHookStore.list(db),
                events: try EventStore.latest(db, type: known),
                eventType: known, eventTypes: EventTypes.all, dead: dead, notice: notice, admin: try admin.page()),
            status: status)
    }

    static func create(_ admin: AdminContext) throws -> Response {
        let s = admin.strings.automation
        var form = FormState(values: admin.formValues(WebhookFormPage.fieldNames))
        let url = form["url"]
        if url.isEmpty {
            form.errors["url"] = admin.strings.required
        } else if !WebhookTarget.isValid(url) {
            form.errors["url"] = s.urlInvalid
        }
        let types = EventTypes.parse(form["events"])
        let unknown = EventTypes.unknown(in: types)
        if !unknown.isEmpty { form.errors["events"] = s.unknownTypes(unknown.joined(separator: ", ")) }
        if form["description"].count > 200 { form.errors["description"] = s.descriptionTooLong }
        guard form.errors.isEmpty else {
            return admin.html(WebhookFormPage.render(form: form, admin: try admin.page()), status: .badRequest)
        }
        let secret = WebhookSignature.newSecret()
        let id = try WebhookStore.add(
            try admin.connection(), url: url, events: types,
            description: form["description"].isEmpty ? nil : form["description"], secret: secret, actor: admin.actor)
        return try show(id, admin, newSecret: secret)
    }

    static func show(
        _ id: Int64, _ admin: AdminContext, newSecret: String? = nil, status: HTTPStatus = .ok
    ) throws -> Response {
        let db = try admin.connection()
        guard let endpoint = try WebhookStore.find(db, id: id) else { throw HTTPError(.notFound) }
        return admin.html(
            WebhookPage.render(
                endpoint: endpoint, attempts: try WebhookStore.log(db, endpointID: id), newSecret: newSecret,
                admin: try admin.page()),
            status: status)
    }

    static func setActive(_ id: Int64, _ admin: AdminContext) throws -> Response {
        let active = admin.request.form["active"] == "1"
        guard try WebhookStore.setActive(try admin.connection(), id: id, active: active, actor: admin.actor) else {
            throw HTTPError(.notFound)
        }
        return admin.redirect(to: .admin(.automation(.webhook(id))), flash: .saved)
    }

    static func rotate(_ id: Int64, _ admin: AdminContext) throws -> Response {
        let secret = WebhookSignature.newSecret()
        guard try WebhookStore.rotateSecret(try admin.connection(), id: id, secret: secret, actor: admin.actor) else {
            throw HTTPError(.notFound)
        }
        return try show(id, admin, newSecret: secret)
    }

    static func remove(_ id: Int64, _ admin: AdminContext) throws -> Response {
        guard try WebhookStore.remove(try admin.connection(), id: id, actor: admin.actor) else {
            throw HTTPError(.notFound)
        }
        return admin.redirect(to: .admin(.automation(.overview(eventType: nil))), flash: .saved)
    }

    static func redeliver(_ endpoint: Int64, _ event: Int64, _ admin: AdminContext) throws -> Response {
        guard
            try WebhookStore.redeliver(
                try admin.connection(), endpointID: endpoint, eventID: event, actor: admin.actor)
        else { throw HTTPError(.notFound) }
        return admin.redirect(to: .admin(.automation(.webhook(endpoint))), flash: .saved)
    }

    static func replay(_ id: Int64, _ admin: AdminContext) throws -> Response {
        guard try JobStore.replay(try admin.connection(), id: id, actor: admin.actor) else {
            return try overview(nil, admin, notice: admin.strings.automation.notDead, status: .conflict)
        }
        return try overview(nil, admin, notice: admin.strings.automation.replayed(1))
    }

    static func replayAll(_ admin: AdminContext) throws -> Response {
        let kind = admin.request.form["kind"] ?? ""
        guard Job.Kind(rawValue: kind) != nil else { throw HTTPError(.badRequest) }
        let count = try JobStore.replayDead(try admin.connection(), kind: kind, actor: admin.actor)
        return try overview(nil, admin, notice: admin.strings.automation.replayed(count))
    }

    /// "Send again" on an email log: back to the page it was pressed on (or the email's subject).
    static func resendEmail(_ id: Int64, _ admin: AdminContext) throws -> Response {
        switch try JobStore.resendEmail(try admin.connection(), eventID: id, actor: admin.actor) {
        case .notAnEmail: throw HTTPError(.notFound)
        case .notResendable:
            throw HTTPError(.conflict, reason: admin.strings.automation.emailNotResendable)
        case .tooOld: throw HTTPError(.gone, reason: admin.strings.automation.emailTooOld)
        case .queued(let type, let entity):
            if let back = LocalPath(validating: admin.request.form["back"] ?? ""), back.value.hasPrefix("/admin/") {
                return admin.redirect(to: back, flash: .emailQueued)
            }
            let route: Route =
                type == "booking"
                ? .admin(.bookings(.show(BookingID(rawValue: entity))))
                : .admin(.quotations(.show(QuotationID(rawValue: entity))))
            return admin.redirect(to: route, flash: .emailQueued)
        }
    }
}

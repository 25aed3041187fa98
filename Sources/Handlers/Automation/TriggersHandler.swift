import Database
import Domain
import Foundation
import HTTP
import Routing
import Templates
import UseCases
import Webhooks

/// `/admin/automation/triggers…`: the trigger list with statistics and the run log, a trigger's
/// definition (each save a new version, refused when someone saved in between), duplicate, and
/// the tester, which runs the form's definition against a real record and changes nothing.
enum TriggersHandler {
    static func list(_ status: String?, _ admin: AdminContext) throws -> Response {
        let db = try admin.connection()
        let known = status.flatMap { TriggersPage.statuses.contains($0) ? $0 : nil }
        return admin.html(
            TriggersPage.render(
                triggers: try TriggerStore.list(db), runs: try TriggerStore.runs(db, triggerID: nil, status: known),
                status: known, admin: try admin.page()))
    }

    static func new(_ admin: AdminContext) throws -> Response {
        let form = FormState(values: [
            "event_type": "quotation.signed", "active": "on", "version": "0",
            "definition": """
            {
              "conditions": {"all": []},
              "actions": [
                {"type": "email", "to": "team", "subject": "{{object.number}} är signerad", "body": "{{object.customer.name}} har signerat."}
              ]
            }
            """,
        ])
        return try page(nil, form, admin: admin)
    }

    static func show(_ id: Int64, _ admin: AdminContext) throws -> Response {
        guard let trigger = try TriggerStore.find(try admin.connection(), id: id) else { throw HTTPError(.notFound) }
        return try page(trigger, form(trigger), admin: admin)
    }

    static func form(_ trigger: TriggerRecord) -> FormState {
        FormState(values: [
            "name": trigger.name, "event_type": trigger.eventType, "active": trigger.active ? "on" : "",
            "definition": trigger.definitionJSON, "version": String(trigger.version),
        ])
    }

    static func page(
        _ trigger: TriggerRecord?, _ form: FormState, test: TesterResult? = nil, testError: String? = nil,
        status: HTTPStatus = .ok, admin: AdminContext
    ) throws -> Response {
        let runs =
            try trigger.map { try TriggerStore.runs(try admin.connection(), triggerID: $0.id, status: nil, limit: 50) }
            ?? []
        return admin.html(
            TriggerPage.render(
                trigger: trigger, form: form, eventTypes: EventTypes.all, runs: runs, test: test, testError: testError,
                admin: try admin.page()),
            status: status)
    }

    /// Create (`id` nil) or save a new version.
    static func save(_ id: Int64?, _ admin: AdminContext) throws -> Response {
        let s = admin.strings.automation
        let db = try admin.connection()
        let existing = try id.map { id in
            guard let found = try TriggerStore.find(db, id: id) else { throw HTTPError(.notFound) }
            return found
        }
        var form = FormState(values: admin.formValues(TriggerPage.fieldNames))
        let name = form["name"].trimmingCharacters(in: .whitespaces)
        if name.isEmpty || name.count > 200 { form.errors["name"] = s.nameRequired }
        if !EventTypes.all.contains(form["event_type"]) { form.errors["event_type"] = s.unknownEvent }
        var definition: TriggerDefinition?
        do {
            definition = try TriggerDefinition.parse(form["definition"])
        } catch {
            form.errors["definition"] = s.definitionInvalid(error.description)
        }
        guard form.errors.isEmpty, let definition else {
            return try page(existing, form, status: .badRequest, admin: admin)
        }
        let active = form["active"] == "on"
        guard let existing else {
            let created = try TriggerStore.create(
                db, name: name, eventType: form["event_type"], active: active, definitionJSON: definition.json,
                secret: WebhookSignature.newSecret(), actor: admin.actor)
            return admin.redirect(to: .admin(.automation(.trigger(created))), flash: .created)
        }
        guard
            try TriggerStore.update(
                db, id: existing.id, expectedVersion: Int(form["version"]) ?? -1, name: name,
                eventType: form["event_type"], active: active, definitionJSON: definition.json, actor: admin.actor)
                != nil
        else {
            form.formError = s.versionConflict
            return try page(existing, form, status: .conflict, admin: admin)
        }
        return admin.redirect(to: .admin(.automation(.trigger(existing.id))), flash: .saved)
    }

    static func duplicate(_ id: Int64, _ admin: AdminContext) throws -> Response {
        guard
            let copy = try TriggerStore.duplicate(
                try admin.connection(), id: id, secret: WebhookSignature.newSecret(), actor: admin.actor)
        else { throw HTTPError(.notFound) }
        return admin.redirect(to: .admin(.automation(.trigger(copy))), flash: .created)
    }

    /// The tester: the posted definition against the posted record; the form keeps what was typed.
    static func test(_ id: Int64, _ admin: AdminContext) throws -> Response {
        let s = admin.strings.automation
        let db = try admin.connection()
        guard let trigger = try TriggerStore.find(db, id: id) else { throw HTTPError(.notFound) }
        var form = form(trigger)
        let posted = admin.formValues(["definition", "event_type", "entity_id"])
        for (key, value) in posted where !value.isEmpty { form.values[key] = value }
        guard let entityID = Int64(form["entity_id"]), entityID > 0 else {
            return try page(trigger, form, testError: s.entityIDInvalid, status: .badRequest, admin: admin)
        }
        guard EventTypes.all.contains(form["event_type"]) else {
            return try page(trigger, form, testError: s.unknownEvent, status: .badRequest, admin: admin)
        }
        let definition: TriggerDefinition
        do {
            definition = try TriggerDefinition.parse(form["definition"])
        } catch {
            return try page(
                trigger, form, testError: s.definitionInvalid(error.description), status: .badRequest, admin: admin)
        }
        let result = try TestTrigger.run(db, definition: definition, eventType: form["event_type"], entityID: entityID)
        return try page(trigger, form, test: result, status: result.entityFound ? .ok : .notFound, admin: admin)
    }
}

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
    static func list(_ query: TriggerRunQuery, _ admin: AdminContext) throws -> Response {
        let db = try admin.connection()
        let runs = try TriggerStore.runs(
            db, triggerID: query.trigger, status: query.status, from: query.from, to: query.to,
            entity: query.entityFilter)
        return admin.html(
            TriggersPage.render(triggers: try TriggerStore.list(db), runs: runs, query: query, admin: try admin.page()))
    }

    static func new(_ admin: AdminContext) throws -> Response {
        let form = FormState(values: [
            "event_type": "quotation.signed", "active": "yes", "version": "0",
            "definition": """
            {
              "actions": [
                {"type": "email", "to": "team", "subject": "{{object.number}} är signerad", "body": "{{object.customer.name}} har signerat."}
              ]
            }
            """,
        ])
        return try page(nil, form, builder: TriggerPage.Builder(ConditionGroup()), admin: admin)
    }

    static func show(_ id: Int64, _ admin: AdminContext) throws -> Response {
        guard let trigger = try TriggerStore.find(try admin.connection(), id: id) else { throw HTTPError(.notFound) }
        return try page(trigger, form(trigger), builder: builder(of: trigger), admin: admin)
    }

    /// The stored trigger as the form shows it: the conditions in the builder, the rest as JSON.
    static func form(_ trigger: TriggerRecord) -> FormState {
        FormState(values: [
            "name": trigger.name, "event_type": trigger.eventType, "active": trigger.active ? "yes" : "",
            "definition": (try? TriggerDefinition.parse(trigger.definitionJSON))?.jsonWithoutConditions
                ?? trigger.definitionJSON,
            "version": String(trigger.version),
        ])
    }

    static func builder(of trigger: TriggerRecord) -> TriggerPage.Builder {
        TriggerPage.Builder((try? TriggerDefinition.parse(trigger.definitionJSON))?.conditions ?? ConditionGroup())
    }

    /// The builder's rows as posted (`c_match`, `c_count`, `c_kind_N`, `c_gmatch_N`, `c_field_N`,
    /// `c_op_N`, `c_value_N`), or nil for a form without the builder (a program posting JSON).
    static func postedBuilder(_ form: FormData) -> TriggerPage.Builder? {
        guard let match = form["c_match"].flatMap(ConditionGroup.Match.init(rawValue:)) else { return nil }
        let count = min(max(Int(form["c_count"] ?? "") ?? 0, 0), ConditionBuilder.maximumRows)
        let rows = (0..<count).compactMap { index -> ConditionRow? in
            guard let kind = form["c_kind_\(index)"].flatMap(ConditionRow.Kind.init(rawValue:)) else { return nil }
            return ConditionRow(
                kind: kind, match: form["c_gmatch_\(index)"].flatMap(ConditionGroup.Match.init(rawValue:)) ?? .all,
                field: form["c_field_\(index)"] ?? "",
                op: form["c_op_\(index)"].flatMap(Condition.Operator.init(rawValue:)) ?? .equals,
                value: form["c_value_\(index)"] ?? "")
        }
        return TriggerPage.Builder(match: match, rows: rows)
    }

    static func page(
        _ trigger: TriggerRecord?, _ form: FormState, builder: TriggerPage.Builder, test: TesterResult? = nil,
        testError: String? = nil, status: HTTPStatus = .ok, admin: AdminContext
    ) throws -> Response {
        let runs =
            try trigger.map { try TriggerStore.runs(try admin.connection(), triggerID: $0.id, status: nil, limit: 50) }
            ?? []
        // The tester runs what the form shows: the builder's conditions with the JSON's actions.
        var full = form["definition"]
        if var definition = try? TriggerDefinition.parse(full),
            let conditions = try? ConditionBuilder.group(match: builder.match, rows: builder.rows)
        {
            definition.conditions = conditions
            full = definition.json
        }
        return admin.html(
            TriggerPage.render(
                trigger: trigger, form: form, builder: builder, fullDefinition: full, eventTypes: EventTypes.all,
                runs: runs, test: test, testError: testError,
                customFields: customFieldPaths(try CustomFieldStore.all(try admin.connection())),
                admin: try admin.page()),
            status: status)
    }

    /// Where the active custom fields' values are in the events, for the field picker: a
    /// customer's under `object.custom` in its own events and `object.customer.custom` in the
    /// quotation's and booking's; a quotation's and booking's under `object.custom` (a booking's
    /// events carry its quotation's values too). Products have no events.
    static func customFieldPaths(_ definitions: [CustomFieldDefinition]) -> [String] {
        var paths: [String] = []
        for definition in definitions where !definition.archived {
            switch definition.entity {
            case .customer: paths += [definition.eventPath, "object.customer.custom.\(definition.key)"]
            case .quotation, .booking: paths.append(definition.eventPath)
            case .product: continue
            }
        }
        var seen: Set<String> = []
        return paths.filter { seen.insert($0).inserted }
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
        let posted = postedBuilder(admin.request.form)
        // A builder button: the rows with the change, the form as typed, nothing saved.
        if let posted, let text = admin.request.form["builder"] {
            guard let edit = ConditionBuilder.Edit(text) else { throw HTTPError(.badRequest) }
            let edited = TriggerPage.Builder(
                match: posted.match, rows: ConditionBuilder.apply(edit, to: posted.rows))
            return try page(existing, form, builder: edited, admin: admin)
        }
        let name = form["name"].trimmingCharacters(in: .whitespaces)
        if name.isEmpty || name.count > 200 { form.errors["name"] = s.nameRequired }
        if !EventTypes.all.contains(form["event_type"]) { form.errors["event_type"] = s.unknownEvent }
        var definition: TriggerDefinition?
        do {
            definition = try TriggerDefinition.parse(form["definition"])
        } catch {
            form.errors["definition"] = s.definitionInvalid(error.description)
        }
        if let posted {
            do {
                definition?.conditions = try ConditionBuilder.group(match: posted.match, rows: posted.rows)
            } catch {
                form.errors["conditions"] = s.definitionInvalid(error.description)
            }
        }
        let builder = posted ?? TriggerPage.Builder(definition?.conditions ?? ConditionGroup())
        guard form.errors.isEmpty, let definition else {
            return try page(existing, form, builder: builder, status: .badRequest, admin: admin)
        }
        let active = form["active"] == "yes"
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
            return try page(existing, form, builder: builder, status: .conflict, admin: admin)
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
        // The tester gets the whole definition; the page shows it again split as the form edits it.
        var builder = builder(of: trigger)
        let definition: TriggerDefinition
        do {
            definition = try TriggerDefinition.parse(form["definition"])
            builder = TriggerPage.Builder(definition.conditions)
            form.values["definition"] = definition.jsonWithoutConditions
        } catch {
            return try page(
                trigger, form, builder: builder, testError: s.definitionInvalid(error.description),
                status: .badRequest, admin: admin)
        }
        guard let entityID = Int64(form["entity_id"]), entityID > 0 else {
            return try page(
                trigger, form, builder: builder, testError: s.entityIDInvalid, status: .badRequest, admin: admin)
        }
        guard EventTypes.all.contains(form["event_type"]) else {
            return try page(
                trigger, form, builder: builder, testError: s.unknownEvent, status: .badRequest, admin: admin)
        }
        let result = try TestTrigger.run(db, definition: definition, eventType: form["event_type"], entityID: entityID)
        return try page(
            trigger, form, builder: builder, test: result, status: result.entityFound ? .ok : .notFound, admin: admin)
    }
}

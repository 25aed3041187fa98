import Database
import Domain
import Foundation
import HTTP
import Routing
import Templates
import UseCases

/// `/admin/flows…`: the list, a flow's page, the editor (admins), the simulator, and starting and
/// stopping runs (managers). Saving checks the definition with `FlowRules`; a refusal answers 4xx
/// with the editor as posted and the reason, and nothing is stored.
enum FlowsHandler {
    static func handle(_ route: FlowsRoute, _ admin: AdminContext) throws -> Response {
        switch route {
        case .list:
            return admin.html(
                FlowPages.renderList(try FlowStore.flows(try admin.connection()), admin: try admin.page()))
        case .new:
            return admin.html(
                FlowPages.renderNew(
                    form: FormState(), rows: [FlowEditorRow(kind: .level)], choices: try choices(admin),
                    admin: try admin.page()))
        case .create: return try save(nil, admin)
        case .show(let id):
            let flow = try flow(id, admin)
            return try page(flow, form: form(of: flow), rows: FlowEditor.rows(flow.definition), admin: admin)
        case .update(let id): return try save(id, admin)
        case .archive(let id):
            let db = try admin.connection()
            _ = try flow(id, admin)
            let archived = admin.request.form["archived"] == "yes"
            try db.transaction { tx in try FlowStore.setArchived(tx, id, archived, actor: admin.actor) }
            return admin.redirect(to: .admin(.flows(.show(id))), flash: archived ? .archived : .saved)
        case .simulate(let id): return try simulate(id, admin)
        case .start: return try start(admin)
        case .cancelRun(let id):
            let db = try admin.connection()
            guard let run = try FlowStore.run(db, id) else { throw HTTPError(.notFound) }
            _ = try CancelFlowRun.run(db, id, actor: admin.actor)
            return admin.redirect(to: .admin(.bookings(.show(run.bookingID))), flash: .saved)
        }
    }

    static func flow(_ id: FlowID, _ admin: AdminContext) throws -> FlowRecord {
        guard let flow = try FlowStore.flow(try admin.connection(), id) else { throw HTTPError(.notFound) }
        return flow
    }

    static func form(of flow: FlowRecord) -> FormState {
        FormState(values: ["name": flow.name, "description": flow.description, "version": String(flow.version)])
    }

    static func choices(_ admin: AdminContext) throws -> FlowPages.Choices {
        let db = try admin.connection()
        return FlowPages.Choices(
            forms: try FormStore.publishedForms(db).map { ($0.id.rawValue, $0.name) },
            structure: try StructureStore.structure(db))
    }

    static func page(
        _ flow: FlowRecord, form: FormState, rows: [FlowEditorRow], status: HTTPStatus = .ok, admin: AdminContext
    ) throws -> Response {
        let recent = FlowPages.Recent(runs: try FlowStore.recentRuns(try admin.connection(), flow: flow.id))
        return admin.html(
            FlowPages.render(
                flow, choices: try choices(admin), recent: recent, form: form, rows: rows, admin: try admin.page()),
            status: status)
    }

    /// The editor's rows as posted (`r_count`, `r_kind_N`, `r_name_N`, …).
    static func postedRows(_ form: FormData) -> [FlowEditorRow] {
        let count = min(max(Int(form["r_count"] ?? "") ?? 0, 0), FlowEditor.maximumRows)
        return (0..<count).compactMap { index -> FlowEditorRow? in
            guard let kind = form["r_kind_\(index)"].flatMap(FlowEditorRow.Kind.init(rawValue:)) else { return nil }
            func value(_ name: String) -> String {
                (form["\(name)_\(index)"] ?? "").trimmingCharacters(in: .whitespaces)
            }
            return FlowEditorRow(
                kind: kind, name: value("r_name"), key: value("r_key"), then: value("r_then"), form: value("r_form"),
                assignee: value("r_assignee"), dueDays: value("r_due"), field: value("r_field"),
                op: Condition.Operator(rawValue: value("r_op")) ?? .equals, value: value("r_value"),
                goTo: value("r_goto"))
        }
    }

    /// Create (`id` nil) or save a new version; an editor button shows the editor again, nothing saved.
    static func save(_ id: FlowID?, _ admin: AdminContext) throws -> Response {
        let s = admin.strings.flows
        let existing = try id.map { try flow($0, admin) }
        var form = FormState(values: admin.formValues(FlowPages.fieldNames))
        var rows = FlowEditor.assignKeys(postedRows(admin.request.form))
        func again(_ status: HTTPStatus) throws -> Response {
            guard let existing else {
                return admin.html(
                    FlowPages.renderNew(form: form, rows: rows, choices: try choices(admin), admin: try admin.page()),
                    status: status)
            }
            return try page(existing, form: form, rows: rows, status: status, admin: admin)
        }
        if let text = admin.request.form["builder"] {
            guard let edit = FlowEditor.Edit(text) else { throw HTTPError(.badRequest) }
            rows = FlowEditor.assignKeys(FlowEditor.apply(edit, to: rows))
            return try again(.ok)
        }
        let definition: FlowDefinition
        do {
            definition = try FlowEditor.definition(rows)
        } catch {
            form.errors["rows"] = s.rowProblem(error)
            return try again(.badRequest)
        }
        let outcome = try SaveFlow.run(
            try admin.connection(), id: id, expectedVersion: Int(form["version"]) ?? 0, name: form["name"],
            description: form["description"], definition: definition, actor: admin.actor)
        switch outcome {
        case .saved(let saved):
            return admin.redirect(to: .admin(.flows(.show(saved))), flash: id == nil ? .created : .saved)
        case .refused(let refusal):
            let field =
                refusal.level == nil && [.nameMissing, .nameTooLong(maximum: FlowRules.nameLimit)].contains(refusal)
                ? "name" : "rows"
            form.errors[field] = s.refusal(refusal)
            return try again(field == "name" ? .badRequest : .unprocessableContent)
        case .nameTaken:
            form.errors["name"] = s.nameTaken
            return try again(.conflict)
        case .conflict:
            guard let existing else { throw HTTPError(.notFound) }
            let fresh = try flow(existing.id, admin)
            var reloaded = Self.form(of: fresh)
            reloaded.formError = s.conflict
            return try page(
                fresh, form: reloaded, rows: FlowEditor.rows(fresh.definition), status: .conflict, admin: admin)
        case .notFound: throw HTTPError(.notFound)
        }
    }

    /// The walk with the values typed for the branches' fields (`v_N` for the N-th field).
    static func simulate(_ id: FlowID, _ admin: AdminContext) throws -> Response {
        let flow = try flow(id, admin)
        var values: [String: String] = [:]
        for (index, field) in flow.definition.conditionFields.enumerated() {
            values[field] = String((admin.request.query["v_\(index)"] ?? "").prefix(500))
        }
        let walk = FlowRules.simulate(flow.definition, context: FlowRules.context(typed: values))
        return admin.html(
            FlowPages.renderSimulation(
                flow, values: values, walk: walk, choices: try choices(admin), admin: try admin.page()))
    }

    static func start(_ admin: AdminContext) throws -> Response {
        let s = admin.strings.flows
        guard let flowID = Int64(admin.request.form["flow"] ?? ""), flowID > 0,
            let bookingID = Int64(admin.request.form["booking"] ?? ""), bookingID > 0
        else { throw HTTPError(.badRequest) }
        let booking = BookingID(rawValue: bookingID)
        let outcome = try StartFlow.run(
            try admin.connection(), flow: FlowID(rawValue: flowID), booking: booking, startedBy: admin.user.id,
            actor: admin.actor)
        switch outcome {
        case .started: return admin.redirect(to: .admin(.bookings(.show(booking))), flash: .created)
        case .notFound: throw HTTPError(.notFound)
        case .alreadyRunning:
            return try BookingsHandler.show(booking, admin, notice: s.alreadyRunning, status: .conflict)
        case .bookingClosed:
            return try BookingsHandler.show(booking, admin, notice: s.bookingClosed, status: .conflict)
        case .archived:
            return try BookingsHandler.show(booking, admin, notice: s.archivedFlow, status: .conflict)
        }
    }
}

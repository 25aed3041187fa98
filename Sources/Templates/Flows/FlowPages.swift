public import Domain
public import Foundation
import Routing

/// `/admin/flows…`: the list, a flow's route map with its runs and (for admins) the editor, and the
/// simulator.
public enum FlowPages {
    /// What the editor's selects offer: the published forms, and the company structure for
    /// assignees.
    public struct Choices: Sendable {
        public let forms: [(id: Int64, name: String)]
        public let structure: CompanyStructure

        public init(forms: [(id: Int64, name: String)], structure: CompanyStructure) {
            self.forms = forms
            self.structure = structure
        }

        func formName(_ id: Int64) -> String { forms.first { $0.id == id }?.name ?? "#\(id)" }
    }

    // MARK: List

    public static func renderList(_ flows: [FlowListItem], admin: AdminPage) -> [UInt8] {
        let s = admin.strings.flows
        return AdminLayout.page(title: s.title, admin) {
            div(.class("page-head")) {
                h1 { s.title }
                if admin.may(.admin(.flows(.new))) {
                    div(.class("actions")) { a(.class("button"), .href(SafeURL(.admin(.flows(.new))))) { s.newFlow } }
                }
            }
            p(.class("lead")) { s.lead }
            if flows.isEmpty {
                p { s.empty }
            } else {
                table(.class("data")) {
                    thead {
                        tr {
                            th { s.name }
                            th(.class("num")) { s.version }
                            th(.class("num")) { s.levels }
                            th(.class("num")) { s.running }
                        }
                    }
                    tbody {
                        for flow in flows {
                            tr(.attr("data-flow", flow.name)) {
                                td {
                                    a(.href(SafeURL(.admin(.flows(.show(flow.id)))))) { flow.name }
                                    if flow.archived { small(.class("hint")) { " (\(s.archived.lowercased()))" } }
                                }
                                td(.class("num")) { String(flow.version) }
                                td(.class("num")) { String(flow.levels) }
                                td(.class("num")) { String(flow.running) }
                            }
                        }
                    }
                }
            }
        }.rendered()
    }

    // MARK: One flow

    public struct Recent: Sendable {
        public let runs:
            [(id: FlowRunID, booking: String, bookingID: BookingID, state: FlowRunState, level: String?, started: Date)]
        public init(
            runs: [(
                id: FlowRunID, booking: String, bookingID: BookingID, state: FlowRunState, level: String?, started: Date
            )]
        ) {
            self.runs = runs
        }
    }

    /// The flow page: the route map, the simulator form, the runs and, for admins, the editor with
    /// `form` (name, description, version) and `rows`.
    public static func render(
        _ flow: FlowRecord, choices: Choices, recent: Recent, form: FormState, rows: [FlowEditorRow],
        admin: AdminPage
    ) -> [UInt8] {
        let s = admin.strings.flows
        return AdminLayout.page(title: flow.name, admin) {
            div(.class("page-head")) {
                h1 {
                    flow.name
                    " "
                    small(.class("hint")) { "v\(flow.version)" }
                    if flow.archived {
                        " "
                        span(.class("badge")) { s.archived }
                    }
                }
                div(.class("actions")) {
                    if admin.may(.admin(.flows(.archive(flow.id)))) {
                        Fields.postButton(
                            .admin(.flows(.archive(flow.id))), flow.archived ? s.restore : s.archive,
                            csrf: admin.csrfToken, fields: [("archived", flow.archived ? "no" : "yes")])
                    }
                    a(.href(SafeURL(.admin(.flows(.list))))) { s.backToFlows }
                }
            }
            if !flow.description.isEmpty { p(.class("lead")) { flow.description } }
            routeMap(flow.definition, choices: choices, walked: nil, s: admin.strings)
            simulatorForm(flow, values: [:], s: s)
            runsCard(recent, s: s)
            if admin.may(.admin(.flows(.update(flow.id)))) {
                editorForm(.admin(.flows(.update(flow.id))), form: form, rows: rows, choices: choices, admin: admin)
            }
        }.rendered()
    }

    /// `/admin/flows/new`, or the editor again after a button or a refusal.
    public static func renderNew(form: FormState, rows: [FlowEditorRow], choices: Choices, admin: AdminPage) -> [UInt8]
    {
        let s = admin.strings.flows
        return AdminLayout.page(title: s.newFlow, admin) {
            div(.class("page-head")) {
                h1 { s.newFlow }
                div(.class("actions")) { a(.href(SafeURL(.admin(.flows(.list))))) { s.backToFlows } }
            }
            p(.class("lead")) { s.lead }
            editorForm(.admin(.flows(.create)), form: form, rows: rows, choices: choices, admin: admin)
        }.rendered()
    }

    /// The levels top to bottom: each level's tasks and its ways on. With `walked`, the levels of
    /// the walk are marked and the others dimmed.
    static func routeMap(
        _ definition: FlowDefinition, choices: Choices, walked: [FlowRules.SimulatedLevel]?, s strings: Strings
    ) -> Node {
        let s = strings.flows
        let onWalk = Set(walked?.map(\.level.key) ?? [])
        return section(.class("card flow-map"), .id("route-map")) {
            h2 { s.routeMap }
            ol(.class("flow-levels")) {
                for level in definition.levels {
                    let state = walked == nil ? "" : (onWalk.contains(level.key) ? " walked" : " skipped")
                    li(.class("flow-level\(state)"), .attr("data-level", level.key)) {
                        strong { level.name }
                        if level.tasks.isEmpty {
                            p(.class("hint")) { s.noTasksLevel }
                        } else {
                            ul {
                                for task in level.tasks {
                                    li {
                                        task.title
                                        small(.class("hint")) {
                                            " · \(choices.formName(task.form)) · "
                                                + s.assigneeLabel(
                                                    task.assignee, structure: choices.structure,
                                                    roles: strings.roleName)
                                                + (task.dueDays.map { " · " + s.due($0) } ?? "")
                                        }
                                    }
                                }
                            }
                        }
                        ul(.class("flow-ways")) {
                            for branch in level.branches {
                                li { branchText(branch, definition, s: strings) }
                            }
                            li {
                                (level.branches.isEmpty ? "" : s.otherwise + " ") + "→ "
                                    + targetName(level.then, after: level, definition, s: s)
                            }
                        }
                    }
                }
            }
        }
    }

    static func branchText(_ branch: FlowBranch, _ definition: FlowDefinition, s strings: Strings) -> String {
        let s = strings.flows
        let parts = branch.when.conditions.map { condition -> String in
            guard case .compare(let field, let op, let value) = condition else { return "…" }
            return s.when(field, strings.automation.operatorLabel(op), value?.text ?? "")
        }
        return parts.joined(separator: ", ") + " → " + targetName(branch.goTo, after: nil, definition, s: s)
    }

    static func targetName(
        _ key: String?, after level: FlowLevel?, _ definition: FlowDefinition, s: FlowStrings
    )
        -> String
    {
        guard let key else {
            guard let level, let index = definition.index(of: level.key), index + 1 < definition.levels.count else {
                return s.end
            }
            return definition.levels[index + 1].name
        }
        if key == FlowTarget.endKey { return s.end }
        return definition.level(key)?.name ?? key
    }

    // MARK: Simulator

    static func simulatorForm(_ flow: FlowRecord, values: [String: String], s: FlowStrings) -> Node {
        let fields = flow.definition.conditionFields
        return section(.class("card"), .id("simulator")) {
            h2 { s.simulator }
            p(.class("hint")) { s.simulatorHint }
            if fields.isEmpty {
                p { s.noConditionFields }
            }
            form(.class("admin-form"), .attr("method", "get"), .action(SafeURL(.admin(.flows(.simulate(flow.id)))))) {
                for (index, field) in fields.enumerated() {
                    div(.class("field")) {
                        label(.attr("for", "v-\(index)")) { field }
                        void(
                            "input",
                            [
                                .attr("type", "text"), .id("v-\(index)"), .attr("name", "v_\(index)"),
                                .attr("value", values[field] ?? ""),
                            ])
                    }
                }
                button(.class("button secondary"), .attr("type", "submit")) { s.simulate }
            }
        }
    }

    /// The simulator's answer: the walk, level by level, with the tasks each would make and why it
    /// left the way it did.
    public static func renderSimulation(
        _ flow: FlowRecord, values: [String: String], walk: [FlowRules.SimulatedLevel], choices: Choices,
        admin: AdminPage
    ) -> [UInt8] {
        let strings = admin.strings
        let s = strings.flows
        return AdminLayout.page(title: "\(s.simulator) · \(flow.name)", admin) {
            div(.class("page-head")) {
                h1 { "\(s.simulator): \(flow.name)" }
                div(.class("actions")) { a(.href(SafeURL(.admin(.flows(.show(flow.id)))))) { flow.name } }
            }
            simulatorForm(flow, values: values, s: s)
            section(.class("card"), .id("walk")) {
                h2 { s.walk }
                ol(.class("flow-walk")) {
                    for step in walk {
                        li(.attr("data-level", step.level.key)) {
                            strong { step.level.name }
                            if !step.level.tasks.isEmpty {
                                p {
                                    s.wouldCreate + ": "
                                        + step.level.tasks.map {
                                            "\($0.title) (\(s.assigneeLabel($0.assignee, structure: choices.structure, roles: strings.roleName)))"
                                        }.joined(separator: ", ")
                                }
                            }
                            p(.class("hint")) {
                                (step.step.branch == nil ? s.noBranchHeld : s.branchHeld) + " → "
                                    + {
                                        switch step.step.target {
                                        case .end: s.end
                                        case .level(let key): flow.definition.level(key)?.name ?? key
                                        }
                                    }()
                            }
                            if !step.step.trace.isEmpty {
                                ul(.class("trace")) {
                                    for comparison in step.step.trace {
                                        li(.class(comparison.holds ? "holds" : "fails")) {
                                            "\(comparison.field) \(strings.automation.operatorLabel(Condition.Operator(rawValue: comparison.op) ?? .equals)) \(comparison.expected): \(comparison.actual.isEmpty ? "—" : comparison.actual) "
                                            comparison.holds ? "✓" : "✗"
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            routeMap(flow.definition, choices: choices, walked: walk, s: strings)
        }.rendered()
    }

    // MARK: Runs

    static func runsCard(_ recent: Recent, s: FlowStrings) -> Node {
        section(.class("card"), .id("runs")) {
            h2 { s.runs }
            if recent.runs.isEmpty {
                p { s.noRuns }
            } else {
                table(.class("data")) {
                    thead {
                        tr {
                            th { s.booking }
                            th { s.state }
                            th { s.level }
                            th { s.started }
                        }
                    }
                    tbody {
                        for run in recent.runs {
                            tr {
                                td { a(.href(SafeURL(.admin(.bookings(.show(run.bookingID)))))) { run.booking } }
                                td { s.runState(run.state) }
                                td { run.level ?? "—" }
                                td { DisplayFormat.dateTime(run.started) }
                            }
                        }
                    }
                }
            }
        }
    }

    // MARK: Editor

    /// The field names the editor posts besides its rows.
    public static let fieldNames = ["name", "description", "version"]

    static func editorForm(
        _ route: Route, form: FormState, rows: [FlowEditorRow], choices: Choices, admin: AdminPage
    ) -> Node {
        let strings = admin.strings
        let s = strings.flows
        let levelKeys = rows.filter { $0.kind == .level && !$0.key.isEmpty }.map { ($0.key, $0.name) }
        return section(.class("card"), .id("editor")) {
            h2 { s.editor }
            Fields.post(route, csrf: admin.csrfToken) {
                Fields.summary(form, strings)
                Fields.hidden("version", form["version"])
                Fields.text("name", s.name, form, required: true)
                Fields.textarea("description", s.description, form, rows: 2)
                p(.class("hint")) { s.editorHint }
                if choices.forms.isEmpty { p(.class("field-error")) { s.noForms } }
                if let error = form.errors["rows"] { p(.class("field-error"), .attr("role", "alert")) { error } }
                Fields.hidden("r_count", String(rows.count))
                for (index, row) in rows.enumerated() {
                    div(.class("builder-row flow-\(row.kind.rawValue)"), .attr("data-row", String(index))) {
                        Fields.hidden("r_kind_\(index)", row.kind.rawValue)
                        switch row.kind {
                        case .level: levelRow(row, index: index, levelKeys: levelKeys, s: s)
                        case .task: taskRow(row, index: index, choices: choices, strings: strings)
                        case .branch: branchRow(row, index: index, levelKeys: levelKeys, strings: strings)
                        }
                    }
                }
                div(.class("builder-add")) { editorButton("level", s.addLevel) }
                element("datalist", [.id("flow-fields")]) {
                    for field in ["booking.total", "booking.state", "booking.delivery_address.city"] {
                        option(value: field, selected: false) { field }
                    }
                }
                button(.class("button"), .attr("name", "save"), .attr("value", "1"), .attr("type", "submit")) {
                    form["version"].isEmpty ? s.create : s.save
                }
            }
        }
    }

    static func levelRow(_ row: FlowEditorRow, index: Int, levelKeys: [(String, String)], s: FlowStrings) -> Node {
        .fragment([
            Fields.hidden("r_key_\(index)", row.key),
            input("r_name_\(index)", s.levelName, row.name, required: true),
            labeledSelect(
                "r_then_\(index)", s.then,
                options: [("", s.nextInOrder)] + levelKeys.filter { $0.0 != row.key }.map { ($0.0, $0.1) }
                    + [(FlowTarget.endKey, s.end)], selected: row.then),
            editorButton("task:\(index)", s.addTask),
            editorButton("branch:\(index)", s.addBranch),
            editorButton("remove:\(index)", s.removeLevel),
        ])
    }

    static func taskRow(_ row: FlowEditorRow, index: Int, choices: Choices, strings: Strings) -> Node {
        let s = strings.flows
        let structure = choices.structure
        var assignees: [(String, String)] = StaffRole.allCases.map { role in
            (FlowAssignee.role(role).code, s.assigneeLabel(.role(role), structure: structure, roles: strings.roleName))
        }
        assignees += structure.departments.map { d in
            (
                FlowAssignee.department(d.id).code,
                s.assigneeLabel(.department(d.id), structure: structure, roles: strings.roleName)
            )
        }
        assignees += structure.positions.map { p in
            (
                FlowAssignee.position(p.id).code,
                s.assigneeLabel(.position(p.id), structure: structure, roles: strings.roleName)
            )
        }
        assignees += structure.people.filter(\.active).map { person in
            (FlowAssignee.user(person.member.id).code, person.member.name)
        }
        assignees += [
            (
                FlowAssignee.startersManager.code,
                s.assigneeLabel(.startersManager, structure: structure, roles: strings.roleName)
            ),
            (FlowAssignee.customer.code, s.assigneeLabel(.customer, structure: structure, roles: strings.roleName)),
        ]
        return .fragment([
            input("r_name_\(index)", s.taskTitle, row.name, required: true),
            labeledSelect(
                "r_form_\(index)", s.form,
                options: [("", s.chooseForm)] + choices.forms.map { (String($0.id), $0.name) }, selected: row.form),
            labeledSelect("r_assignee_\(index)", s.assignee, options: assignees, selected: row.assignee),
            input("r_due_\(index)", s.dueDays, row.dueDays, type: "number"),
            editorButton("remove:\(index)", s.remove),
        ])
    }

    static func branchRow(_ row: FlowEditorRow, index: Int, levelKeys: [(String, String)], strings: Strings) -> Node {
        let s = strings.flows
        return .fragment([
            input("r_field_\(index)", s.field, row.field, list: "flow-fields", placeholder: "answers.underlag"),
            labeledSelect(
                "r_op_\(index)", s.comparison,
                options: FlowEditor.operators.map { ($0.rawValue, strings.automation.operatorLabel($0)) },
                selected: row.op.rawValue),
            input("r_value_\(index)", s.value, row.value),
            labeledSelect(
                "r_goto_\(index)", s.goTo,
                options: [("", "—")] + levelKeys.map { ($0.0, $0.1) } + [(FlowTarget.endKey, s.end)],
                selected: row.goTo),
            editorButton("remove:\(index)", s.remove),
        ])
    }

    static func input(
        _ name: String, _ labelText: String, _ value: String, type: String = "text", required: Bool = false,
        list: String? = nil, placeholder: String? = nil
    ) -> Node {
        let id = name.replacingOccurrences(of: "_", with: "-")
        var attributes: [Attribute] = [.attr("type", type), .id(id), .attr("name", name), .attr("value", value)]
        if let list { attributes.append(.attr("list", list)) }
        if let placeholder { attributes.append(.attr("placeholder", placeholder)) }
        if type == "number" { attributes += [.attr("min", "0"), .attr("max", String(FlowRules.maximumDueDays))] }
        if required { attributes.append(.flag("required")) }
        return span(.class("builder-field")) {
            label(.attr("for", id)) { labelText }
            void("input", attributes)
        }
    }

    static func labeledSelect(
        _ name: String, _ labelText: String, options: [(String, String)], selected: String
    )
        -> Node
    {
        let id = name.replacingOccurrences(of: "_", with: "-")
        return span(.class("builder-field")) {
            label(.attr("for", id)) { labelText }
            element("select", [.id(id), .attr("name", name)]) {
                for (value, text) in options { option(value: value, selected: value == selected) { text } }
            }
        }
    }

    static func editorButton(_ value: String, _ text: String) -> Node {
        button(
            .class("button secondary small"), .attr("type", "submit"), .attr("name", "builder"),
            .attr("value", value), .flag("formnovalidate")
        ) { text }
    }
}

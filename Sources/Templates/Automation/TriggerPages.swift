public import Domain
public import Foundation
public import Routing

/// `/admin/automation/triggers`: every trigger with its statistics, and the run log.
public enum TriggersPage {
    public static func render(
        triggers: [TriggerSummary], runs: [TriggerRunRecord], query: TriggerRunQuery, admin: AdminPage
    ) -> [UInt8] {
        let s = admin.strings.automation
        return AdminLayout.page(title: s.triggers, admin, live: true) {
            div(.class("page-head")) {
                h1 { s.triggers }
                div(.class("actions")) {
                    a(.class("button"), .href(SafeURL(.admin(.automation(.newTrigger))))) { s.newTrigger }
                }
            }
            p(.class("lead")) { s.triggersLead }
            div(.class("table-scroll")) {
                table(.class("list")) {
                    thead {
                        tr {
                            th(.attr("scope", "col")) { s.name }
                            th(.attr("scope", "col")) { s.eventType }
                            th(.attr("scope", "col")) { s.status }
                            th(.attr("scope", "col")) { s.runs }
                            th(.attr("scope", "col")) { s.succeededLabel }
                            th(.attr("scope", "col")) { s.failedLabel }
                            th(.attr("scope", "col")) { s.lastRun }
                            th(.attr("scope", "col")) { s.meanDuration }
                        }
                    }
                    tbody {
                        for trigger in triggers {
                            tr(trigger.active ? [] : [.class("inactive")]) {
                                td {
                                    a(.href(SafeURL(.admin(.automation(.trigger(trigger.id)))))) { trigger.name }
                                    if trigger.builtin != nil { small { " (\(s.builtinLabel))" } }
                                }
                                td { code { trigger.eventType } }
                                td {
                                    trigger.active
                                        ? StateBadge.badge(s.active, .ok) : StateBadge.badge(s.disabled, .bad)
                                    small { " " + s.versionLabel(trigger.version) }
                                }
                                td { String(trigger.runs) }
                                td { String(trigger.succeeded) }
                                td { String(trigger.failed) }
                                td { trigger.lastRunAt.map(DisplayFormat.dateTime) ?? s.never }
                                td { trigger.meanDurationMilliseconds.map { "\($0) ms" } ?? "–" }
                            }
                        }
                    }
                }
            }
            h2 { s.runsHeading }
            runFilters(query, triggers: triggers, s: s)
            TriggerPage.runTable(runs, s: s, showTrigger: true)
        }.rendered()
    }
}

extension TriggersPage {
    /// The run log's filters as a GET form: status, trigger, the days the run started, the record.
    static func runFilters(_ query: TriggerRunQuery, triggers: [TriggerSummary], s: AutomationStrings) -> Node {
        let values = FormState(values: query.items)
        return element(
            "form",
            [
                .class("filters"), .attr("method", "get"),
                .action(SafeURL(.admin(.automation(.triggers(TriggerRunQuery()))))),
            ]
        ) {
            Fields.select(
                "status", s.status, values,
                options: [("", s.allStatuses)] + TriggerRunQuery.statuses.map { ($0, s.statusName($0)) })
            Fields.select(
                "trigger", s.triggerLabel, values,
                options: [("", s.allTriggers)] + triggers.map { (String($0.id), $0.name) })
            Fields.text("from", s.fromDay, values, type: "date")
            Fields.text("to", s.toDay, values, type: "date")
            Fields.text(
                "entity", s.entityLabel, values, hint: s.entityHint, extra: [.attr("placeholder", "booking:12")])
            button(.class("button secondary"), .attr("type", "submit")) { s.filter }
        }
    }
}

/// One trigger: its definition as a form (saving makes a new version), the tester's result when
/// there is one, and the trigger's runs with their steps.
public enum TriggerPage {
    public static let fieldNames = ["name", "event_type", "active", "definition", "version", "entity_id"]

    /// The condition builder's state: the top group's match and the rows below it.
    public struct Builder: Sendable, Equatable {
        public var match: ConditionGroup.Match
        public var rows: [ConditionRow]

        public init(match: ConditionGroup.Match, rows: [ConditionRow]) {
            self.match = match
            self.rows = rows
        }

        public init(_ group: ConditionGroup) {
            self.init(match: group.match, rows: ConditionBuilder.rows(group))
        }
    }

    /// Suggestions for a condition's field (any dotted path of the event may be typed).
    public static let fieldSuggestions = [
        "object.state", "object.number", "object.title", "object.total_ore", "object.period_start",
        "object.customer.name", "object.customer.email", "object.customer.kind", "object.customer.locale",
        "object.booking.state", "details.audit_action", "details.reason", "details.to", "details.subject",
        "details.hook.name", "details.data", "previous.state", "event.type",
    ]

    /// - Parameter customFields: the paths of the custom fields' values in the events
    ///   (`object.custom.<key>`), offered with the suggestions.
    public static func render(
        trigger: TriggerRecord?, form: FormState, builder: Builder, fullDefinition: String, eventTypes: [String],
        runs: [TriggerRunRecord], test: TesterResult? = nil, testError: String? = nil, customFields: [String] = [],
        admin: AdminPage
    ) -> [UInt8] {
        let s = admin.strings.automation
        let title = trigger?.name ?? s.newTrigger
        return AdminLayout.page(title: title, admin) {
            div(.class("page-head")) {
                h1 { title }
                if let trigger {
                    div(.class("actions")) {
                        Fields.postButton(
                            .admin(.automation(.duplicateTrigger(trigger.id))), s.duplicate, csrf: admin.csrfToken)
                    }
                }
            }
            if let trigger {
                p { small { s.versionLabel(trigger.version) } }
                // The webhook actions' signing secret (Standard Webhooks), for the receiving end.
                p(.class("hint")) {
                    s.triggerSecret + ": "
                    code(.class("secret")) { trigger.secret }
                }
            }
            Fields.summary(form, admin.strings)
            Fields.post(
                trigger.map { .admin(.automation(.updateTrigger($0.id))) } ?? .admin(.automation(.createTrigger)),
                csrf: admin.csrfToken
            ) {
                // Enter in a field saves (the first submit button), never a builder button.
                button(
                    .class("visually-hidden"), .attr("name", "save"), .attr("value", "1"), .attr("type", "submit"),
                    .attr("tabindex", "-1"), .attr("aria-hidden", "true")
                ) { s.save }
                Fields.hidden("version", form["version"])
                Fields.text("name", s.name, form, required: true)
                Fields.select("event_type", s.eventType, form, options: eventTypes.map { ($0, $0) })
                Fields.checkbox("active", s.activeLabel, form)
                conditions(builder, form: form, customFields: customFields, s: s)
                Fields.textarea("definition", s.definition, form, rows: 14, hint: s.definitionHint)
                button(.class("button"), .attr("name", "save"), .attr("value", "1"), .attr("type", "submit")) { s.save }
            }
            if let trigger {
                section(.class("tester"), .id("tester")) {
                    h2 { s.tester }
                    p { s.testerLead }
                    Fields.post(.admin(.automation(.testTrigger(trigger.id))), csrf: admin.csrfToken) {
                        Fields.hidden("definition", fullDefinition)
                        Fields.hidden("event_type", form["event_type"])
                        Fields.text("entity_id", s.entityID, form, type: "number", required: true)
                        button(.class("button secondary"), .attr("type", "submit")) { s.runTest }
                    }
                    if let testError { p(.class("field-error"), .attr("role", "alert")) { testError } }
                    if let test { testResult(test, s: s) }
                }
                h2 { s.runsHeading }
                runTable(runs, s: s, showTrigger: false)
            }
        }.rendered()
    }

    /// The condition builder: one line per comparison, nested groups indented, and buttons that
    /// post the form to add or remove a row (the page comes back with the change, unsaved).
    static func conditions(
        _ builder: Builder, form: FormState, customFields: [String] = [], s: AutomationStrings
    ) -> Node {
        let depths = ConditionBuilder.depths(builder.rows)
        func add(_ group: Int?) -> Node {
            div(.class("builder-add")) {
                builderButton(ConditionBuilder.Edit.addCondition(group: group), s.addCondition)
                builderButton(ConditionBuilder.Edit.addGroup(group: group), s.addGroup)
            }
        }
        return fieldset(.class("condition-builder"), .id("conditions")) {
            legend { s.conditionsHeading }
            p(.class("hint")) { s.conditionsHint }
            if let error = form.errors["conditions"] { p(.class("field-error"), .attr("role", "alert")) { error } }
            Fields.hidden("c_count", String(builder.rows.count))
            matchSelect("c_match", builder.match, top: true, s: s)
            if builder.rows.isEmpty { p(.class("hint")) { s.noConditions } }
            for (index, row) in builder.rows.enumerated() {
                div(.class("builder-row depth-\(depths[index]) \(row.kind.rawValue)")) {
                    Fields.hidden("c_kind_\(index)", row.kind.rawValue)
                    switch row.kind {
                    case .compare:
                        compare(row, index: index, s: s)
                        builderButton(.remove(index), s.removeRow)
                    case .open:
                        matchSelect("c_gmatch_\(index)", row.match, top: false, s: s)
                        builderButton(.remove(index), s.removeGroup)
                    case .close:
                        // A group's own buttons sit at its end; "+ Condition" adds inside it.
                        if let open = openIndex(closing: index, in: builder.rows) { add(open) }
                    }
                }
            }
            add(nil)
            element("datalist", [.id("condition-fields")]) {
                for field in fieldSuggestions + customFields { option(value: field, selected: false) { field } }
            }
        }
    }

    /// The `open` row that the `close` row at `index` ends.
    static func openIndex(closing index: Int, in rows: [ConditionRow]) -> Int? {
        var depth = 0
        for position in stride(from: index, through: 0, by: -1) {
            switch rows[position].kind {
            case .close: depth += 1
            case .open:
                depth -= 1
                if depth == 0 { return position }
            case .compare: break
            }
        }
        return nil
    }

    static func compare(_ row: ConditionRow, index: Int, s: AutomationStrings) -> Node {
        .fragment([
            label(.class("visually-hidden"), .attr("for", "c-field-\(index)")) { s.fieldLabel },
            void(
                "input",
                [
                    .attr("type", "text"), .id("c-field-\(index)"), .attr("name", "c_field_\(index)"),
                    .attr("value", row.field), .attr("list", "condition-fields"), .attr("placeholder", "object.state"),
                ]),
            label(.class("visually-hidden"), .attr("for", "c-op-\(index)")) { s.operatorName },
            element("select", [.id("c-op-\(index)"), .attr("name", "c_op_\(index)")]) {
                for op in Condition.Operator.allCases {
                    option(value: op.rawValue, selected: op == row.op) { s.operatorLabel(op) }
                }
            },
            label(.class("visually-hidden"), .attr("for", "c-value-\(index)")) { s.valueLabel },
            void(
                "input",
                [
                    .attr("type", "text"), .id("c-value-\(index)"), .attr("name", "c_value_\(index)"),
                    .attr("value", row.value),
                ]),
        ])
    }

    static func matchSelect(_ name: String, _ match: ConditionGroup.Match, top: Bool, s: AutomationStrings) -> Node {
        element("select", [.attr("name", name), .attr("aria-label", s.conditionsHeading)]) {
            for choice in [ConditionGroup.Match.all, .any] {
                option(value: choice.rawValue, selected: choice == match) { s.matchLabel(choice, top: top) }
            }
        }
    }

    static func builderButton(_ edit: ConditionBuilder.Edit, _ text: String) -> Node {
        button(
            .class("button secondary small"), .attr("type", "submit"), .attr("name", "builder"),
            .attr("value", edit.text), .flag("formnovalidate")
        ) { text }
    }

    static func testResult(_ test: TesterResult, s: AutomationStrings) -> Node {
        guard test.entityFound else { return p(.class("field-error")) { s.testNotFound } }
        return div(.class("test-result"), .attr("role", "status")) {
            p { strong { s.testVerdict(test.conditionsHold) } }
            conditionList(test.conditions)
            ol {
                for step in test.steps {
                    li {
                        code { step.action }
                        " " + step.summary
                        if let conditions = step.conditions { conditionList(conditions) }
                        if !step.preview.isEmpty { element("pre", [.class("preview")]) { step.preview } }
                        if !step.missing.isEmpty {
                            p(.class("field-error")) {
                                "\(s.missingPlaceholders): \(step.missing.joined(separator: ", "))"
                            }
                        }
                    }
                }
            }
        }
    }

    static func conditionList(_ traces: [ConditionTrace]) -> Node {
        guard !traces.isEmpty else { return .fragment([]) }
        return ul(.class("conditions")) {
            for trace in traces {
                li(.class(trace.holds ? "holds" : "fails")) {
                    String(repeating: "· ", count: trace.depth)
                    code { trace.field }
                    " \(trace.op) \(trace.expected.isEmpty ? "" : "«\(trace.expected)» ")"
                    "(\(trace.actual.isEmpty ? "∅" : trace.actual)) → \(trace.holds ? "✓" : "✗")"
                }
            }
        }
    }

    static func runTable(_ runs: [TriggerRunRecord], s: AutomationStrings, showTrigger: Bool) -> Node {
        guard !runs.isEmpty else { return p { s.noRuns } }
        return div(.class("table-scroll")) {
            table(.class("list runs")) {
                thead {
                    tr {
                        th(.attr("scope", "col")) { "#" }
                        if showTrigger { th(.attr("scope", "col")) { s.name } }
                        th(.attr("scope", "col")) { s.event }
                        th(.attr("scope", "col")) { s.status }
                        th(.attr("scope", "col")) { s.steps }
                        th(.attr("scope", "col")) { s.time }
                    }
                }
                tbody {
                    for run in runs {
                        tr(.id("run-\(run.id)")) {
                            td { String(run.id) }
                            if showTrigger {
                                td {
                                    a(.href(SafeURL(.admin(.automation(.trigger(run.triggerID)))))) { run.triggerName }
                                }
                            }
                            td {
                                code { run.eventType }
                                " \(run.entityType) \(run.entityID.map(String.init) ?? "")"
                                small { " · " + s.versionLabel(run.version) }
                            }
                            td {
                                StateBadge.badge(
                                    s.statusName(run.status),
                                    run.status == "failed" ? .bad : run.status == "succeeded" ? .ok : .warn)
                                if let error = run.error { small { " " + error } }
                            }
                            td {
                                ol(.class("steps")) {
                                    for step in run.steps {
                                        li {
                                            code { step.action }
                                            " \(step.outcome)\(step.detail.isEmpty ? "" : ": " + step.detail)"
                                            if let conditions = step.conditions { conditionList(conditions) }
                                        }
                                    }
                                }
                            }
                            td {
                                DisplayFormat.dateTime(run.startedAt)
                                if let ms = run.durationMilliseconds { small { " · \(ms) ms" } }
                            }
                        }
                    }
                }
            }
        }
    }
}

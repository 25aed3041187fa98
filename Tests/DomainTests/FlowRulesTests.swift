import Domain
import Foundation
import Testing

/// Flows without a database: what a definition must be, which way a level is left, and the walk
/// the simulator shows.
@Suite("Flow rules")
struct FlowRulesTests {
    static func equals(_ field: String, _ value: JSONValue) -> ConditionGroup {
        ConditionGroup(conditions: [.compare(field: field, op: .equals, value: value)])
    }

    /// Platsbesök → (ground is grass → Golv) → Packning → (total over 100 000 → Chefsgodkännande) → end.
    static let event = FlowDefinition(levels: [
        FlowLevel(
            key: "platsbesok", name: "Platsbesök",
            tasks: [FlowTaskTemplate(form: 1, title: "Platsbesök", assignee: .role(.warehouse), dueDays: 3)],
            branches: [FlowBranch(when: equals("answers.markunderlag", .string("gräs")), goTo: "golv")],
            then: "packning"),
        FlowLevel(
            key: "golv", name: "Golv",
            tasks: [FlowTaskTemplate(form: 2, title: "Lägg golv", assignee: .role(.warehouse))]),
        FlowLevel(
            key: "packning", name: "Packning",
            tasks: [FlowTaskTemplate(form: 2, title: "Packlista kontroll", assignee: .role(.warehouse))],
            branches: [
                FlowBranch(
                    when: ConditionGroup(conditions: [
                        .compare(field: "booking.total", op: .greater, value: .number(100_000))
                    ]), goTo: "chef")
            ], then: "end"),
        FlowLevel(
            key: "chef", name: "Chefsgodkännande",
            tasks: [FlowTaskTemplate(form: 3, title: "Godkänn", assignee: .startersManager)]),
    ])
    static let forms: Set<Int64> = [1, 2, 3]

    @Test("A well-formed flow is accepted and round-trips through its JSON")
    func accepted() throws {
        #expect(FlowRules.refusal(name: "Eventförberedelse", Self.event, forms: Self.forms) == nil)
        let json = try JSONEncoder().encode(Self.event)
        #expect(try JSONDecoder().decode(FlowDefinition.self, from: json) == Self.event)
        let text = String(decoding: json, as: UTF8.self)
        #expect(text.contains("\"go_to\":\"golv\"") && text.contains("\"assignee\":\"role:warehouse\""))
    }

    @Test("Branches go forward only, to levels that exist; keys are unique and well formed")
    func refused() {
        var backwards = Self.event
        backwards.levels[2].branches[0].goTo = "platsbesok"
        #expect(
            FlowRules.refusal(name: "F", backwards, forms: Self.forms)
                == .targetBackwards(level: "packning", target: "platsbesok"))
        var itself = Self.event
        itself.levels[1].then = "golv"
        #expect(
            FlowRules.refusal(name: "F", itself, forms: Self.forms) == .targetBackwards(level: "golv", target: "golv"))
        var unknown = Self.event
        unknown.levels[0].then = "nowhere"
        #expect(
            FlowRules.refusal(name: "F", unknown, forms: Self.forms)
                == .targetUnknown(level: "platsbesok", target: "nowhere"))
        var twice = Self.event
        twice.levels[1].key = "platsbesok"
        #expect(FlowRules.refusal(name: "F", twice, forms: Self.forms) == .levelKeyTaken("platsbesok"))
        var badKey = Self.event
        badKey.levels[1].key = "Golv; DROP"
        #expect(FlowRules.refusal(name: "F", badKey, forms: Self.forms) == .levelKeyInvalid("Golv; DROP"))
        #expect(FlowRules.refusal(name: "  ", Self.event, forms: Self.forms) == .nameMissing)
        #expect(FlowRules.refusal(name: "F", FlowDefinition(), forms: Self.forms) == .noLevels)
        #expect(
            FlowRules.refusal(name: "F", Self.event, forms: [1])
                == .taskFormUnknown(level: "golv", form: 2))
        var empty = Self.event
        empty.levels[0].branches[0].when = ConditionGroup()
        #expect(FlowRules.refusal(name: "F", empty, forms: Self.forms) == .branchWithoutCondition(level: "platsbesok"))
        var late = Self.event
        late.levels[0].tasks[0].dueDays = 400
        #expect(FlowRules.refusal(name: "F", late, forms: Self.forms) == .dueDaysOutOfRange(level: "platsbesok"))
        #expect(!FlowRules.isKey("end"))
    }

    @Test("Grass and a large total: every level, the approval last")
    func grassAndLarge() {
        let context = FlowRules.context(typed: ["answers.markunderlag": "gräs", "booking.total": "125 000"])
        let walk = FlowRules.simulate(Self.event, context: context)
        #expect(walk.map(\.level.key) == ["platsbesok", "golv", "packning", "chef"])
        #expect(walk[0].step.branch == 0)
        #expect(walk[2].step.target == .level("chef"))
        #expect(walk[3].step.target == .end)
    }

    @Test("Asphalt and a small total: the floor and the approval are skipped")
    func asphaltAndSmall() {
        let context = FlowRules.context(typed: ["answers.markunderlag": "asfalt", "booking.total": "40000"])
        let walk = FlowRules.simulate(Self.event, context: context)
        #expect(walk.map(\.level.key) == ["platsbesok", "packning"])
        #expect(walk[0].step.branch == nil && walk[0].step.target == .level("packning"))
        #expect(walk[0].step.trace.first?.actual == "asfalt")
        #expect(walk[1].step.target == .end)
    }

    @Test("The engine's context merges the tasks' answers, later over earlier, beside the booking")
    func engineContext() {
        let context = FlowRules.context(
            booking: .object(["total": .number(150_000)]),
            answers: [["markunderlag": .string("asfalt")], ["markunderlag": .string("gräs"), "el": .bool(true)]])
        #expect(context[path: "answers.markunderlag"] == .string("gräs"))
        #expect(context[path: "booking.total"] == .number(150_000))
        #expect(
            FlowRules.simulate(Self.event, context: context).map(\.level.key)
                == ["platsbesok", "golv", "packning", "chef"])
    }

    @Test("A level without tasks decides at once; the fields the simulator asks for are the branches' fields")
    func decisions() {
        #expect(Self.event.conditionFields == ["answers.markunderlag", "booking.total"])
        #expect(Self.event.formIDs == [1, 2, 3])
        #expect(FlowRules.key(from: "Chefsgodkännande över 100 000") == "chefsgodkannande_over_100_000")
        #expect(FlowRules.key(from: "123") == "level_123")
        #expect(FlowAssignee(code: "department:4") == .department(DepartmentID(rawValue: 4)))
        #expect(FlowAssignee(code: "role:boss") == nil)
        #expect(FlowAssignee(code: "user:-1") == nil)
        #expect(FlowAssignee.startersManager.code == "manager")
    }

    @Test("The editor's rows give back the definition they were made from")
    func editorRoundTrip() throws {
        let rows = FlowEditor.rows(Self.event)
        #expect(rows.map(\.kind) == [.level, .task, .branch, .level, .task, .level, .task, .branch, .level, .task])
        #expect(rows[2].field == "answers.markunderlag" && rows[2].value == "gräs" && rows[2].goTo == "golv")
        #expect(try FlowEditor.definition(rows) == Self.event)
    }

    @Test("Editor buttons add levels, tasks before branches, and remove a level with its rows")
    func editorEdits() throws {
        var rows = FlowEditor.apply(.addLevel, to: [])
        rows[0].name = "Platsbesök på ängen"
        rows = FlowEditor.apply(.addBranch(level: 0), to: rows)
        rows = FlowEditor.apply(.addTask(level: 0), to: rows)
        #expect(rows.map(\.kind) == [.level, .task, .branch])
        rows = FlowEditor.apply(.addLevel, to: rows)
        rows[3].name = "Platsbesök på ängen"
        let keyed = FlowEditor.assignKeys(rows)
        #expect(keyed[0].key == "platsbesok_pa_angen" && keyed[3].key == "platsbesok_pa_angen_2")
        #expect(FlowEditor.apply(.remove(0), to: rows).map(\.kind) == [.level])
        #expect(FlowEditor.apply(.addTask(level: 1), to: rows) == rows)
        #expect(FlowEditor.Edit("task:2") == .addTask(level: 2))
        #expect(FlowEditor.Edit("remove:x") == nil)
        rows[1].form = ""
        #expect(throws: FlowEditor.RowProblem.formMissing(row: 2)) { try FlowEditor.definition(rows) }
        rows[1].form = "7"
        rows[1].assignee = "role:boss"
        #expect(throws: FlowEditor.RowProblem.assigneeInvalid(row: 2)) { try FlowEditor.definition(rows) }
        rows[1].assignee = "customer"
        rows[1].name = "Besök"
        #expect(throws: FlowEditor.RowProblem.fieldMissing(row: 3)) { try FlowEditor.definition(rows) }
        rows[2].field = "booking.total"
        rows[2].op = .greater
        rows[2].value = "100000"
        #expect(throws: FlowEditor.RowProblem.targetMissing(row: 3)) { try FlowEditor.definition(rows) }
        rows[2].goTo = "end"
        let definition = try FlowEditor.definition(rows)
        #expect(
            definition.levels[0].branches[0].when.conditions == [
                .compare(field: "booking.total", op: .greater, value: .number(100_000))
            ])
        #expect(FlowRules.refusal(name: "F", definition, forms: [7]) == nil)
    }
}

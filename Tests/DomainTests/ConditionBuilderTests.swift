import Domain
import Testing

/// The trigger page's condition builder as rows: a tree in, the same tree out; edits that add
/// and remove rows; typed values that cannot be used are refused with the row's number.
@Suite("Condition builder")
struct ConditionBuilderTests {
    static let tree = ConditionGroup(
        match: .all,
        conditions: [
            .compare(field: "object.total_ore", op: .greater, value: .number(10_000_000)),
            .group(
                ConditionGroup(
                    match: .any,
                    conditions: [
                        .compare(
                            field: "object.state", op: .in, value: .array([.string("cancelled"), .string("closed")])),
                        .compare(field: "object.customer.email", op: .empty, value: nil),
                    ])),
            .compare(field: "details.audit_action", op: .equals, value: .string("sent")),
        ])

    @Test func aTreeBecomesRowsAndComesBackTheSame() throws {
        let rows = ConditionBuilder.rows(Self.tree)
        #expect(rows.map(\.kind) == [.compare, .open, .compare, .compare, .close, .compare])
        #expect(rows[0].value == "10000000" && rows[2].value == "cancelled, closed" && rows[1].match == .any)
        #expect(ConditionBuilder.depths(rows) == [0, 0, 1, 1, 0, 0])
        #expect(try ConditionBuilder.group(match: .all, rows: rows) == Self.tree)
    }

    @Test func editsAddAtAGroupsEndAndRemoveAWholeGroup() throws {
        let rows = ConditionBuilder.rows(Self.tree)
        let added = ConditionBuilder.apply(.addCondition(group: 1), to: rows)
        #expect(added.map(\.kind) == [.compare, .open, .compare, .compare, .compare, .close, .compare])
        let top = ConditionBuilder.apply(.addGroup(group: nil), to: rows)
        #expect(top.suffix(2).map(\.kind) == [.open, .close])
        #expect(ConditionBuilder.apply(.remove(1), to: rows).map(\.kind) == [.compare, .compare])
        #expect(ConditionBuilder.apply(.remove(99), to: rows) == rows, "an edit pointing nowhere changes nothing")
        #expect(ConditionBuilder.apply(.addCondition(group: 0), to: rows) == rows, "row 0 is not a group")
        // Groups nest three deep at most.
        var deep: [ConditionRow] = []
        deep = ConditionBuilder.apply(.addGroup(group: nil), to: deep)
        deep = ConditionBuilder.apply(.addGroup(group: 0), to: deep)
        deep = ConditionBuilder.apply(.addGroup(group: 1), to: deep)
        #expect(ConditionBuilder.apply(.addGroup(group: 2), to: deep) == deep)
        #expect(
            ConditionBuilder.Edit("remove:3") == .remove(3)
                && ConditionBuilder.Edit("add:top") == .addCondition(group: nil))
        #expect(ConditionBuilder.Edit("remove:top") == nil && ConditionBuilder.Edit("drop:1") == nil)
    }

    @Test func whatCannotBeUsedIsRefusedWithItsRow() {
        #expect(throws: TriggerDefinitionError.invalid("condition 2 has no field")) {
            try ConditionBuilder.group(
                match: .all, rows: [.compare("object.state", .equals, "sent"), .compare(" ", .equals, "x")])
        }
        #expect(throws: TriggerDefinitionError.invalid("condition 1 compares with a number: \"mycket\" is not one")) {
            try ConditionBuilder.group(match: .all, rows: [.compare("object.total_ore", .greater, "mycket")])
        }
        #expect(throws: TriggerDefinitionError.invalid("a group was not closed")) {
            try ConditionBuilder.group(match: .all, rows: [ConditionRow(kind: .open)])
        }
        // A decimal comma is a number too; `empty` takes no value.
        #expect(
            (try? ConditionBuilder.group(
                match: .any, rows: [.compare("object.total_ore", .less, "12,5"), .compare("object.title", .empty, "x")]))
                == ConditionGroup(
                    match: .any,
                    conditions: [
                        .compare(field: "object.total_ore", op: .less, value: .number(12.5)),
                        .compare(field: "object.title", op: .empty, value: nil),
                    ]))
    }
}

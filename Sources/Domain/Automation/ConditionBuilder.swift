import Foundation

/// The trigger page's condition builder: a condition tree as flat form rows (a comparison, the
/// start of a nested group, its end), and back. The page works without JavaScript: adding or
/// removing a row posts the form, the server applies the edit to the rows and shows the page
/// again, nothing saved until "Save".
public struct ConditionRow: Sendable, Equatable {
    public enum Kind: String, Sendable { case compare, open, close }

    public var kind: Kind
    /// A group's match (`open` rows).
    public var match: ConditionGroup.Match
    public var field: String
    public var op: Condition.Operator
    /// The value as typed: a list is comma-separated.
    public var value: String

    public init(
        kind: Kind, match: ConditionGroup.Match = .all, field: String = "", op: Condition.Operator = .equals,
        value: String = ""
    ) {
        self.kind = kind
        self.match = match
        self.field = field
        self.op = op
        self.value = value
    }

    public static func compare(_ field: String, _ op: Condition.Operator, _ value: String = "") -> ConditionRow {
        ConditionRow(kind: .compare, field: field, op: op, value: value)
    }
}

public enum ConditionBuilder {
    /// Groups nest at most this deep below the top one.
    public static let maximumDepth = 3
    public static let maximumRows = 60

    /// What a builder button asks for: a row at the end of a group (`nil`: the top one, else the
    /// index of the group's `open` row), or a row (and for a group, all inside it) removed.
    public enum Edit: Sendable, Equatable {
        case addCondition(group: Int?)
        case addGroup(group: Int?)
        case remove(Int)

        /// `add:top`, `add:3`, `group:top`, `group:3`, `remove:5`.
        public init?(_ text: String) {
            let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { return nil }
            let index = parts[1] == "top" ? nil : Int(parts[1])
            if parts[1] != "top", index == nil { return nil }
            switch parts[0] {
            case "add": self = .addCondition(group: index)
            case "group": self = .addGroup(group: index)
            case "remove":
                guard let index else { return nil }
                self = .remove(index)
            default: return nil
            }
        }

        public var text: String {
            switch self {
            case .addCondition(let group): "add:\(group.map(String.init) ?? "top")"
            case .addGroup(let group): "group:\(group.map(String.init) ?? "top")"
            case .remove(let index): "remove:\(index)"
            }
        }
    }

    /// The rows of a group's conditions (the top group's match is kept apart).
    public static func rows(_ group: ConditionGroup) -> [ConditionRow] {
        group.conditions.flatMap { condition -> [ConditionRow] in
            switch condition {
            case .compare(let field, let op, let value):
                [.compare(field, op, text(value))]
            case .group(let inner):
                [ConditionRow(kind: .open, match: inner.match)] + rows(inner) + [ConditionRow(kind: .close)]
            }
        }
    }

    /// The depth of each row (0: in the top group), for indentation.
    public static func depths(_ rows: [ConditionRow]) -> [Int] {
        var depth = 0
        return rows.map { row in
            switch row.kind {
            case .open:
                defer { depth += 1 }
                return depth
            case .close:
                depth = max(0, depth - 1)
                return depth
            case .compare: return depth
            }
        }
    }

    /// The group the rows describe. - Throws: `TriggerDefinitionError.invalid` naming the row
    /// (1-based) that is wrong: no field, a number comparison with text, unbalanced groups.
    public static func group(
        match: ConditionGroup.Match, rows: [ConditionRow]
    ) throws(TriggerDefinitionError)
        -> ConditionGroup
    {
        guard rows.count <= maximumRows else { throw .invalid("at most \(maximumRows) rows of conditions") }
        var stack: [ConditionGroup] = [ConditionGroup(match: match)]
        for (index, row) in rows.enumerated() {
            switch row.kind {
            case .open:
                guard stack.count <= maximumDepth else { throw .invalid("groups nest at most \(maximumDepth) deep") }
                stack.append(ConditionGroup(match: row.match))
            case .close:
                guard stack.count > 1, let inner = stack.popLast() else {
                    throw .invalid("a group ends that never began")
                }
                stack[stack.count - 1].conditions.append(.group(inner))
            case .compare:
                let field = row.field.trimmingCharacters(in: .whitespaces)
                guard !field.isEmpty, field.count <= 200 else { throw .invalid("condition \(index + 1) has no field") }
                stack[stack.count - 1].conditions.append(
                    .compare(field: field, op: row.op, value: try value(row.value, op: row.op, row: index + 1)))
            }
        }
        guard stack.count == 1, let top = stack.first else { throw .invalid("a group was not closed") }
        return top
    }

    /// The rows after an edit; an edit that points nowhere changes nothing.
    public static func apply(_ edit: Edit, to rows: [ConditionRow]) -> [ConditionRow] {
        var rows = rows
        switch edit {
        case .addCondition(let group), .addGroup(let group):
            guard rows.count + 2 <= maximumRows else { return rows }
            let insertAt: Int
            if let group {
                guard rows.indices.contains(group), rows[group].kind == .open, let end = close(of: group, in: rows)
                else { return rows }
                insertAt = end
            } else {
                insertAt = rows.count
            }
            if case .addGroup = edit {
                let depth = group.map { depths(rows)[$0] + 1 } ?? 0
                guard depth < maximumDepth else { return rows }
                rows.insert(
                    contentsOf: [ConditionRow(kind: .open, match: .any), ConditionRow(kind: .close)], at: insertAt)
            } else {
                rows.insert(ConditionRow(kind: .compare), at: insertAt)
            }
        case .remove(let index):
            guard rows.indices.contains(index) else { return rows }
            switch rows[index].kind {
            case .compare: rows.remove(at: index)
            case .open:
                guard let end = close(of: index, in: rows) else { return rows }
                rows.removeSubrange(index...end)
            case .close: break
            }
        }
        return rows
    }

    /// The index of the `close` row that ends the group opened at `open`.
    static func close(of open: Int, in rows: [ConditionRow]) -> Int? {
        var depth = 0
        for index in open..<rows.count {
            switch rows[index].kind {
            case .open: depth += 1
            case .close:
                depth -= 1
                if depth == 0 { return index }
            case .compare: break
            }
        }
        return nil
    }

    /// A comparison's value as typed → JSON: none for the operators that take none, a list for
    /// `in` (comma-separated), a number for `greater`/`less`, text otherwise.
    static func value(_ text: String, op: Condition.Operator, row: Int) throws(TriggerDefinitionError) -> JSONValue? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch op {
        case .empty, .notEmpty, .changed: return nil
        case .in:
            return .array(
                trimmed.split(separator: ",").map { .string($0.trimmingCharacters(in: .whitespaces)) }
                    .filter { $0 != .string("") })
        case .greater, .less:
            guard let number = Double(trimmed.replacingOccurrences(of: ",", with: ".")) else {
                throw .invalid("condition \(row) compares with a number: \"\(trimmed)\" is not one")
            }
            return .number(number)
        case .equals, .differs, .contains, .changedFrom, .changedTo:
            return .string(trimmed)
        }
    }

    /// A stored value as the builder shows it.
    static func text(_ value: JSONValue?) -> String {
        switch value {
        case .array(let items)?: items.map(\.text).joined(separator: ", ")
        case let value?: value.text
        case nil: ""
        }
    }
}

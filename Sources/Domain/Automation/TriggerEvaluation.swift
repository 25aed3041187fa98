import Foundation

/// One comparison as it was evaluated: what the tester and the run log show.
public struct ConditionTrace: Sendable, Equatable, Codable {
    public let field: String
    public let op: String
    public let expected: String
    public let actual: String
    public let holds: Bool
    /// Nesting depth (0 for the top group's comparisons).
    public let depth: Int

    public init(field: String, op: String, expected: String, actual: String, holds: Bool, depth: Int) {
        self.field = field
        self.op = op
        self.expected = expected
        self.actual = actual
        self.holds = holds
        self.depth = depth
    }
}

/// Evaluates conditions and fills placeholders against an event's context:
/// `{"event": {"id", "type", "occurred_at"}, "object": …, "details": …, "previous": …}`.
/// Pure: the same input gives the same answer, in the tester and in a run.
public enum TriggerEvaluation {
    public static func evaluate(
        _ group: ConditionGroup, in context: JSONValue
    ) -> (holds: Bool, trace: [ConditionTrace]) {
        var trace: [ConditionTrace] = []
        let holds = evaluate(group, context, depth: 0, &trace)
        return (holds, trace)
    }

    static func evaluate(
        _ group: ConditionGroup, _ context: JSONValue, depth: Int, _ trace: inout [ConditionTrace]
    ) -> Bool {
        var results: [Bool] = []
        for condition in group.conditions {
            switch condition {
            case .group(let inner): results.append(evaluate(inner, context, depth: depth + 1, &trace))
            case .compare(let field, let op, let value):
                let result = compare(field: field, op: op, value: value, context)
                trace.append(
                    ConditionTrace(
                        field: field, op: op.rawValue, expected: value?.text ?? "", actual: result.actual,
                        holds: result.holds, depth: depth))
                results.append(result.holds)
            }
        }
        return group.match == .all ? results.allSatisfy { $0 } : results.contains(true)
    }

    static func compare(
        field: String, op: Condition.Operator, value: JSONValue?, _ context: JSONValue
    ) -> (holds: Bool, actual: String) {
        let actual = context[path: field]
        let actualText = actual?.text ?? ""
        let expected = value ?? .null
        // What the change replaced: `previous.<the field's last name>` (audit before-values).
        let key = field.split(separator: ".").last.map(String.init) ?? field
        let previous = context[path: "previous.\(key)"]
        switch op {
        case .equals: return (same(actual, expected), actualText)
        case .differs: return (!same(actual, expected), actualText)
        case .contains:
            if case .array(let items) = actual { return (items.contains { same($0, expected) }, actualText) }
            return (
                !expected.text.isEmpty && actualText.localizedCaseInsensitiveContains(expected.text), actualText
            )
        case .greater, .less:
            guard let a = actual?.number, let b = expected.number else { return (false, actualText) }
            return (op == .greater ? a > b : a < b, actualText)
        case .in:
            guard case .array(let options) = expected else { return (false, actualText) }
            return (options.contains { same(actual, $0) }, actualText)
        case .empty: return (actual?.isEmpty ?? true, actualText)
        case .notEmpty: return (!(actual?.isEmpty ?? true), actualText)
        case .changed:
            return (previous != nil && previous?.text != actualText, "\(previous?.text ?? "") → \(actualText)")
        case .changedFrom:
            return (previous != nil && same(previous, expected), "\(previous?.text ?? "") → \(actualText)")
        case .changedTo:
            return (previous != nil && same(actual, expected), "\(previous?.text ?? "") → \(actualText)")
        }
    }

    /// Equal as values, or as text (`"2500"` equals `2500`; an absent field equals null).
    static func same(_ a: JSONValue?, _ b: JSONValue?) -> Bool {
        let left = a ?? .null
        let right = b ?? .null
        if left == right { return true }
        if let x = left.number, let y = right.number { return x == y }
        return left.text == right.text && !(left == .null && right.text.isEmpty == false)
    }

    /// `template` with each `{{path}}` replaced by the context's value there; the paths that
    /// were not found (printed as nothing) are listed, so the tester can show them.
    public static func render(_ template: String, in context: JSONValue) -> (text: String, missing: [String]) {
        var output = ""
        var missing: [String] = []
        var rest = Substring(template)
        while let open = rest.range(of: "{{") {
            output += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                output += rest[open.lowerBound...]
                rest = ""
                break
            }
            let path = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if let value = context[path: path] {
                output += value.text
            } else {
                missing.append(path)
            }
            rest = rest[close.upperBound...]
        }
        output += rest
        return (output, missing)
    }
}

import Foundation

/// Why a flow definition is refused; nothing is saved then. `level` names the level the page shows
/// the refusal next to (nil: the flow as a whole).
public enum FlowRefusal: Error, Sendable, Equatable {
    case nameMissing
    case nameTooLong(maximum: Int)
    case noLevels
    case tooManyLevels(maximum: Int)
    case levelKeyInvalid(String)
    case levelKeyTaken(String)
    case levelNameMissing(level: String)
    case taskTitleMissing(level: String)
    case taskFormUnknown(level: String, form: Int64)
    case dueDaysOutOfRange(level: String)
    /// A branch or `then` names a level that does not exist.
    case targetUnknown(level: String, target: String)
    /// A branch or `then` goes to the level itself or an earlier one.
    case targetBackwards(level: String, target: String)
    case branchWithoutCondition(level: String)

    public var level: String? {
        switch self {
        case .nameMissing, .nameTooLong, .noLevels, .tooManyLevels: nil
        case .levelKeyInvalid(let key), .levelKeyTaken(let key): key
        case .levelNameMissing(let level), .taskTitleMissing(let level), .taskFormUnknown(let level, _),
            .dueDaysOutOfRange(let level), .targetUnknown(let level, _), .targetBackwards(let level, _),
            .branchWithoutCondition(let level):
            level
        }
    }
}

/// The rules of flows: what a definition must be, and where a flow goes from a level. Pure, so the
/// simulator and the engine decide the same way from the same facts.
public enum FlowRules {
    public static let nameLimit = 100
    public static let maximumLevels = 30
    public static let maximumDueDays = 365

    /// The first problem with a flow called `name` defined as `definition`, whose tasks may use
    /// the published forms in `forms` (their ids); nil when it may be saved.
    public static func refusal(name: String, _ definition: FlowDefinition, forms: Set<Int64>) -> FlowRefusal? {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return .nameMissing }
        if trimmed.count > nameLimit { return .nameTooLong(maximum: nameLimit) }
        if definition.levels.isEmpty { return .noLevels }
        if definition.levels.count > maximumLevels { return .tooManyLevels(maximum: maximumLevels) }
        var keys: Set<String> = []
        for level in definition.levels {
            if level.name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                return .levelNameMissing(level: level.key)
            }
            guard isKey(level.key) else { return .levelKeyInvalid(level.key) }
            guard keys.insert(level.key).inserted else { return .levelKeyTaken(level.key) }
        }
        for (index, level) in definition.levels.enumerated() {
            for task in level.tasks {
                let title = task.title.trimmingCharacters(in: .whitespacesAndNewlines)
                if title.isEmpty || title.count > 200 || title.contains(where: \.isNewline) {
                    return .taskTitleMissing(level: level.key)
                }
                if !forms.contains(task.form) { return .taskFormUnknown(level: level.key, form: task.form) }
                if let days = task.dueDays, !(0...maximumDueDays).contains(days) {
                    return .dueDaysOutOfRange(level: level.key)
                }
            }
            for branch in level.branches where branch.when.conditions.isEmpty {
                return .branchWithoutCondition(level: level.key)
            }
            let targets = level.branches.map(\.goTo) + (level.then.map { [$0] } ?? [])
            for target in targets where target != FlowTarget.endKey {
                guard let position = definition.index(of: target) else {
                    return .targetUnknown(level: level.key, target: target)
                }
                if position <= index { return .targetBackwards(level: level.key, target: target) }
            }
        }
        return nil
    }

    /// `[a-z][a-z0-9_]{0,39}`, and not the word the end is named by.
    public static func isKey(_ text: String) -> Bool {
        guard text != FlowTarget.endKey, (1...40).contains(text.count), let first = text.unicodeScalars.first,
            ("a"..."z").contains(first)
        else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// A level key made from a name: lower case ASCII, digits and underscores (å, ä → a, ö → o).
    public static func key(from name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var key = ""
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                key.unicodeScalars.append(scalar)
            } else if !key.hasSuffix("_"), !key.isEmpty {
                key += "_"
            }
        }
        while key.hasSuffix("_") { key.removeLast() }
        if key.isEmpty || !("a"..."z").contains(key.unicodeScalars.first!) { key = "level_" + key }
        return String(key.prefix(40))
    }

    /// Which way a flow leaves a level, and why.
    public struct Step: Sendable, Equatable {
        public let target: FlowTarget
        /// The branch that decided (its index in the level's branches), nil when none held.
        public let branch: Int?
        /// Every comparison tried, in order, for the page that explains the choice.
        public let trace: [ConditionTrace]
    }

    /// Where the flow goes once `level`'s tasks are finished, judged on `context`
    /// (`{"booking": …, "answers": …}`).
    public static func next(after level: FlowLevel, in definition: FlowDefinition, context: JSONValue) -> Step {
        var trace: [ConditionTrace] = []
        for (index, branch) in level.branches.enumerated() {
            let result = TriggerEvaluation.evaluate(branch.when, in: context)
            trace += result.trace
            if result.holds { return Step(target: target(branch.goTo), branch: index, trace: trace) }
        }
        if let then = level.then { return Step(target: target(then), branch: nil, trace: trace) }
        guard let position = definition.index(of: level.key), position + 1 < definition.levels.count else {
            return Step(target: .end, branch: nil, trace: trace)
        }
        return Step(target: .level(definition.levels[position + 1].key), branch: nil, trace: trace)
    }

    static func target(_ key: String) -> FlowTarget { key == FlowTarget.endKey ? .end : .level(key) }

    /// One level a simulated walk passes through.
    public struct SimulatedLevel: Sendable, Equatable {
        public let level: FlowLevel
        /// How the walk left it.
        public let step: Step
    }

    /// The levels a flow would go through, in order, if its tasks were answered as `context` says:
    /// what the simulator shows, and what the engine then does. Nothing is made. A definition whose
    /// targets are unknown ends where one is (the rules refuse such definitions before they are
    /// saved); forward-only targets make the walk end.
    public static func simulate(_ definition: FlowDefinition, context: JSONValue) -> [SimulatedLevel] {
        var walked: [SimulatedLevel] = []
        var current = definition.levels.first
        while let level = current, walked.count <= definition.levels.count {
            let step = next(after: level, in: definition, context: context)
            walked.append(SimulatedLevel(level: level, step: step))
            guard case .level(let key) = step.target, let following = definition.level(key),
                let from = definition.index(of: level.key), let to = definition.index(of: key), to > from
            else { break }
            current = following
        }
        return walked
    }

    /// The context branches are judged on: the booking's facts (its event payload) and every answer
    /// of the flow's finished tasks by field key, later answers over earlier ones.
    public static func context(booking: JSONValue, answers: [[String: JSONValue]]) -> JSONValue {
        var merged: [String: JSONValue] = [:]
        for set in answers { merged.merge(set) { _, new in new } }
        return .object(["booking": booking, "answers": .object(merged)])
    }

    /// The simulator's typed values as a context: each condition field's path set to the text
    /// typed (a number when it reads as one, a list for a comma-separated multiple choice stays
    /// text; `yes`/`ja`/`true` and `no`/`nej`/`false` as yes/no), nothing for an empty box.
    public static func context(typed values: [String: String]) -> JSONValue {
        var root: [String: JSONValue] = [:]
        for (path, raw) in values.sorted(by: { $0.key < $1.key }) {
            let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { continue }
            let value: JSONValue
            switch text.lowercased() {
            case "yes", "ja", "true": value = .bool(true)
            case "no", "nej", "false": value = .bool(false)
            default:
                let numeric = text.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: ",", with: ".")
                value = Double(numeric).map(JSONValue.number) ?? .string(text)
            }
            set(&root, path: path.split(separator: ".").map(String.init), value)
        }
        return .object(root)
    }

    static func set(_ object: inout [String: JSONValue], path: [String], _ value: JSONValue) {
        guard let head = path.first else { return }
        if path.count == 1 {
            object[head] = value
            return
        }
        var inner: [String: JSONValue] = [:]
        if case .object(let existing) = object[head] { inner = existing }
        set(&inner, path: Array(path.dropFirst()), value)
        object[head] = .object(inner)
    }
}

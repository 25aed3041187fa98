import Foundation

/// The flow page's editor: a flow as flat form rows — a level, then its tasks and branches — and
/// back. Like the trigger page's condition builder it works without JavaScript: "add a level", "add
/// a task", "add a branch" and "remove" post the form, the server applies the edit to the rows and
/// shows the page again; nothing is saved until "Save".
///
/// A branch row tests one field (`answers.markunderlag equals gräs`); a level without tasks whose
/// branches test further fields makes an "and".
public struct FlowEditorRow: Sendable, Equatable {
    public enum Kind: String, Sendable { case level, task, branch }

    public var kind: Kind
    /// A level's name, or a task's title.
    public var name: String
    /// A level's key (empty: made from the name when saved).
    public var key: String
    /// A level's way on when no branch holds: empty (the next level), a later level's key or `end`.
    public var then: String
    /// A task's form (its id as text), assignee (`FlowAssignee.code`) and due days (text).
    public var form: String
    public var assignee: String
    public var dueDays: String
    /// A branch's comparison, and the level (or `end`) it goes to.
    public var field: String
    public var op: Condition.Operator
    public var value: String
    public var goTo: String

    public init(
        kind: Kind, name: String = "", key: String = "", then: String = "", form: String = "", assignee: String = "",
        dueDays: String = "", field: String = "", op: Condition.Operator = .equals, value: String = "",
        goTo: String = ""
    ) {
        self.kind = kind
        self.name = name
        self.key = key
        self.then = then
        self.form = form
        self.assignee = assignee
        self.dueDays = dueDays
        self.field = field
        self.op = op
        self.value = value
        self.goTo = goTo
    }
}

public enum FlowEditor {
    public static let maximumRows = 200

    /// The operators a branch offers: the ones that compare values (not "changed", which needs a
    /// before and after that a flow does not have).
    public static let operators: [Condition.Operator] = [
        .equals, .differs, .contains, .greater, .less, .in, .empty, .notEmpty,
    ]

    /// What an editor button asks for.
    public enum Edit: Sendable, Equatable {
        case addLevel
        /// A task or branch at the end of the level whose row is at the index.
        case addTask(level: Int)
        case addBranch(level: Int)
        /// The row; for a level, its tasks and branches with it.
        case remove(Int)

        /// `level`, `task:3`, `branch:3`, `remove:5`.
        public init?(_ text: String) {
            if text == "level" {
                self = .addLevel
                return
            }
            let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, let index = Int(parts[1]), index >= 0, index < maximumRows else { return nil }
            switch parts[0] {
            case "task": self = .addTask(level: index)
            case "branch": self = .addBranch(level: index)
            case "remove": self = .remove(index)
            default: return nil
            }
        }
    }

    /// The definition as rows.
    public static func rows(_ definition: FlowDefinition) -> [FlowEditorRow] {
        var rows: [FlowEditorRow] = []
        for level in definition.levels {
            rows.append(FlowEditorRow(kind: .level, name: level.name, key: level.key, then: level.then ?? ""))
            for task in level.tasks {
                rows.append(
                    FlowEditorRow(
                        kind: .task, name: task.title, form: String(task.form), assignee: task.assignee.code,
                        dueDays: task.dueDays.map(String.init) ?? ""))
            }
            for branch in level.branches {
                var row = FlowEditorRow(kind: .branch, goTo: branch.goTo)
                if case .compare(let field, let op, let value) = branch.when.conditions.first {
                    let shown = ConditionBuilder.rows(
                        ConditionGroup(conditions: [.compare(field: field, op: op, value: value)]))
                    row.field = field
                    row.op = op
                    row.value = shown.first?.value ?? ""
                }
                rows.append(row)
            }
        }
        return rows
    }

    /// The rows with the edit applied.
    public static func apply(_ edit: Edit, to rows: [FlowEditorRow]) -> [FlowEditorRow] {
        var rows = rows
        switch edit {
        case .addLevel:
            rows.append(FlowEditorRow(kind: .level))
        case .addTask(let level), .addBranch(let level):
            guard rows.indices.contains(level), rows[level].kind == .level else { return rows }
            let end = blockEnd(of: level, in: rows)
            if case .addTask = edit {
                // Tasks come before the level's branches.
                var at = level + 1
                while at < end, rows[at].kind == .task { at += 1 }
                rows.insert(FlowEditorRow(kind: .task, assignee: "role:warehouse"), at: at)
            } else {
                rows.insert(FlowEditorRow(kind: .branch), at: end)
            }
        case .remove(let index):
            guard rows.indices.contains(index) else { return rows }
            let end = rows[index].kind == .level ? blockEnd(of: index, in: rows) : index + 1
            rows.removeSubrange(index..<end)
        }
        return Array(rows.prefix(maximumRows))
    }

    /// The index after the level's last task or branch.
    static func blockEnd(of level: Int, in rows: [FlowEditorRow]) -> Int {
        var end = level + 1
        while end < rows.count, rows[end].kind != .level { end += 1 }
        return end
    }

    /// Why rows do not make a definition: the row (1-based) and what is wrong, in English for logs;
    /// the page shows `FlowRefusal`s and these through its strings.
    public enum RowProblem: Error, Sendable, Equatable {
        case formMissing(row: Int)
        case assigneeInvalid(row: Int)
        case dueDaysInvalid(row: Int)
        case fieldMissing(row: Int)
        case valueInvalid(row: Int)
        case targetMissing(row: Int)
        case rowOutsideLevel(row: Int)
    }

    /// The rows with every named level's empty key made from its name (unique by a number at the
    /// end), so the page's "go to" lists can name new levels. A key once made stays when the level
    /// is renamed: running flows and branches name levels by it.
    public static func assignKeys(_ rows: [FlowEditorRow]) -> [FlowEditorRow] {
        var used: Set<String> = Set(rows.filter { $0.kind == .level }.map(\.key).filter { !$0.isEmpty })
        return rows.map { row in
            guard row.kind == .level, row.key.trimmingCharacters(in: .whitespaces).isEmpty,
                !row.name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            else { return row }
            var row = row
            let base = FlowRules.key(from: row.name)
            var key = base
            var suffix = 2
            while used.contains(key) {
                key = "\(base.prefix(36))_\(suffix)"
                suffix += 1
            }
            used.insert(key)
            row.key = key
            return row
        }
    }

    /// The rows as a definition (`assignKeys` first).
    public static func definition(_ rows: [FlowEditorRow]) throws(RowProblem) -> FlowDefinition {
        var levels: [FlowLevel] = []
        for (index, row) in assignKeys(rows).enumerated() {
            let number = index + 1
            switch row.kind {
            case .level:
                let then = row.then.trimmingCharacters(in: .whitespaces)
                levels.append(
                    FlowLevel(
                        key: row.key, name: row.name.trimmingCharacters(in: .whitespacesAndNewlines),
                        then: then.isEmpty ? nil : then))
            case .task:
                guard !levels.isEmpty else { throw .rowOutsideLevel(row: number) }
                guard let form = Int64(row.form), form > 0 else { throw .formMissing(row: number) }
                guard let assignee = FlowAssignee(code: row.assignee) else { throw .assigneeInvalid(row: number) }
                let dueText = row.dueDays.trimmingCharacters(in: .whitespaces)
                var due: Int?
                if !dueText.isEmpty {
                    guard let days = Int(dueText) else { throw .dueDaysInvalid(row: number) }
                    due = days
                }
                levels[levels.count - 1].tasks.append(
                    FlowTaskTemplate(
                        form: form, title: row.name.trimmingCharacters(in: .whitespacesAndNewlines),
                        assignee: assignee, dueDays: due))
            case .branch:
                guard !levels.isEmpty else { throw .rowOutsideLevel(row: number) }
                let field = row.field.trimmingCharacters(in: .whitespaces)
                guard !field.isEmpty else { throw .fieldMissing(row: number) }
                let goTo = row.goTo.trimmingCharacters(in: .whitespaces)
                guard !goTo.isEmpty else { throw .targetMissing(row: number) }
                let group: ConditionGroup
                do {
                    group = try ConditionBuilder.group(
                        match: .all, rows: [ConditionRow.compare(field, row.op, row.value)])
                } catch {
                    throw .valueInvalid(row: number)
                }
                levels[levels.count - 1].branches.append(FlowBranch(when: group, goTo: goTo))
            }
        }
        return FlowDefinition(levels: levels)
    }
}

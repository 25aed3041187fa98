import Foundation

/// A flow: the ordered levels the work around a booking goes through. Each level asks for tasks
/// (forms to fill, assigned to someone); when a level's tasks are all finished the flow moves on,
/// to the first branch whose condition holds, else to the level's `then`, else to the next level
/// in order, and after the last one it ends. A level without tasks is a pure decision: it is
/// passed through at once.
///
/// Branches only go forward (to a later level) or to the end, so every walk through a flow ends:
/// the simulator and the engine need no loop guard, and a reader of the definition sees the
/// whole route top to bottom.
///
/// Stored as JSON in `flow_versions.definition`; a running flow keeps the version it started with.
public struct FlowDefinition: Sendable, Equatable, Codable {
    public var levels: [FlowLevel]

    public init(levels: [FlowLevel] = []) { self.levels = levels }

    /// The level with the key, or nil.
    public func level(_ key: String) -> FlowLevel? { levels.first { $0.key == key } }

    public func index(of key: String) -> Int? { levels.firstIndex { $0.key == key } }

    /// The forms the levels' tasks ask for (their ids), each once, in order.
    public var formIDs: [Int64] {
        var seen: Set<Int64> = []
        return levels.flatMap(\.tasks).map(\.form).filter { seen.insert($0).inserted }
    }

    /// Every field path a branch condition reads (`answers.mark`, `booking.total`), each once, in
    /// the order they first appear: what the simulator asks values for.
    public var conditionFields: [String] {
        var seen: Set<String> = []
        var fields: [String] = []
        func collect(_ group: ConditionGroup) {
            for condition in group.conditions {
                switch condition {
                case .compare(let field, _, _): if seen.insert(field).inserted { fields.append(field) }
                case .group(let inner): collect(inner)
                }
            }
        }
        for level in levels { for branch in level.branches { collect(branch.when) } }
        return fields
    }
}

/// One level of a flow.
public struct FlowLevel: Sendable, Equatable, Codable {
    /// Short and stable (`[a-z][a-z0-9_]*`): what branches and running flows name the level by.
    public var key: String
    public var name: String
    public var tasks: [FlowTaskTemplate]
    /// Tried in order once the level's tasks are finished; the first that holds decides.
    public var branches: [FlowBranch]
    /// Where the flow goes when no branch holds: a later level's key, or `FlowTarget.endKey`;
    /// nil: the next level in order (the end after the last).
    public var then: String?

    public init(
        key: String, name: String, tasks: [FlowTaskTemplate] = [], branches: [FlowBranch] = [], then: String? = nil
    ) {
        self.key = key
        self.name = name
        self.tasks = tasks
        self.branches = branches
        self.then = then
    }

    private enum CodingKeys: String, CodingKey { case key, name, tasks, branches, then }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        key = try c.decode(String.self, forKey: .key)
        name = try c.decode(String.self, forKey: .name)
        tasks = try c.decodeIfPresent([FlowTaskTemplate].self, forKey: .tasks) ?? []
        branches = try c.decodeIfPresent([FlowBranch].self, forKey: .branches) ?? []
        then = try c.decodeIfPresent(String.self, forKey: .then)
    }
}

/// A task a level asks for: which form, called what, for whom, due how many days after the level
/// starts.
public struct FlowTaskTemplate: Sendable, Equatable, Codable {
    /// The form (its id); the task is made with the form's newest published version at that moment.
    public var form: Int64
    public var title: String
    public var assignee: FlowAssignee
    /// Days after the level starts; nil: no due date.
    public var dueDays: Int?

    public init(form: Int64, title: String, assignee: FlowAssignee, dueDays: Int? = nil) {
        self.form = form
        self.title = title
        self.assignee = assignee
        self.dueDays = dueDays
    }

    private enum CodingKeys: String, CodingKey {
        case form, title, assignee
        case dueDays = "due_days"
    }
}

/// "When this holds, go there."
public struct FlowBranch: Sendable, Equatable, Codable {
    public var when: ConditionGroup
    /// A later level's key, or `FlowTarget.endKey`.
    public var goTo: String

    public init(when: ConditionGroup, goTo: String) {
        self.when = when
        self.goTo = goTo
    }

    private enum CodingKeys: String, CodingKey {
        case when
        case goTo = "go_to"
    }
}

/// Who a flow's task goes to, named the way a definition can say it before anyone runs it.
public enum FlowAssignee: Sendable, Equatable, Hashable, Codable {
    case user(UserID)
    case role(StaffRole)
    case department(DepartmentID)
    case position(PositionID)
    /// The booking's customer, through the portal.
    case customer
    /// The manager (company structure) of whoever started the flow; the starter when they have
    /// none, so an approval never lands nowhere.
    case startersManager

    /// `user:5`, `role:manager`, `department:2`, `position:3`, `customer`, `manager`.
    public var code: String {
        switch self {
        case .user(let id): "user:\(id.rawValue)"
        case .role(let role): "role:\(role.rawValue)"
        case .department(let id): "department:\(id.rawValue)"
        case .position(let id): "position:\(id.rawValue)"
        case .customer: "customer"
        case .startersManager: "manager"
        }
    }

    public init?(code: String) {
        let parts = code.split(separator: ":", maxSplits: 1).map(String.init)
        switch (parts.first, parts.count) {
        case ("customer", 1): self = .customer
        case ("manager", 1): self = .startersManager
        case ("role", 2):
            guard let role = StaffRole(rawValue: parts[1]) else { return nil }
            self = .role(role)
        case ("user", 2), ("department", 2), ("position", 2):
            guard let id = Int64(parts[1]), id > 0 else { return nil }
            switch parts[0] {
            case "user": self = .user(UserID(rawValue: id))
            case "department": self = .department(DepartmentID(rawValue: id))
            default: self = .position(PositionID(rawValue: id))
            }
        default: return nil
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = FlowAssignee(code: text) else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "unknown assignee \(text)"))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(code)
    }
}

/// Where a flow goes from a level.
public enum FlowTarget: Sendable, Equatable {
    case level(String)
    case end

    /// What a branch or `then` names the end by.
    public static let endKey = "end"
}

public import Foundation

public struct FlowID: RawRepresentable, Hashable, Sendable, Codable {
    public let rawValue: Int64
    public init(rawValue: Int64) { self.rawValue = rawValue }
}

public struct FlowRunID: RawRepresentable, Hashable, Sendable, Codable {
    public let rawValue: Int64
    public init(rawValue: Int64) { self.rawValue = rawValue }
}

/// A flow in the list: its newest version's shape and how many runs are under way.
public struct FlowListItem: Sendable, Equatable {
    public let id: FlowID
    public let name: String
    public let version: Int
    public let levels: Int
    public let running: Int
    public let archived: Bool

    public init(id: FlowID, name: String, version: Int, levels: Int, running: Int, archived: Bool) {
        self.id = id
        self.name = name
        self.version = version
        self.levels = levels
        self.running = running
        self.archived = archived
    }
}

/// A flow with its newest version's definition.
public struct FlowRecord: Sendable, Equatable {
    public let id: FlowID
    public let name: String
    public let description: String
    public let version: Int
    public let archived: Bool
    public let definition: FlowDefinition

    public init(
        id: FlowID, name: String, description: String, version: Int, archived: Bool, definition: FlowDefinition
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.version = version
        self.archived = archived
        self.definition = definition
    }
}

public enum FlowRunState: String, Sendable, Hashable, CaseIterable {
    case running, done, cancelled
}

/// A run as the engine reads it (under lock): the version's definition and where it is.
public struct FlowRunRecord: Sendable, Equatable {
    public let id: FlowRunID
    public let flowID: FlowID
    public let flowName: String
    public let version: Int
    public let definition: FlowDefinition
    public let bookingID: BookingID
    public let state: FlowRunState
    public let currentLevel: String?
    public let startedBy: UserID?

    public init(
        id: FlowRunID, flowID: FlowID, flowName: String, version: Int, definition: FlowDefinition,
        bookingID: BookingID, state: FlowRunState, currentLevel: String?, startedBy: UserID?
    ) {
        self.id = id
        self.flowID = flowID
        self.flowName = flowName
        self.version = version
        self.definition = definition
        self.bookingID = bookingID
        self.state = state
        self.currentLevel = currentLevel
        self.startedBy = startedBy
    }
}

/// A level a run went through (or is on).
public struct FlowRunLevel: Sendable, Equatable {
    public let key: String
    public let name: String
    public let enteredAt: Date
    public let leftAt: Date?
    /// The level it went to, or `FlowTarget.endKey`; nil while on it.
    public let wentTo: String?
    /// The branch that decided (nil: none held, the default way).
    public let branch: Int?

    public init(key: String, name: String, enteredAt: Date, leftAt: Date?, wentTo: String?, branch: Int?) {
        self.key = key
        self.name = name
        self.enteredAt = enteredAt
        self.leftAt = leftAt
        self.wentTo = wentTo
        self.branch = branch
    }
}

/// One of a run's tasks, for the progress card.
public struct FlowRunTask: Sendable, Equatable {
    public let id: Int64
    public let level: String
    public let title: String
    public let state: String
    public let assignee: String

    public init(id: Int64, level: String, title: String, state: String, assignee: String) {
        self.id = id
        self.level = level
        self.title = title
        self.state = state
        self.assignee = assignee
    }
}

/// A run as the booking page shows it: the path so far, the tasks, and the levels the definition
/// still has ahead.
public struct FlowRunView: Sendable, Equatable {
    public let run: FlowRunRecord
    public let levels: [FlowRunLevel]
    public let tasks: [FlowRunTask]
    public let startedAt: Date
    public let finishedAt: Date?

    public init(
        run: FlowRunRecord, levels: [FlowRunLevel], tasks: [FlowRunTask], startedAt: Date, finishedAt: Date?
    ) {
        self.run = run
        self.levels = levels
        self.tasks = tasks
        self.startedAt = startedAt
        self.finishedAt = finishedAt
    }
}

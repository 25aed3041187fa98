public import Database
public import Domain
public import Foundation

/// A manager (or a trigger) starts a flow on a booking: one transaction makes the run on the flow's
/// newest version, enters its first level (its tasks made, a level without tasks passed through)
/// and records every step's audit row and event.
public enum StartFlow {
    public enum Outcome: Sendable, Equatable {
        case started(FlowRunID)
        /// The flow already runs on the booking: nothing new is started.
        case alreadyRunning
        /// An archived flow is not started.
        case archived
        /// A cancelled or closed booking gets no new work.
        case bookingClosed
        case notFound
    }

    /// - Parameters:
    ///   - startedBy: the staff member who started it (nil when a trigger did; then `trigger`).
    /// - Throws: `DatabaseError`, `TaskStore.Failure.formNotPublished` (a form of the first level
    ///   lost its versions — nothing is written).
    public static func run(
        _ connection: Connection, flow id: FlowID, booking: BookingID, startedBy: UserID?, trigger: Int64? = nil,
        actor: AuditActor, now: Date = Date()
    ) throws -> Outcome {
        try connection.transaction { tx in
            guard let flow = try FlowStore.flow(tx, id) else { return .notFound }
            guard !flow.archived else { return .archived }
            guard let facts = try FlowStore.booking(tx, booking) else { return .notFound }
            guard !["cancelled", "closed"].contains(facts.state) else { return .bookingClosed }
            guard
                let runID = try FlowStore.insertRun(
                    tx, flow: flow, booking: booking, startedBy: startedBy, trigger: trigger, actor: actor),
                let run = try FlowStore.run(tx, runID, lock: true), let first = run.definition.levels.first
            else { return .alreadyRunning }
            try FlowEngine.enter(tx, run, first, actor: actor, now: now)
            return .started(runID)
        }
    }
}

/// A manager stops a running flow: the run is cancelled and its open tasks with it, one transaction.
public enum CancelFlowRun {
    /// - Returns: false when the run is not running (nothing changed).
    public static func run(_ connection: Connection, _ id: FlowRunID, actor: AuditActor) throws -> Bool {
        try connection.transaction { tx in
            // The tasks first, then the run: the order completing a task takes them in.
            try FlowStore.lockOpenTasks(tx, id)
            guard let run = try FlowStore.run(tx, id, lock: true), run.state == .running else { return false }
            // The run ends first, so the tasks' cancellations do not move it on.
            try FlowStore.finish(tx, id, .cancelled, actor: actor)
            for task in try FlowStore.openTaskIDs(tx, id) {
                try TaskStore.cancel(tx, TaskID(rawValue: task), actor: actor)
            }
            return true
        }
    }
}

/// An admin saves a flow (new, or a new version of one): the definition checked by `FlowRules`
/// against the published forms, then written with its audit row, one transaction.
public enum SaveFlow {
    public enum Outcome: Sendable, Equatable {
        case saved(FlowID)
        case refused(FlowRefusal)
        /// The name is another flow's.
        case nameTaken
        /// Somebody saved a newer version since the page was opened.
        case conflict
        case notFound
    }

    public static func run(
        _ connection: Connection, id: FlowID?, expectedVersion: Int, name: String, description: String,
        definition: FlowDefinition, actor: AuditActor
    ) throws -> Outcome {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        let description = String(description.trimmingCharacters(in: .whitespacesAndNewlines).prefix(1000))
        do {
            return try connection.transaction { tx in
                let forms = Set(try FormStore.publishedForms(tx).map(\.id.rawValue))
                if let refusal = FlowRules.refusal(name: name, definition, forms: forms) { return .refused(refusal) }
                guard let id else {
                    return .saved(
                        try FlowStore.create(
                            tx, name: name, description: description, definition: definition, actor: actor))
                }
                guard try FlowStore.flow(tx, id) != nil else { return .notFound }
                guard
                    try FlowStore.update(
                        tx, id, expectedVersion: expectedVersion, name: name, description: description,
                        definition: definition, actor: actor)
                else { return .conflict }
                return .saved(id)
            }
        } catch let error as DatabaseError {
            if case .uniqueViolation("flows_name_key") = error.kind { return .nameTaken }
            throw error
        }
    }
}

public import Database
public import Domain
public import Foundation

/// Moves runs through their levels, always inside the caller's transaction: entering a level makes
/// its tasks (ordinary tasks, marked as the run's); when the last open task of the level is
/// finished (done or cancelled), `FlowRules.next` picks the way on from the booking's facts and
/// every answer given in the run so far, and the next level is entered, or the run ends. A level
/// without tasks is passed through at once. So a task's completion, the flow's step and the next
/// level's tasks commit together, with their audit rows and events.
public enum FlowEngine {
    /// Enters `level` of the run (locked by the caller) and keeps walking while levels have no tasks.
    static func enter(
        _ tx: Connection, _ run: FlowRunRecord, _ level: FlowLevel, actor: AuditActor, now: Date
    ) throws {
        var current = level
        while true {
            try FlowStore.enterLevel(tx, run.id, current, actor: actor)
            if !current.tasks.isEmpty {
                try makeTasks(tx, run, current, actor: actor, now: now)
                return
            }
            guard let next = try leave(tx, run, current, actor: actor) else { return }
            current = next
        }
    }

    /// Leaves `level`, recording the way chosen; returns the level to enter, or nil when the run ended.
    static func leave(
        _ tx: Connection, _ run: FlowRunRecord, _ level: FlowLevel, actor: AuditActor
    ) throws
        -> FlowLevel?
    {
        let context = FlowRules.context(
            booking: try FlowStore.bookingFacts(tx, run.bookingID), answers: try FlowStore.answers(tx, run.id))
        let step = FlowRules.next(after: level, in: run.definition, context: context)
        try FlowStore.leaveLevel(tx, run.id, step: step)
        guard case .level(let key) = step.target, let next = run.definition.level(key),
            let from = run.definition.index(of: level.key), let to = run.definition.index(of: key), to > from
        else {
            try FlowStore.finish(tx, run.id, .done, actor: actor)
            return nil
        }
        return next
    }

    static func makeTasks(
        _ tx: Connection, _ run: FlowRunRecord, _ level: FlowLevel, actor: AuditActor, now: Date
    ) throws {
        guard let booking = try FlowStore.booking(tx, run.bookingID) else { return }
        let today = BusinessCalendar.today(at: now)
        for template in level.tasks {
            let assignee = try assignee(tx, template.assignee, run: run, customer: booking.customer)
            let due = try template.dueDays.map { try today.adding(days: $0) }
            let task = try TaskStore.create(
                tx,
                NewTask(
                    formID: FormID(rawValue: template.form), title: template.title, assignee: assignee, dueOn: due,
                    bookingID: run.bookingID, customerID: booking.customer),
                actor: actor)
            try FlowStore.attach(task: task.rawValue, to: run.id, level: level.key, tx)
        }
    }

    /// Who a template's task goes to on this run. The starter's manager is looked up in the company
    /// structure; without one the starter gets it, and a run a trigger started goes to the
    /// managers' role — as does a task for someone or something the structure no longer has.
    static func assignee(
        _ tx: Connection, _ spec: FlowAssignee, run: FlowRunRecord, customer: CustomerID
    ) throws -> TaskAssignee {
        // A person, department or position the structure no longer has: the managers' role gets the
        // task, so the flow moves on and someone sees it, instead of the completion failing.
        let structure = try StructureStore.structure(tx)
        switch spec {
        case .user(let id): return structure.person(id)?.active == true ? .user(id) : .role(.manager)
        case .role(let role): return .role(role)
        case .department(let id): return structure.department(id) != nil ? .department(id) : .role(.manager)
        case .position(let id): return structure.position(id) != nil ? .position(id) : .role(.manager)
        case .customer: return .customer(customer)
        case .startersManager:
            guard let starter = run.startedBy else { return .role(.manager) }
            if let manager = try StructureStore.manager(tx, of: starter) { return .user(manager.id) }
            return .user(starter)
        }
    }

    /// A task was completed or cancelled, in `tx`: when it is the last open task of its run's
    /// current level, the run moves on. Tasks outside flows, and tasks of levels already left, do
    /// nothing.
    public static func taskFinished(_ tx: Connection, task: Int64, actor: AuditActor, now: Date = Date()) throws {
        guard let link = try FlowStore.runOf(task: task, tx),
            let run = try FlowStore.run(tx, link.run, lock: true), run.state == .running,
            run.currentLevel == link.level, let level = run.definition.level(link.level),
            try FlowStore.openTasks(tx, run.id, level: link.level) == 0
        else { return }
        guard let next = try leave(tx, run, level, actor: actor) else { return }
        try enter(tx, run, next, actor: actor, now: now)
    }
}

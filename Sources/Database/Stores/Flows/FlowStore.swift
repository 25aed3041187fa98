public import Domain
public import Foundation

/// The flows' SQL: definitions and their versions, runs and the levels they went through. Every
/// write takes the caller's transaction and records its audit row there (`flow.created`,
/// `flow.updated`, `flow.started`, `flow.level_entered`, `flow.completed`, `flow.cancelled`
/// events). Deciding where a run goes is `FlowRules`; doing it is the `FlowEngine` use case.
public enum FlowStore {
    public static func flows(_ connection: Connection) throws -> [FlowListItem] {
        try connection.query(
            """
            SELECT f.id, f.name, f.current_version, f.archived,
                   jsonb_array_length(v.definition -> 'levels') AS levels,
                   (SELECT count(*) FROM flow_runs r WHERE r.flow_id = f.id AND r.state = 'running')::int AS running
              FROM flows f JOIN flow_versions v ON v.flow_id = f.id AND v.version = f.current_version
             ORDER BY f.archived, lower(f.name), f.id
            """
        ).map { row in
            FlowListItem(
                id: FlowID(rawValue: try row.decode("id")), name: try row.decode("name"),
                version: try row.decode("current_version"), levels: try row.decode("levels"),
                running: try row.decode("running"), archived: try row.decode("archived"))
        }
    }

    /// The flow with its newest version, or nil.
    public static func flow(_ connection: Connection, _ id: FlowID) throws -> FlowRecord? {
        let rows = try connection.query(
            """
            SELECT f.id, f.name, f.description, f.current_version, f.archived, v.definition::text AS definition
              FROM flows f JOIN flow_versions v ON v.flow_id = f.id AND v.version = f.current_version
             WHERE f.id = \(id.rawValue)
            """)
        guard let row = rows.first else { return nil }
        return FlowRecord(
            id: id, name: try row.decode("name"), description: try row.decode("description"),
            version: try row.decode("current_version"), archived: try row.decode("archived"),
            definition: try definition(row))
    }

    static func definition(_ row: Row) throws -> FlowDefinition {
        let text: String = try row.decode("definition")
        do {
            return try JSONDecoder().decode(FlowDefinition.self, from: Data(text.utf8))
        } catch {
            throw DatabaseError(.decoding(column: "definition"), message: "\(error)")
        }
    }

    static func json(_ definition: FlowDefinition) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(definition), as: UTF8.self)
    }

    /// A new flow at version 1, audited. - Throws: `DatabaseError` (`flows_name_key`: the name is taken).
    public static func create(
        _ tx: Connection, name: String, description: String, definition: FlowDefinition, actor: AuditActor
    ) throws -> FlowID {
        let id: Int64 = try tx.query(
            "INSERT INTO flows (name, description) VALUES (\(name), \(description)) RETURNING id")[0].decode("id")
        try tx.execute(
            """
            INSERT INTO flow_versions (flow_id, version, definition, created_by)
            VALUES (\(id), 1, \(try json(definition))::jsonb, \(actor.userID?.rawValue))
            """)
        try AuditStore.record(
            tx, actor: actor, entity: "flow", entityID: id, action: "created",
            after: ["name": name, "version": "1", "levels": String(definition.levels.count)])
        return FlowID(rawValue: id)
    }

    /// Saves a new version when the flow is still at `expectedVersion`; false when somebody saved in
    /// between (nothing written). Running flows keep their version.
    public static func update(
        _ tx: Connection, _ id: FlowID, expectedVersion: Int, name: String, description: String,
        definition: FlowDefinition, actor: AuditActor
    ) throws -> Bool {
        let rows = try tx.query(
            """
            UPDATE flows SET name = \(name), description = \(description), current_version = current_version + 1
             WHERE id = \(id.rawValue) AND current_version = \(expectedVersion)
            RETURNING current_version
            """)
        guard let row = rows.first else { return false }
        let version: Int = try row.decode("current_version")
        try tx.execute(
            """
            INSERT INTO flow_versions (flow_id, version, definition, created_by)
            VALUES (\(id.rawValue), \(version), \(try json(definition))::jsonb, \(actor.userID?.rawValue))
            """)
        try AuditStore.record(
            tx, actor: actor, entity: "flow", entityID: id.rawValue, action: "updated",
            after: ["name": name, "version": String(version), "levels": String(definition.levels.count)])
        return true
    }

    public static func setArchived(_ tx: Connection, _ id: FlowID, _ archived: Bool, actor: AuditActor) throws {
        guard
            try tx.execute(
                "UPDATE flows SET archived = \(archived) WHERE id = \(id.rawValue) AND archived <> \(archived)")
                == 1
        else { return }
        try AuditStore.record(
            tx, actor: actor, entity: "flow", entityID: id.rawValue, action: "updated",
            after: ["archived": archived ? "yes" : "no"])
    }

    // MARK: Runs

    /// Starts a run of the flow's newest version on the booking, on its first level (the caller
    /// enters it). - Returns: nil when the flow already runs on the booking.
    public static func insertRun(
        _ tx: Connection, flow: FlowRecord, booking: BookingID, startedBy: UserID?, trigger: Int64?,
        actor: AuditActor
    ) throws -> FlowRunID? {
        guard let first = flow.definition.levels.first else { return nil }
        let rows = try tx.query(
            """
            INSERT INTO flow_runs (flow_id, flow_version_id, booking_id, current_level, started_by, started_by_trigger)
            SELECT \(flow.id.rawValue), v.id, \(booking.rawValue), \(first.key), \(startedBy?.rawValue), \(trigger)
              FROM flow_versions v WHERE v.flow_id = \(flow.id.rawValue) AND v.version = \(flow.version)
            ON CONFLICT (flow_id, booking_id) WHERE state = 'running' DO NOTHING
            RETURNING id
            """)
        guard let row = rows.first else { return nil }
        let id: Int64 = try row.decode("id")
        try AuditStore.record(
            tx, actor: actor, entity: "flow_run", entityID: id, action: "started",
            after: [
                "flow": flow.name, "version": String(flow.version), "booking_id": String(booking.rawValue),
                "trigger": trigger.map(String.init) ?? "",
            ])
        return FlowRunID(rawValue: id)
    }

    /// The run with its version's definition; `lock` holds it until the transaction ends, so two
    /// tasks finished at once move it on one after the other.
    public static func run(_ connection: Connection, _ id: FlowRunID, lock: Bool = false) throws -> FlowRunRecord? {
        let rows = try connection.query(
            """
            SELECT r.id, r.flow_id, f.name, v.version, v.definition::text AS definition, r.booking_id, r.state,
                   r.current_level, r.started_by
              FROM flow_runs r JOIN flows f ON f.id = r.flow_id JOIN flow_versions v ON v.id = r.flow_version_id
             WHERE r.id = \(id.rawValue)
            """ + (lock ? " FOR UPDATE OF r" : ""))
        return try rows.first.map(record)
    }

    static func record(_ row: Row) throws -> FlowRunRecord {
        FlowRunRecord(
            id: FlowRunID(rawValue: try row.decode("id")), flowID: FlowID(rawValue: try row.decode("flow_id")),
            flowName: try row.decode("name"), version: try row.decode("version"), definition: try definition(row),
            bookingID: BookingID(rawValue: try row.decode("booking_id")),
            state: FlowRunState(rawValue: try row.decode("state")) ?? .running,
            currentLevel: try row.decode("current_level"),
            startedBy: (try row.decode("started_by") as Int64?).map(UserID.init(rawValue:)))
    }

    /// The run a task belongs to, and the level it was made for.
    public static func runOf(task: Int64, _ connection: Connection) throws -> (run: FlowRunID, level: String)? {
        let rows = try connection.query(
            "SELECT flow_run_id, flow_level FROM tasks WHERE id = \(task) AND flow_run_id IS NOT NULL")
        guard let row = rows.first else { return nil }
        return (FlowRunID(rawValue: try row.decode("flow_run_id")), try row.decode("flow_level"))
    }

    /// Marks a task as one of the run's, for `level`.
    public static func attach(task: Int64, to run: FlowRunID, level: String, _ tx: Connection) throws {
        try tx.execute(
            "UPDATE tasks SET flow_run_id = \(run.rawValue), flow_level = \(level) WHERE id = \(task)")
    }

    /// The level's tasks still open.
    public static func openTasks(_ connection: Connection, _ run: FlowRunID, level: String) throws -> Int {
        try connection.query(
            """
            SELECT count(*)::int AS n FROM tasks
             WHERE flow_run_id = \(run.rawValue) AND flow_level = \(level) AND state = 'open'
            """)[0].decode("n")
    }

    /// The answers of the run's finished tasks, in the order they were completed.
    public static func answers(_ connection: Connection, _ run: FlowRunID) throws -> [[String: JSONValue]] {
        try connection.query(
            """
            SELECT answers::text AS answers FROM tasks
             WHERE flow_run_id = \(run.rawValue) AND state = 'done' AND answers IS NOT NULL
             ORDER BY completed_at, id
            """
        ).map { row in
            let text: String = try row.decode("answers")
            guard case .object(let fields) = try JSONValue(json: text) else { return [:] }
            return fields
        }
    }

    /// The booking as events show it (`event_object`), with `total` in whole kronor beside
    /// `total_ore`, so a branch reads "total over 100 000".
    public static func bookingFacts(_ connection: Connection, _ booking: BookingID) throws -> JSONValue {
        let rows = try connection.query(
            "SELECT coalesce(event_object('booking', \(booking.rawValue)), '{}'::jsonb)::text AS object")
        var facts = try JSONValue(json: try rows[0].decode("object") as String)
        if case .object(var fields) = facts {
            if let ore = fields["total_ore"]?.number { fields["total"] = .number((ore / 100).rounded(.down)) }
            facts = .object(fields)
        }
        return facts
    }

    /// The booking's customer and state (nil: no such booking).
    public static func booking(
        _ connection: Connection, _ booking: BookingID
    ) throws -> (customer: CustomerID, state: String)? {
        let rows = try connection.query(
            "SELECT customer_id, state FROM bookings WHERE id = \(booking.rawValue)")
        guard let row = rows.first else { return nil }
        return (CustomerID(rawValue: try row.decode("customer_id")), try row.decode("state"))
    }

    public static func enterLevel(_ tx: Connection, _ run: FlowRunID, _ level: FlowLevel, actor: AuditActor) throws {
        try tx.execute(
            """
            INSERT INTO flow_run_levels (run_id, level_key, level_name) VALUES (\(run.rawValue), \(level.key), \(level.name))
            """)
        try tx.execute("UPDATE flow_runs SET current_level = \(level.key) WHERE id = \(run.rawValue)")
        try AuditStore.record(
            tx, actor: actor, entity: "flow_run", entityID: run.rawValue, action: "level_entered",
            after: ["level": level.key, "name": level.name, "tasks": String(level.tasks.count)])
    }

    /// Closes the run's open level row with the way it left.
    public static func leaveLevel(_ tx: Connection, _ run: FlowRunID, step: FlowRules.Step) throws {
        let wentTo: String
        switch step.target {
        case .end: wentTo = FlowTarget.endKey
        case .level(let key): wentTo = key
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let trace = String(decoding: try encoder.encode(step.trace), as: UTF8.self)
        try tx.execute(
            """
            UPDATE flow_run_levels SET left_at = now(), went_to = \(wentTo), branch = \(step.branch),
                   trace = \(trace)::jsonb
             WHERE run_id = \(run.rawValue) AND left_at IS NULL
            """)
    }

    /// Ends the run (`done` or `cancelled`), audited.
    public static func finish(_ tx: Connection, _ run: FlowRunID, _ state: FlowRunState, actor: AuditActor) throws {
        guard
            try tx.execute(
                """
                UPDATE flow_runs SET state = \(state.rawValue), current_level = NULL, finished_at = now()
                 WHERE id = \(run.rawValue) AND state = 'running'
                """) == 1
        else { return }
        try tx.execute(
            "UPDATE flow_run_levels SET left_at = now() WHERE run_id = \(run.rawValue) AND left_at IS NULL")
        try AuditStore.record(
            tx, actor: actor, entity: "flow_run", entityID: run.rawValue,
            action: state == .done ? "completed" : "cancelled", before: ["state": "running"],
            after: ["state": state.rawValue])
    }

    /// Locks the run's open tasks, in id order, until the transaction ends.
    public static func lockOpenTasks(_ tx: Connection, _ run: FlowRunID) throws {
        _ = try tx.query(
            "SELECT id FROM tasks WHERE flow_run_id = \(run.rawValue) AND state = 'open' ORDER BY id FOR UPDATE")
    }

    /// The open tasks of a run (to cancel with it).
    public static func openTaskIDs(_ connection: Connection, _ run: FlowRunID) throws -> [Int64] {
        try connection.query(
            "SELECT id FROM tasks WHERE flow_run_id = \(run.rawValue) AND state = 'open' ORDER BY id"
        ).map { try $0.decode("id") }
    }

    /// The booking's runs, newest first, each with its path and tasks (three round trips in one).
    public static func runs(_ connection: Connection, booking: BookingID) throws -> [FlowRunView] {
        let results = try connection.pipeline([
            """
            SELECT r.id, r.flow_id, f.name, v.version, v.definition::text AS definition, r.booking_id, r.state,
                   r.current_level, r.started_by, r.started_at, r.finished_at
              FROM flow_runs r JOIN flows f ON f.id = r.flow_id JOIN flow_versions v ON v.id = r.flow_version_id
             WHERE r.booking_id = \(booking.rawValue)
             ORDER BY r.id DESC
            """,
            """
            SELECT l.run_id, l.level_key, l.level_name, l.entered_at, l.left_at, l.went_to, l.branch
              FROM flow_run_levels l JOIN flow_runs r ON r.id = l.run_id
             WHERE r.booking_id = \(booking.rawValue) ORDER BY l.id
            """,
            """
            SELECT t.id, t.flow_run_id, t.flow_level, t.title, t.state,
                   coalesce(u.name, t.assignee_role, d.name, p.name, c.name, '') AS assignee
              FROM tasks t JOIN flow_runs r ON r.id = t.flow_run_id
              LEFT JOIN users u ON u.id = t.assignee_user_id
              LEFT JOIN departments d ON d.id = t.assignee_department_id
              LEFT JOIN positions p ON p.id = t.assignee_position_id
              LEFT JOIN customers c ON c.id = t.assignee_customer_id
             WHERE r.booking_id = \(booking.rawValue) ORDER BY t.id
            """,
        ])
        var levels: [Int64: [FlowRunLevel]] = [:]
        for row in results[1] {
            levels[try row.decode("run_id"), default: []].append(
                FlowRunLevel(
                    key: try row.decode("level_key"), name: try row.decode("level_name"),
                    enteredAt: try row.decode("entered_at"), leftAt: try row.decode("left_at"),
                    wentTo: try row.decode("went_to"), branch: try row.decode("branch")))
        }
        var tasks: [Int64: [FlowRunTask]] = [:]
        for row in results[2] {
            tasks[try row.decode("flow_run_id"), default: []].append(
                FlowRunTask(
                    id: try row.decode("id"), level: try row.decode("flow_level"), title: try row.decode("title"),
                    state: try row.decode("state"), assignee: try row.decode("assignee")))
        }
        return try results[0].map { row in
            let run = try record(row)
            return FlowRunView(
                run: run, levels: levels[run.id.rawValue] ?? [], tasks: tasks[run.id.rawValue] ?? [],
                startedAt: try row.decode("started_at"), finishedAt: try row.decode("finished_at"))
        }
    }

    /// The flow's latest runs, newest first.
    public static func recentRuns(
        _ connection: Connection, flow: FlowID, limit: Int = 30
    ) throws -> [(
        id: FlowRunID, booking: String, bookingID: BookingID, state: FlowRunState, level: String?, started: Date
    )] {
        try connection.query(
            """
            SELECT r.id, b.number, r.booking_id, r.state, r.current_level, r.started_at
              FROM flow_runs r JOIN bookings b ON b.id = r.booking_id
             WHERE r.flow_id = \(flow.rawValue) ORDER BY r.id DESC LIMIT \(limit)
            """
        ).map { row in
            (
                FlowRunID(rawValue: try row.decode("id")), try row.decode("number"),
                BookingID(rawValue: try row.decode("booking_id")),
                FlowRunState(rawValue: try row.decode("state")) ?? .running, try row.decode("current_level"),
                try row.decode("started_at")
            )
        }
    }
}

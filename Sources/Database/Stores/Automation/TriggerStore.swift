public import Domain
public import Foundation

/// What one step of a run needs: the trigger's definition at the run's version, and the event.
public struct TriggerRunInput: Sendable {
    public let triggerActive: Bool
    public let triggerName: String
    public let version: Int
    public let definitionJSON: String
    public let secret: String
    public let runID: Int64
    public let runStatus: String
    /// The first action not yet done (a retried attempt resumes there, not from the start).
    public let nextStep: Int
    public let eventType: String
    public let eventDepth: Int
    public let entityType: String
    public let entityID: Int64?
    /// `{"event": {…}, "object": …, "details": …, "previous": …}` as JSON text.
    public let contextJSON: String
    /// The webhook body of the event (as deliveries send it).
    public let eventBody: String
}

/// Triggers, their versions and their runs.
public enum TriggerStore {
    public static func list(_ connection: Connection) throws(DatabaseError) -> [TriggerSummary] {
        try connection.query(
            """
            SELECT t.id, t.name, t.event_type, t.active, t.current_version, t.builtin,
                   count(r.id)::int AS runs, count(r.id) FILTER (WHERE r.status = 'succeeded')::int AS succeeded,
                   count(r.id) FILTER (WHERE r.status = 'failed')::int AS failed, max(r.started_at) AS last_run,
                   (avg(r.duration_ms) FILTER (WHERE r.duration_ms IS NOT NULL))::int AS mean_ms
              FROM triggers t LEFT JOIN trigger_runs r ON r.trigger_id = t.id
             GROUP BY t.id ORDER BY t.name, t.id
            """
        ).map { row throws(DatabaseError) in
            TriggerSummary(
                id: try row.decode("id"), name: try row.decode("name"), eventType: try row.decode("event_type"),
                active: try row.decode("active"), version: try row.decode("current_version"),
                builtin: try row.decode("builtin"), runs: try row.decode("runs"),
                succeeded: try row.decode("succeeded"),
                failed: try row.decode("failed"), lastRunAt: try row.decode("last_run"),
                meanDurationMilliseconds: try row.decode("mean_ms"))
        }
    }

    public static func find(_ connection: Connection, id: Int64) throws(DatabaseError) -> TriggerRecord? {
        let rows = try connection.query(
            """
            SELECT t.id, t.name, t.event_type, t.active, t.current_version, t.secret, t.builtin,
                   jsonb_pretty(v.definition) AS definition
              FROM triggers t JOIN trigger_versions v ON v.trigger_id = t.id AND v.version = t.current_version
             WHERE t.id = \(id)
            """)
        guard let row = rows.first else { return nil }
        return TriggerRecord(
            id: try row.decode("id"), name: try row.decode("name"), eventType: try row.decode("event_type"),
            active: try row.decode("active"), version: try row.decode("current_version"),
            definitionJSON: try row.decode("definition"), secret: try row.decode("secret"),
            builtin: try row.decode("builtin"))
    }

    /// A new trigger at version 1, audited. - Returns: its id.
    public static func create(
        _ connection: Connection, name: String, eventType: String, active: Bool, definitionJSON: String,
        secret: String, actor: AuditActor
    ) throws -> Int64 {
        try connection.transaction { tx in
            let rows = try tx.query(
                """
                INSERT INTO triggers (name, event_type, active, secret) VALUES (\(name), \(eventType), \(active), \(secret))
                RETURNING id
                """)
            guard let row = rows.first else {
                throw DatabaseError(.other, message: "insert returned no row", safeDetail: "trigger")
            }
            let id: Int64 = try row.decode("id")
            try tx.execute(
                """
                INSERT INTO trigger_versions (trigger_id, version, definition, created_by)
                VALUES (\(id), 1, \(definitionJSON)::jsonb, \(actor.userID?.rawValue))
                """)
            try AuditStore.record(
                tx, actor: actor, entity: "trigger", entityID: id, action: "created",
                after: ["name": name, "event_type": eventType, "version": "1"])
            return id
        }
    }

    /// Saves a new version (name, type, on/off and definition), audited. Refused when someone
    /// saved another version since `expectedVersion` was read. - Returns: the new version, or nil
    /// when the trigger is gone or the version moved on.
    public static func update(
        _ connection: Connection, id: Int64, expectedVersion: Int, name: String, eventType: String, active: Bool,
        definitionJSON: String, actor: AuditActor
    ) throws -> Int? {
        try connection.transaction { tx in
            let rows = try tx.query(
                """
                UPDATE triggers SET name = \(name), event_type = \(eventType), active = \(active),
                                    current_version = current_version + 1
                 WHERE id = \(id) AND current_version = \(expectedVersion)
                RETURNING current_version
                """)
            guard let row = rows.first else { return nil }
            let version: Int = try row.decode("current_version")
            try tx.execute(
                """
                INSERT INTO trigger_versions (trigger_id, version, definition, created_by)
                VALUES (\(id), \(version), \(definitionJSON)::jsonb, \(actor.userID?.rawValue))
                """)
            try AuditStore.record(
                tx, actor: actor, entity: "trigger", entityID: id, action: "updated",
                after: [
                    "name": name, "event_type": eventType, "active": String(active), "version": String(version),
                ])
            return version
        }
    }

    public static func setActive(_ connection: Connection, id: Int64, active: Bool, actor: AuditActor) throws -> Bool {
        try connection.transaction { tx in
            guard try tx.execute("UPDATE triggers SET active = \(active) WHERE id = \(id)") == 1 else { return false }
            try AuditStore.record(
                tx, actor: actor, entity: "trigger", entityID: id, action: active ? "enabled" : "disabled")
            return true
        }
    }

    /// A copy (off, version 1 with the current definition). - Returns: the copy's id.
    public static func duplicate(
        _ connection: Connection, id: Int64, secret: String, actor: AuditActor
    ) throws -> Int64? {
        guard let original = try find(connection, id: id) else { return nil }
        return try create(
            connection, name: String((original.name + " (kopia)").prefix(200)), eventType: original.eventType,
            active: false, definitionJSON: original.definitionJSON, secret: secret, actor: actor)
    }

    /// The run's input for `step`; step 0 starts the run (once per trigger and event) at the
    /// trigger's current version, later steps keep the version the run started with.
    /// nil when the trigger or the event is gone.
    public static func runInput(
        _ connection: Connection, triggerID: Int64, eventID: Int64, step: Int
    ) throws(DatabaseError) -> TriggerRunInput? {
        if step == 0 {
            try connection.execute(
                """
                INSERT INTO trigger_runs (trigger_id, version, event_id, entity_type, entity_id)
                SELECT t.id, t.current_version, e.id, e.entity_type, e.entity_id
                  FROM triggers t, events e WHERE t.id = \(triggerID) AND e.id = \(eventID)
                ON CONFLICT (trigger_id, event_id) DO NOTHING
                """)
        }
        let rows = try connection.query(
            """
            SELECT t.active, t.name, r.version, v.definition::text AS definition, t.secret, r.id AS run_id,
                   r.status, r.next_step, e.type, e.depth, e.entity_type, e.entity_id,
                   jsonb_build_object(
                       'event', jsonb_build_object('id', e.id, 'type', e.type, 'occurred_at', e.occurred_at),
                       'object', coalesce(e.payload -> 'object', '{}'::jsonb),
                       'details', coalesce(e.payload -> 'details', '{}'::jsonb),
                       'previous', coalesce(e.payload -> 'previous', '{}'::jsonb))::text AS context,
                   event_message(e) AS body
              FROM trigger_runs r
              JOIN triggers t ON t.id = r.trigger_id
              JOIN trigger_versions v ON v.trigger_id = r.trigger_id AND v.version = r.version
              JOIN events e ON e.id = r.event_id
             WHERE r.trigger_id = \(triggerID) AND r.event_id = \(eventID)
            """)
        guard let row = rows.first else { return nil }
        return TriggerRunInput(
            triggerActive: try row.decode("active"), triggerName: try row.decode("name"),
            version: try row.decode("version"), definitionJSON: try row.decode("definition"),
            secret: try row.decode("secret"), runID: try row.decode("run_id"), runStatus: try row.decode("status"),
            nextStep: try row.decode("next_step"), eventType: try row.decode("type"),
            eventDepth: try row.decode("depth"),
            entityType: try row.decode("entity_type"), entityID: try row.decode("entity_id"),
            contextJSON: try row.decode("context"), eventBody: try row.decode("body"))
    }

    /// Appends steps to a run and sets where it stands. `finished`: it ended (succeeded, skipped
    /// or failed), with its total duration since it started.
    public static func record(
        _ connection: Connection, runID: Int64, steps: [TriggerStep], status: String, nextStep: Int, error: String?
    ) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(steps), as: UTF8.self)
        let finished = status != "running" && status != "waiting"
        try connection.execute(
            """
            UPDATE trigger_runs
               SET steps = steps || \(json)::jsonb, status = \(status), next_step = \(nextStep),
                   error = \(error.map { String($0.prefix(2000)) }),
                   finished_at = CASE WHEN \(finished) THEN now() END,
                   duration_ms = CASE WHEN \(finished)
                                      THEN (extract(epoch FROM now() - started_at) * 1000)::int END
             WHERE id = \(runID)
            """)
    }

    /// The entity as it is now (for a check after a wait), as events show it.
    public static func currentObject(
        _ connection: Connection, entityType: String, entityID: Int64?
    ) throws(DatabaseError) -> String {
        let rows = try connection.query(
            "SELECT coalesce(event_object(\(entityType), \(entityID))::text, '{}') AS object")
        return try rows.first?.decode("object") ?? "{}"
    }

    /// Where emails go: the team address and the sender from the settings, and active staff of a role.
    public static func teamAddress(
        _ connection: Connection
    ) throws(DatabaseError)
        -> (team: String, sender: String, contact: String, company: String)
    {
        let rows = try connection.query(
            """
            SELECT coalesce(team_notification_email::text, '') AS team, coalesce(email_sender, '') AS sender,
                   coalesce(contact_email::text, '') AS contact, company_name FROM settings
            """)
        guard let row = rows.first else { return ("", "", "", "") }
        return (
            try row.decode("team"), try row.decode("sender"), try row.decode("contact"), try row.decode("company_name")
        )
    }

    public static func staffAddresses(_ connection: Connection, role: StaffRole) throws(DatabaseError) -> [String] {
        try connection.query(
            "SELECT email::text AS email FROM users WHERE role = \(role.rawValue) AND active ORDER BY id"
        ).map { row throws(DatabaseError) in try row.decode("email") }
    }

    /// Runs, newest first: of one trigger, or all; of one status, or all.
    /// `from` and `to` are Stockholm days (`YYYY-MM-DD`, inclusive) the run started on; `entity`
    /// the record it ran for.
    public static func runs(
        _ connection: Connection, triggerID: Int64?, status: String?, from: String? = nil, to: String? = nil,
        entity: (type: String, id: Int64)? = nil, limit: Int = 100
    ) throws -> [TriggerRunRecord] {
        try connection.query(
            """
            SELECT r.id, r.trigger_id, t.name, r.version, r.event_id, e.type, r.entity_type, r.entity_id, r.status,
                   r.steps::text AS steps, r.error, r.started_at, r.duration_ms
              FROM trigger_runs r JOIN triggers t ON t.id = r.trigger_id JOIN events e ON e.id = r.event_id
             WHERE (\(triggerID)::bigint IS NULL OR r.trigger_id = \(triggerID)::bigint)
               AND (\(status)::text IS NULL OR r.status = \(status)::text)
               AND (\(from)::date IS NULL OR r.started_at >= (\(from)::date)::timestamp AT TIME ZONE 'Europe/Stockholm')
               AND (\(to)::date IS NULL OR r.started_at < (\(to)::date + 1)::timestamp AT TIME ZONE 'Europe/Stockholm')
               AND (\(entity?.type)::text IS NULL OR (r.entity_type = \(entity?.type)::text AND r.entity_id = \(entity?.id)::bigint))
             ORDER BY r.id DESC LIMIT \(limit)
            """
        ).map { row in
            let steps: String = try row.decode("steps")
            return TriggerRunRecord(
                id: try row.decode("id"), triggerID: try row.decode("trigger_id"), triggerName: try row.decode("name"),
                version: try row.decode("version"), eventID: try row.decode("event_id"),
                eventType: try row.decode("type"),
                entityType: try row.decode("entity_type"), entityID: try row.decode("entity_id"),
                status: try row.decode("status"),
                steps: (try? JSONDecoder().decode([TriggerStep].self, from: Data(steps.utf8))) ?? [],
                error: try row.decode("error"), startedAt: try row.decode("started_at"),
                durationMilliseconds: try row.decode("duration_ms"))
        }
    }
}

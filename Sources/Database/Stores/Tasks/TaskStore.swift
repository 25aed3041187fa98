public import Domain
import Foundation

/// The tasks' SQL. Every write takes the caller's transaction and records its audit row there, so
/// a feature that makes tasks as part of its own change (a flow entering a level) creates them in
/// its transaction: `create(tx, …)`. The audit rows `task.created`, `task.completed`,
/// `task.cancelled`, `task.reassigned` and `task.commented` become events whose object is the task
/// (answers and files included once done).
public enum TaskStore {
    public enum Failure: Error, Sendable, Equatable {
        /// The form has no published version yet, or does not exist.
        case formNotPublished
    }

    /// Which of a member's tasks a list shows.
    public enum Filter: String, Sendable, CaseIterable {
        case open, overdue, done, all
    }

    /// The only customer a task about these records may be given to: the booking's, the
    /// quotation's, or the customer itself (nil: none of them exists).
    public static func recordCustomer(
        _ connection: Connection, booking: BookingID?, quotation: QuotationID?, customer: CustomerID?
    ) throws -> CustomerID? {
        let rows = try connection.query(
            """
            SELECT coalesce((SELECT customer_id FROM bookings WHERE id = \(booking?.rawValue)),
                            (SELECT customer_id FROM quotations WHERE id = \(quotation?.rawValue)),
                            (SELECT id FROM customers WHERE id = \(customer?.rawValue))) AS customer_id
            """)
        return (try rows.first?.decode("customer_id") as Int64?).map(CustomerID.init(rawValue:))
    }

    /// Creates a task on the newest published version of `task.formID`, in `tx`.
    /// - Throws: `Failure.formNotPublished`, `DatabaseError` (a missing booking, user, department…).
    public static func create(_ tx: Connection, _ task: NewTask, actor: AuditActor) throws -> TaskID {
        guard let version = try FormStore.newestVersion(tx, of: task.formID) else { throw Failure.formNotPublished }
        let a = assigneeColumns(task.assignee)
        let id: Int64 = try tx.query(
            """
            INSERT INTO tasks (form_version_id, title, assignee_kind, assignee_user_id, assignee_role,
                               assignee_department_id, assignee_position_id, assignee_customer_id, due_on,
                               booking_id, quotation_id, customer_id, created_by)
            VALUES (\(version.id.rawValue), \(task.title), \(task.assignee.kind), \(a.user), \(a.role), \(a.department),
                    \(a.position), \(a.customer), \(task.dueOn?.iso)::date, \(task.bookingID?.rawValue),
                    \(task.quotationID?.rawValue), \(task.customerID?.rawValue), \(actor.userID?.rawValue))
            RETURNING id
            """)[0].decode("id")
        try AuditStore.record(
            tx, actor: actor, entity: "task", entityID: id, action: "created",
            after: [
                "title": task.title, "form": version.name, "form_version": String(version.version),
                "assignee": task.assignee.token, "due_on": task.dueOn?.iso ?? "",
            ])
        return TaskID(rawValue: id)
    }

    static func assigneeColumns(
        _ assignee: TaskAssignee
    ) -> (user: Int64?, role: String?, department: Int64?, position: Int64?, customer: Int64?) {
        switch assignee {
        case .user(let id): (id.rawValue, nil, nil, nil, nil)
        case .role(let role): (nil, role.rawValue, nil, nil, nil)
        case .department(let id): (nil, nil, id.rawValue, nil, nil)
        case .position(let id): (nil, nil, nil, id.rawValue, nil)
        case .customer(let id): (nil, nil, nil, nil, id.rawValue)
        }
    }

    /// The columns `summary(_:)` reads; join with `FROM tasks t` + `summaryJoins`.
    static let summaryColumns: Query = """
        t.id, t.title, t.state, t.due_on::text AS due_on, v.form_id, t.form_version_id, v.name AS form_name,
        t.assignee_kind, t.assignee_user_id, t.assignee_role, t.assignee_department_id, t.assignee_position_id,
        t.assignee_customer_id,
        coalesce(au.name, t.assignee_role, ad.name, ap.name || ' (' || apd.name || ')', ac.name, '') AS assignee_name,
        t.booking_id, b.number AS booking_number, t.quotation_id, q.number AS quotation_number,
        t.customer_id, c.name AS customer_name
        """
    static let summaryJoins: Query = """
        JOIN form_versions v ON v.id = t.form_version_id
        LEFT JOIN users au ON au.id = t.assignee_user_id
        LEFT JOIN departments ad ON ad.id = t.assignee_department_id
        LEFT JOIN positions ap ON ap.id = t.assignee_position_id
        LEFT JOIN departments apd ON apd.id = ap.department_id
        LEFT JOIN customers ac ON ac.id = t.assignee_customer_id
        LEFT JOIN bookings b ON b.id = t.booking_id
        LEFT JOIN quotations q ON q.id = t.quotation_id
        LEFT JOIN customers c ON c.id = t.customer_id
        """

    static func summary(_ row: Row) throws -> TaskSummary {
        let stateText: String = try row.decode("state")
        guard let state = TaskState(rawValue: stateText) else {
            throw DatabaseError(.decoding(column: "state"), message: stateText)
        }
        return TaskSummary(
            id: TaskID(rawValue: try row.decode("id")), title: try row.decode("title"), state: state,
            formID: FormID(rawValue: try row.decode("form_id")),
            formVersionID: FormVersionID(rawValue: try row.decode("form_version_id")),
            formName: try row.decode("form_name"), assignee: try assignee(row),
            assigneeName: try row.decode("assignee_name"),
            dueOn: try (row.decode("due_on") as String?).map { try CalendarDate(iso: $0) },
            bookingID: (try row.decode("booking_id") as Int64?).map(BookingID.init(rawValue:)),
            bookingNumber: try row.decode("booking_number"),
            quotationID: (try row.decode("quotation_id") as Int64?).map(QuotationID.init(rawValue:)),
            quotationNumber: try row.decode("quotation_number"),
            customerID: (try row.decode("customer_id") as Int64?).map(CustomerID.init(rawValue:)),
            customerName: try row.decode("customer_name"))
    }

    static func assignee(_ row: Row) throws -> TaskAssignee {
        let kind: String = try row.decode("assignee_kind")
        switch kind {
        case "user": return .user(UserID(rawValue: try row.decode("assignee_user_id")))
        case "role":
            let text: String = try row.decode("assignee_role")
            guard let role = StaffRole(rawValue: text) else {
                throw DatabaseError(.decoding(column: "assignee_role"), message: text)
            }
            return .role(role)
        case "department": return .department(DepartmentID(rawValue: try row.decode("assignee_department_id")))
        case "position": return .position(PositionID(rawValue: try row.decode("assignee_position_id")))
        case "customer": return .customer(CustomerID(rawValue: try row.decode("assignee_customer_id")))
        default: throw DatabaseError(.decoding(column: "assignee_kind"), message: kind)
        }
    }

    static func filterClause(_ filter: Filter, today: CalendarDate) -> Query {
        switch filter {
        case .open: "t.state = 'open'"
        case .overdue: "t.state = 'open' AND t.due_on < \(today.iso)::date"
        case .done: "t.state = 'done'"
        case .all: "true"
        }
    }

    static func order(_ filter: Filter) -> Query {
        filter == .done || filter == .all
            ? "ORDER BY t.completed_at DESC NULLS FIRST, t.id DESC LIMIT 200"
            : "ORDER BY t.due_on NULLS LAST, t.id LIMIT 500"
    }

    /// A staff member's tasks: assigned to them, to their access role, to their position, or to
    /// their department or a department above it (a task for "Lager och logistik" is for everyone
    /// placed there, sub-departments included).
    public static func forStaff(
        _ connection: Connection, _ member: StaffMember, filter: Filter = .open, today: CalendarDate
    ) throws -> [TaskSummary] {
        try connection.query(
            """
            WITH RECURSIVE mine AS (
                SELECT p.id AS position_id, p.department_id
                  FROM staff_placements s JOIN positions p ON p.id = s.position_id
                 WHERE s.user_id = \(member.id.rawValue)),
            up (id, parent_id) AS (
                SELECT d.id, d.parent_id FROM departments d WHERE d.id IN (SELECT department_id FROM mine)
                UNION
                SELECT d.id, d.parent_id FROM departments d JOIN up ON d.id = up.parent_id)
            SELECT \(fragment: summaryColumns)
              FROM tasks t \(fragment: summaryJoins)
             WHERE (\(fragment: filterClause(filter, today: today)))
               AND (t.assignee_user_id = \(member.id.rawValue)
                    OR t.assignee_role = \(member.role.rawValue)
                    OR t.assignee_position_id IN (SELECT position_id FROM mine)
                    OR t.assignee_department_id IN (SELECT id FROM up))
             \(fragment: order(filter))
            """
        ).map(summary)
    }

    /// The tasks linked to a booking, oldest first.
    public static func forBooking(_ connection: Connection, _ booking: BookingID) throws -> [TaskSummary] {
        try linked(connection, "t.booking_id = \(booking.rawValue)")
    }

    public static func forQuotation(_ connection: Connection, _ quotation: QuotationID) throws -> [TaskSummary] {
        try linked(connection, "t.quotation_id = \(quotation.rawValue)")
    }

    /// The tasks about a customer: linked to them, or to one of their bookings or quotations.
    public static func forCustomerRecord(_ connection: Connection, _ customer: CustomerID) throws -> [TaskSummary] {
        try linked(
            connection,
            """
            (t.customer_id = \(customer.rawValue) OR b.customer_id = \(customer.rawValue)
             OR q.customer_id = \(customer.rawValue) OR t.assignee_customer_id = \(customer.rawValue))
            """)
    }

    /// The tasks the customer is to fill (in the portal), open first.
    public static func assignedToCustomer(
        _ connection: Connection, _ customer: CustomerID
    ) throws -> [TaskSummary] {
        try connection.query(
            """
            SELECT \(fragment: summaryColumns) FROM tasks t \(fragment: summaryJoins)
             WHERE t.assignee_customer_id = \(customer.rawValue) AND t.state <> 'cancelled'
             ORDER BY t.state = 'open' DESC, t.due_on NULLS LAST, t.id
            """
        ).map(summary)
    }

    static func linked(_ connection: Connection, _ condition: Query) throws -> [TaskSummary] {
        try connection.query(
            """
            SELECT \(fragment: summaryColumns) FROM tasks t \(fragment: summaryJoins)
             WHERE \(fragment: condition)
             ORDER BY t.state = 'open' DESC, t.due_on NULLS LAST, t.id
            """
        ).map(summary)
    }

    /// A task with its form version, answers, files and comments; `lock` takes the row for update.
    public static func task(_ connection: Connection, _ id: TaskID, lock: Bool = false) throws -> TaskDetail? {
        let lockClause: Query = lock ? "FOR UPDATE OF t" : ""
        guard
            let row = try connection.query(
                """
                SELECT \(fragment: summaryColumns), t.answers::text AS answers, t.completed_at,
                       cb.name AS created_by_name, coalesce(ku.name, kc.name) AS completed_by_name
                  FROM tasks t \(fragment: summaryJoins)
                  LEFT JOIN users cb ON cb.id = t.created_by
                  LEFT JOIN users ku ON ku.id = t.completed_by_user_id
                  LEFT JOIN customers kc ON kc.id = t.completed_by_customer_id
                 WHERE t.id = \(id.rawValue) \(fragment: lockClause)
                """
            ).first
        else { return nil }
        let summary = try summary(row)
        guard let form = try FormStore.version(connection, summary.formVersionID) else { return nil }
        let answers = try (row.decode("answers") as String?).map { text -> [String: JSONValue] in
            guard case .object(let fields) = try JSONValue(json: text) else { return [:] }
            return fields
        }
        return TaskDetail(
            summary: summary, form: form, answers: answers, files: try files(connection, of: id),
            comments: try comments(connection, of: id), createdByName: try row.decode("created_by_name"),
            completedAt: try row.decode("completed_at"), completedByName: try row.decode("completed_by_name"))
    }

    public static func files(_ connection: Connection, of task: TaskID) throws -> [TaskFileInfo] {
        try connection.query(
            "SELECT id, field_key, name, content_type, size FROM task_files WHERE task_id = \(task.rawValue) ORDER BY id"
        ).map { row in
            TaskFileInfo(
                id: TaskFileID(rawValue: try row.decode("id")), field: try row.decode("field_key"),
                name: try row.decode("name"), contentType: try row.decode("content_type"), size: try row.decode("size"))
        }
    }

    /// One file's content, with the task it belongs to (the caller checks who may see that task).
    public static func file(
        _ connection: Connection, _ id: TaskFileID
    ) throws -> (task: TaskID, info: TaskFileInfo, content: [UInt8])? {
        guard
            let row = try connection.query(
                """
                SELECT id, task_id, field_key, name, content_type, size, content FROM task_files
                 WHERE id = \(id.rawValue)
                """
            ).first
        else { return nil }
        return (
            TaskID(rawValue: try row.decode("task_id")),
            TaskFileInfo(
                id: id, field: try row.decode("field_key"), name: try row.decode("name"),
                contentType: try row.decode("content_type"), size: try row.decode("size")),
            try row.decode("content")
        )
    }

    public static func comments(_ connection: Connection, of task: TaskID) throws -> [TaskComment] {
        try connection.query(
            """
            SELECT coalesce(u.name, c.name, '') AS author, k.author_customer_id IS NOT NULL AS by_customer, k.body,
                   k.created_at
              FROM task_comments k
              LEFT JOIN users u ON u.id = k.author_user_id
              LEFT JOIN customers c ON c.id = k.author_customer_id
             WHERE k.task_id = \(task.rawValue) ORDER BY k.id
            """
        ).map { row in
            TaskComment(
                authorName: try row.decode("author"), byCustomer: try row.decode("by_customer"),
                body: try row.decode("body"), createdAt: try row.decode("created_at"))
        }
    }

    /// Stores the answers (checked by `FormAnswers.validate` against the task's version) and the
    /// uploaded files, and marks the task done, with its audit row (`task.completed`, whose event
    /// carries the answers in `object.answers`). `customer` is set when the customer completed it.
    public static func complete(
        _ tx: Connection, _ task: TaskID, answers: [String: JSONValue], uploads: [TaskUpload],
        actor: AuditActor, customer: CustomerID? = nil
    ) throws {
        for upload in uploads {
            try addFile(tx, task, upload, actor: actor, customer: customer)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(JSONValue.object(answers)), as: UTF8.self)
        try tx.execute(
            """
            UPDATE tasks SET state = 'done', answers = \(json)::jsonb, completed_at = now(),
                             completed_by_user_id = \(customer == nil ? actor.userID?.rawValue : nil),
                             completed_by_customer_id = \(customer?.rawValue)
             WHERE id = \(task.rawValue) AND state = 'open'
            """)
        try AuditStore.record(
            tx, actor: actor, entity: "task", entityID: task.rawValue, action: "completed",
            before: ["state": "open"], after: ["state": "done", "files": String(uploads.count)])
    }

    static func addFile(
        _ tx: Connection, _ task: TaskID, _ upload: TaskUpload, actor: AuditActor, customer: CustomerID?
    ) throws {
        try tx.execute(
            """
            INSERT INTO task_files (task_id, field_key, name, content_type, size, sha256, content,
                                    uploaded_by_user_id, uploaded_by_customer_id)
            VALUES (\(task.rawValue), \(upload.field), \(upload.name), \(upload.contentType), \(upload.content.count),
                    \(SHA256.hash(upload.content)), \(upload.content),
                    \(customer == nil ? actor.userID?.rawValue : nil), \(customer?.rawValue))
            """)
    }

    public static func cancel(_ tx: Connection, _ task: TaskID, actor: AuditActor) throws {
        guard
            try tx.execute(
                "UPDATE tasks SET state = 'cancelled', cancelled_at = now() WHERE id = \(task.rawValue) AND state = 'open'"
            )
                == 1
        else { return }
        try AuditStore.record(
            tx, actor: actor, entity: "task", entityID: task.rawValue, action: "cancelled",
            before: ["state": "open"], after: ["state": "cancelled"])
    }

    /// Gives an open task to `assignee` with `dueOn`; a moved due date may be reminded of again.
    public static func reassign(
        _ tx: Connection, _ task: TaskID, to assignee: TaskAssignee, dueOn: CalendarDate?, actor: AuditActor
    ) throws {
        guard
            let row = try tx.query(
                """
                SELECT assignee_kind, assignee_user_id, assignee_role, assignee_department_id, assignee_position_id,
                       assignee_customer_id, due_on::text AS due_on
                  FROM tasks WHERE id = \(task.rawValue) AND state = 'open' FOR UPDATE
                """
            ).first
        else { return }
        let before = [
            "assignee": try TaskStore.assignee(row).token, "due_on": try row.decode("due_on") as String? ?? "",
        ]
        let after = ["assignee": assignee.token, "due_on": dueOn?.iso ?? ""]
        guard let diff = AuditStore.changes(from: before, to: after) else { return }
        let a = assigneeColumns(assignee)
        try tx.execute(
            """
            UPDATE tasks SET assignee_kind = \(assignee.kind), assignee_user_id = \(a.user), assignee_role = \(a.role),
                             assignee_department_id = \(a.department), assignee_position_id = \(a.position),
                             assignee_customer_id = \(a.customer), due_on = \(dueOn?.iso)::date,
                             due_soon_emitted_at = CASE WHEN due_on IS DISTINCT FROM \(dueOn?.iso)::date
                                                        THEN NULL ELSE due_soon_emitted_at END,
                             overdue_emitted_at = CASE WHEN due_on IS DISTINCT FROM \(dueOn?.iso)::date
                                                       THEN NULL ELSE overdue_emitted_at END
             WHERE id = \(task.rawValue)
            """)
        try AuditStore.record(
            tx, actor: actor, entity: "task", entityID: task.rawValue, action: "reassigned", before: diff.before,
            after: diff.after)
    }

    /// A comment by a staff member (`actor`) or, with `customer`, by the customer.
    public static func comment(
        _ tx: Connection, _ task: TaskID, body: String, actor: AuditActor, customer: CustomerID? = nil
    ) throws {
        try tx.execute(
            """
            INSERT INTO task_comments (task_id, author_user_id, author_customer_id, body)
            VALUES (\(task.rawValue), \(customer == nil ? actor.userID?.rawValue : nil), \(customer?.rawValue), \(body))
            """)
        try AuditStore.record(
            tx, actor: actor, entity: "task", entityID: task.rawValue, action: "commented",
            after: ["comment": String(body.prefix(200))])
    }
}

extension TaskStore {
    /// The addresses of a task event's assignee (`object.assignee` in `context`): the member; every
    /// active member of the role, placed in the department or a department inside it, or holding
    /// the position; or the customer.
    public static func assigneeAddresses(
        _ connection: Connection, context: JSONValue
    ) throws(DatabaseError) -> [String] {
        func id(_ path: String) -> Int64? {
            if case .number(let value)? = context[path: path] { return Int64(value) }
            return nil
        }
        func text(_ path: String) -> String? {
            if case .string(let value)? = context[path: path], !value.isEmpty { return value }
            return nil
        }
        guard let kind = text("object.assignee.kind") else { return [] }
        switch kind {
        case "user": return text("object.assignee.user.email").map { [$0] } ?? []
        case "customer": return text("object.assignee.customer.email").map { [$0] } ?? []
        case "role":
            guard let role = text("object.assignee.role").flatMap(StaffRole.init(rawValue:)) else { return [] }
            return try TriggerStore.staffAddresses(connection, role: role)
        case "department":
            guard let department = id("object.assignee.department.id") else { return [] }
            return try connection.query(
                """
                WITH RECURSIVE tree (id) AS (
                    SELECT id FROM departments WHERE id = \(department)
                    UNION
                    SELECT d.id FROM departments d JOIN tree ON d.parent_id = tree.id)
                SELECT u.email::text AS email
                  FROM staff_placements s JOIN positions p ON p.id = s.position_id JOIN users u ON u.id = s.user_id
                 WHERE p.department_id IN (SELECT id FROM tree) AND u.active ORDER BY u.id
                """
            ).map { row throws(DatabaseError) in try row.decode("email") }
        case "position":
            guard let position = id("object.assignee.position.id") else { return [] }
            return try connection.query(
                """
                SELECT u.email::text AS email FROM staff_placements s JOIN users u ON u.id = s.user_id
                 WHERE s.position_id = \(position) AND u.active ORDER BY u.id
                """
            ).map { row throws(DatabaseError) in try row.decode("email") }
        default: return []
        }
    }

    /// The reminder sweep: emits `task.due_soon` for open tasks due today or tomorrow and
    /// `task.overdue` for open tasks past their due date, each once per task and due date (a moved
    /// due date may be reminded of again). One transaction; returns how many events it wrote.
    public static func emitReminders(_ connection: Connection, today: CalendarDate) throws -> Int {
        try connection.transaction { tx in
            let soon = try tx.query(
                """
                WITH due AS (
                    UPDATE tasks SET due_soon_emitted_at = now()
                     WHERE state = 'open' AND due_soon_emitted_at IS NULL
                       AND due_on BETWEEN \(today.iso)::date AND \(today.iso)::date + 1
                    RETURNING id, due_on)
                SELECT count(emit_event('task.due_soon', 'task', id, 'system', NULL,
                                        jsonb_build_object('due_on', due_on)))::int AS n FROM due
                """)[0].decode("n", as: Int.self)
            let late = try tx.query(
                """
                WITH due AS (
                    UPDATE tasks SET overdue_emitted_at = now()
                     WHERE state = 'open' AND overdue_emitted_at IS NULL AND due_on < \(today.iso)::date
                    RETURNING id, due_on)
                SELECT count(emit_event('task.overdue', 'task', id, 'system', NULL,
                                        jsonb_build_object('due_on', due_on)))::int AS n FROM due
                """)[0].decode("n", as: Int.self)
            return soon + late
        }
    }
}

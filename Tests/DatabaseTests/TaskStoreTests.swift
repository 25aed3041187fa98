import Domain
import TestSupport
import Testing
import UseCases

@testable import Database

/// Forms and tasks against a real PostgreSQL: who sees a task in "My tasks" through the company
/// structure, completing it in one transaction (answers, files, event) or not at all, and versions.
@Suite("Task store: assignment through the structure, completion, versions")
struct TaskStoreTests {
    static let actor = AuditActor(kind: .system)
    static let today = try! CalendarDate(iso: "2026-06-10")

    static let survey = FormDefinition(sections: [
        FormSection(
            title: "Plats",
            fields: [
                FormField(
                    key: "ground", label: "Underlag", kind: .choice, required: true, options: ["gräs", "asfalt"]),
                FormField(key: "truck_access", label: "Framkomligt för lastbil", kind: .yesNo, required: true),
                FormField(
                    key: "access_notes", label: "Beskriv framkomligheten", kind: .longText, required: true,
                    visibleWhen: FieldCondition(field: "truck_access", equals: "no")),
                FormField(key: "photos", label: "Foton", kind: .file),
            ])
    ])

    struct Company {
        let db: Connection
        let users: [String: StaffMember]
        let departments: [String: DepartmentID]
        let positions: [String: PositionID]
    }

    /// Ledning ⊃ {Sälj ⊃ Event, Lager}; Maria Säljare, Åke Eventsäljare, Jöns Lagerchef (warehouse).
    static func company(_ name: String) throws -> Company {
        let db = try TestDatabase.migrated(name)
        var users: [String: StaffMember] = [:]
        for (person, role) in [("Maria", StaffRole.manager), ("Åke", .support), ("Jöns", .warehouse)] {
            let id = try UserStore.create(
                db, email: "\(person.lowercased())@s.se", name: person, role: role, locale: .sv, passwordHash: "!",
                actor: actor)
            users[person] = StaffMember(id: id, email: "\(person)@s.se", name: person, role: role, locale: .sv)
        }
        func add(_ change: StructureChange) throws -> Int64 {
            let outcome = try ChangeStructure.run(db, change, actor: actor)
            guard case .done(let id?) = outcome else { throw TestFailure("\(change): \(outcome)") }
            return id
        }
        var departments: [String: DepartmentID] = [:]
        for (name, parent) in [("Ledning", nil), ("Sälj", "Ledning"), ("Event", "Sälj"), ("Lager", "Ledning")] {
            departments[name] = DepartmentID(
                rawValue: try add(.addDepartment(name: name, parent: parent.flatMap { departments[$0] })))
        }
        var positions: [String: PositionID] = [:]
        for (name, department) in [("Säljare", "Sälj"), ("Eventsäljare", "Event"), ("Lagerchef", "Lager")] {
            positions[name] = PositionID(
                rawValue: try add(.addPosition(name: name, department: departments[department]!)))
        }
        for (person, position) in [("Maria", "Säljare"), ("Åke", "Eventsäljare"), ("Jöns", "Lagerchef")] {
            _ = try ChangeStructure.run(
                db, .place(users[person]!.id, position: positions[position], manager: nil), actor: actor)
        }
        return Company(db: db, users: users, departments: departments, positions: positions)
    }

    static func publishedSurvey(_ db: Connection) throws -> FormID {
        try db.transaction { tx in
            let form = try FormStore.create(tx, name: "Platsbesök", draft: survey, actor: actor)
            try FormStore.publish(tx, form, actor: actor)
            return form
        }
    }

    static func task(_ db: Connection, _ form: FormID, _ assignee: TaskAssignee, due: String? = nil) throws -> TaskID {
        try db.transaction { tx in
            try TaskStore.create(
                tx,
                NewTask(formID: form, title: "Besök", assignee: assignee, dueOn: due.map { try CalendarDate(iso: $0) }),
                actor: actor)
        }
    }

    @Test func aTaskForADepartmentIsEveryoneThereIncludingSubDepartments() throws {
        let company = try Self.company("tasks_assignment")
        let db = company.db
        let form = try Self.publishedSurvey(db)
        let forSales = try Self.task(db, form, .department(company.departments["Sälj"]!), due: "2026-06-01")
        let forWarehouseChief = try Self.task(db, form, .position(company.positions["Lagerchef"]!))
        let forSupport = try Self.task(db, form, .role(.support))
        let forMaria = try Self.task(db, form, .user(company.users["Maria"]!.id))

        func mine(_ person: String, _ filter: TaskStore.Filter = .open) throws -> Set<TaskID> {
            Set(try TaskStore.forStaff(db, company.users[person]!, filter: filter, today: Self.today).map(\.id))
        }
        #expect(try mine("Maria") == [forSales, forMaria])
        #expect(try mine("Åke") == [forSales, forSupport], "Event is inside Sälj; Åke's access role is support")
        #expect(try mine("Jöns") == [forWarehouseChief])
        #expect(try mine("Åke", .overdue) == [forSales])
        let listed = try TaskStore.forStaff(db, company.users["Jöns"]!, today: Self.today)
        #expect(listed.first?.assigneeName == "Lagerchef (Lager)")
        #expect(listed.first?.formName == "Platsbesök")
    }

    @Test func completingStoresAnswersAndFilesAndEmitsTheEventOrNothingAtAll() throws {
        let company = try Self.company("tasks_complete")
        let db = company.db
        let form = try Self.publishedSurvey(db)
        let task = try Self.task(db, form, .user(company.users["Jöns"]!.id))
        let photo = TaskUpload(field: "photos", name: "gata.jpg", contentType: "image/jpeg", content: [1, 2, 3])

        // "No" access shows the description, which is required: refused, nothing stored.
        let refused = try CompleteTask.run(
            db, task, submitted: ["ground": ["gräs"], "truck_access": ["no"]], uploads: [photo], actor: Self.actor)
        guard case .refused(let problems) = refused else { throw TestFailure("\(refused)") }
        #expect(problems.map(\.field) == ["access_notes"])
        #expect(problems.first?.message(.sv) == "Beskriv framkomligheten: fyll i det här fältet.")
        #expect(try TaskStore.task(db, task)?.summary.state == .open)
        #expect(try TaskStore.files(db, of: task).isEmpty)
        #expect(
            try db.query("SELECT count(*)::int AS n FROM events WHERE type = 'task.completed'")[0].decode(
                "n", as: Int.self) == 0)

        // "Yes" hides it: a posted description is ignored, not stored.
        let outcome = try CompleteTask.run(
            db, task, submitted: ["ground": ["gräs"], "truck_access": ["yes"], "access_notes": ["smal grind"]],
            uploads: [photo], actor: Self.actor)
        #expect(outcome == .done)
        let done = try #require(try TaskStore.task(db, task))
        #expect(done.summary.state == .done)
        #expect(
            done.answers == [
                "ground": .string("gräs"), "truck_access": .bool(true), "photos": .array([.string("gata.jpg")]),
            ])
        #expect(done.files.map(\.name) == ["gata.jpg"])
        let stored = try db.query(
            "SELECT encode(sha256, 'hex') AS h, size FROM task_files WHERE task_id = \(task.rawValue)")[0]
        #expect(try stored.decode("h", as: String.self) == SHA256.digest([1, 2, 3]).hex)
        let payload: String = try db.query(
            "SELECT payload::text AS p FROM events WHERE type = 'task.completed' AND entity_id = \(task.rawValue)")[0]
            .decode("p")
        let event = try JSONValue(json: payload)
        #expect(event[path: "object.answers.ground"] == .string("gräs"))
        #expect(event[path: "object.state"] == .string("done"))
        #expect(event[path: "object.files.0.name"] == .string("gata.jpg"))
        #expect(try CompleteTask.run(db, task, submitted: [:], uploads: [], actor: Self.actor) == .notOpen(.done))
    }

    @Test func aTaskKeepsTheVersionItWasCreatedWith() throws {
        let company = try Self.company("tasks_versions")
        let db = company.db
        let form = try Self.publishedSurvey(db)
        let old = try Self.task(db, form, .role(.warehouse))
        var changed = Self.survey
        changed.sections[0].fields.append(FormField(key: "power", label: "El finns", kind: .yesNo, required: true))
        try db.transaction { tx in
            try FormStore.saveDraft(
                tx, form, name: "Platsbesök", description: "", forCustomer: false, draft: changed, actor: Self.actor)
            try FormStore.publish(tx, form, actor: Self.actor)
        }
        let new = try Self.task(db, form, .role(.warehouse))
        #expect(try TaskStore.task(db, old)?.form.version == 1)
        #expect(try TaskStore.task(db, new)?.form.version == 2)
        #expect(try TaskStore.task(db, new)?.form.definition.field("power") != nil)
        // The old one completes without the field version 2 added.
        #expect(
            try CompleteTask.run(
                db, old, submitted: ["ground": ["asfalt"], "truck_access": ["yes"]], uploads: [], actor: Self.actor)
                == .done)
        #expect(try FormStore.forms(db).first?.version == 2)
    }

    @Test func theSweepRemindsOncePerTaskAndDueDateAndReachesTheAssignee() throws {
        let company = try Self.company("tasks_reminders")
        let db = company.db
        let form = try Self.publishedSurvey(db)
        let late = try Self.task(db, form, .department(company.departments["Sälj"]!), due: "2026-06-01")
        let soon = try Self.task(db, form, .position(company.positions["Lagerchef"]!), due: "2026-06-11")
        _ = try Self.task(db, form, .role(.warehouse), due: "2026-07-01")
        _ = try Self.task(db, form, .role(.warehouse))
        #expect(try TaskStore.emitReminders(db, today: Self.today) == 2)
        #expect(try TaskStore.emitReminders(db, today: Self.today) == 0, "once per task")
        func events(_ type: String) throws -> [Int64] {
            try db.query("SELECT entity_id FROM events WHERE type = \(type) ORDER BY id").map {
                try $0.decode("entity_id")
            }
        }
        #expect(try events("task.overdue") == [late.rawValue])
        #expect(try events("task.due_soon") == [soon.rawValue])
        // Moving the due date reminds again.
        try db.transaction { tx in
            try TaskStore.reassign(
                tx, soon, to: .position(company.positions["Lagerchef"]!),
                dueOn: try CalendarDate(iso: "2026-06-10"), actor: Self.actor)
        }
        #expect(try TaskStore.emitReminders(db, today: Self.today) == 1)

        func recipients(_ task: TaskID) throws -> [String] {
            let payload: String = try db.query(
                "SELECT payload::text AS p FROM events WHERE entity_id = \(task.rawValue) AND type LIKE 'task.%' ORDER BY id DESC LIMIT 1"
            )[0].decode("p")
            return try TaskStore.assigneeAddresses(db, context: try JSONValue(json: payload)).sorted()
        }
        #expect(try recipients(late) == ["maria@s.se", "åke@s.se"], "Sälj and Event inside it")
        #expect(try recipients(soon) == ["jöns@s.se"])

        // The built-in reminder triggers are on, email the assignee, and their text fills in.
        for (builtin, type) in [("task_due_soon", "task.due_soon"), ("task_overdue", "task.overdue")] {
            let row = try db.query(
                """
                SELECT t.active, t.event_type, v.definition::text AS d FROM triggers t
                  JOIN trigger_versions v ON v.trigger_id = t.id AND v.version = 1 WHERE t.builtin = \(builtin)
                """)[0]
            #expect(try row.decode("active", as: Bool.self))
            #expect(try row.decode("event_type", as: String.self) == type)
            let definition = try TriggerDefinition.parse(try row.decode("d"))
            guard case .email(let to, let subject, _)? = definition.actions.first else {
                Issue.record("\(builtin): \(definition.actions)")
                continue
            }
            #expect(to == .assignee)
            let payload: String = try db.query(
                "SELECT payload::text AS p FROM events WHERE type = \(type) ORDER BY id LIMIT 1")[0].decode("p")
            let rendered = TriggerEvaluation.render(subject, in: try JSONValue(json: payload))
            #expect(rendered.missing.isEmpty && rendered.text.contains("Besök"), "\(rendered)")
        }
    }
}

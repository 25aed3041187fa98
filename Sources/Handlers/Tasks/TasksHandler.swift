import Database
import Domain
import Foundation
import HTTP
import Routing
import Templates
import UseCases

/// `/admin/tasks…`: "My tasks" and the task page for every staff member; giving, reassigning and
/// cancelling tasks for managers and admins. A task is filled and completed by its assignee (the
/// member, or anyone of the role, position or department it was given to) or by a manager or
/// admin; `CompleteTask` checks the answers against the task's form version, and a refusal answers
/// 422 with the reasons next to their fields, nothing stored.
enum TasksHandler {
    static func handle(_ route: TasksRoute, _ admin: AdminContext) throws -> Response {
        switch route {
        case .mine(let show):
            let filter: TaskStore.Filter =
                switch show {
                case .open: .open
                case .overdue: .overdue
                case .done: .done
                }
            let today = BusinessCalendar.today()
            let tasks = try TaskStore.forStaff(try admin.connection(), admin.user, filter: filter, today: today)
            return admin.html(MyTasksPage.render(tasks, show: show, today: today, admin: try admin.page()))
        case .create: return try create(admin)
        case .show(let id): return try show(id, admin)
        case .complete(let id): return try complete(id, admin)
        case .comment(let id): return try comment(id, admin)
        case .cancel(let id):
            try admin.connection().transaction { tx in
                try TaskStore.cancel(tx, id, actor: admin.actor)
                // A flow's task: a cancelled task finishes its level as a completed one does.
                try FlowEngine.taskFinished(tx, task: id.rawValue, actor: admin.actor)
            }
            return admin.redirect(to: .admin(.tasks(.show(id))), flash: .saved)
        case .reassign(let id): return try reassign(id, admin)
        case .file(let id): return try file(id, admin)
        }
    }

    // MARK: Who

    /// Whether the task is the member's: given to them, their access role, their position, or
    /// their department or one above it.
    static func isMine(_ assignee: TaskAssignee, _ member: StaffMember, _ structure: CompanyStructure) -> Bool {
        let position = structure.person(member.id)?.positionID.flatMap { structure.position($0) }
        switch assignee {
        case .user(let id): return id == member.id
        case .role(let role): return role == member.role
        case .position(let id): return position?.id == id
        case .department(let id):
            guard let position else { return false }
            return structure.path(to: position.departmentID).contains { $0.id == id }
        case .customer: return false
        }
    }

    static func mayComplete(_ task: TaskDetail, _ admin: AdminContext, _ structure: CompanyStructure) -> Bool {
        [.admin, .manager].contains(admin.user.role) || isMine(task.summary.assignee, admin.user, structure)
    }

    /// The forms and assignees a task can be given; `customer` when the record has one.
    static func choices(
        _ db: Connection, _ structure: CompanyStructure, customer: (id: CustomerID, name: String)?
    ) throws -> TaskChoices {
        TaskChoices(
            forms: try FormStore.publishedForms(db).map { ($0.id, $0.name, $0.forCustomer) },
            people: structure.people.filter(\.active).map { ($0.member.id, $0.member.name) },
            departments: structure.departments.map { department in
                (department.id, structure.path(to: department.id).map(\.name).joined(separator: " › "))
            },
            positions: structure.positions.map { position in
                (position.id, "\(position.name) (\(structure.department(position.departmentID)?.name ?? ""))")
            },
            customer: customer)
    }

    /// For the booking, quotation and customer pages: their tasks card.
    static func cardData(
        _ db: Connection, _ owner: TasksCard.Owner, customer: (id: CustomerID, name: String)?, _ admin: AdminContext
    ) throws -> TasksCardData {
        let card = try card(db, owner, customer: customer, admin)
        return TasksCardData(tasks: card.tasks, choices: card.choices, owner: owner)
    }

    static func card(
        _ db: Connection, _ owner: TasksCard.Owner, customer: (id: CustomerID, name: String)?, _ admin: AdminContext
    ) throws -> (tasks: [TaskSummary], choices: TaskChoices?) {
        let tasks: [TaskSummary]
        switch owner {
        case .booking(let id): tasks = try TaskStore.forBooking(db, id)
        case .quotation(let id): tasks = try TaskStore.forQuotation(db, id)
        case .customer(let id): tasks = try TaskStore.forCustomerRecord(db, id)
        }
        guard [.admin, .manager].contains(admin.user.role) else { return (tasks, nil) }
        var customer = customer
        if customer == nil, case .quotation(let id) = owner {
            customer = try db.query(
                "SELECT c.id, c.name FROM quotations q JOIN customers c ON c.id = q.customer_id WHERE q.id = \(id.rawValue)"
            ).first.map { (CustomerID(rawValue: try $0.decode("id")), try $0.decode("name")) }
        }
        return (tasks, try choices(db, try StructureStore.structure(db), customer: customer))
    }

    // MARK: Pages

    static func show(
        _ id: TaskID, _ admin: AdminContext, values: [String: [String]] = [:], errors: [String: String] = [:],
        notice: String? = nil, commentForm: FormState = FormState(), status: HTTPStatus = .ok
    ) throws -> Response {
        let db = try admin.connection()
        guard let task = try TaskStore.task(db, id) else { throw HTTPError(.notFound) }
        let structure = try StructureStore.structure(db)
        var choices: TaskChoices?
        if [.admin, .manager].contains(admin.user.role) {
            let customer = try customerOf(db, task.summary)
            choices = try Self.choices(db, structure, customer: customer)
        }
        let model = TaskPage.Model(
            task: task, mayComplete: mayComplete(task, admin, structure), values: values, errors: errors,
            notice: notice,
            choices: choices, today: BusinessCalendar.today())
        return admin.html(TaskPage.render(model, commentForm: commentForm, admin: try admin.page()), status: status)
    }

    /// The customer a task's record belongs to (whom it could be given to).
    static func customerOf(_ db: Connection, _ task: TaskSummary) throws -> (id: CustomerID, name: String)? {
        let rows = try db.query(
            """
            SELECT c.id, c.name FROM customers c
             WHERE c.id = coalesce(\(task.customerID?.rawValue),
                                   (SELECT customer_id FROM bookings WHERE id = \(task.bookingID?.rawValue)),
                                   (SELECT customer_id FROM quotations WHERE id = \(task.quotationID?.rawValue)))
            """)
        return try rows.first.map { (CustomerID(rawValue: try $0.decode("id")), try $0.decode("name")) }
    }

    // MARK: Changes

    static func create(_ admin: AdminContext) throws -> Response {
        let s = admin.strings.tasks
        var form = FormState(
            values: admin.formValues(["form", "title", "assignee", "due_on", "booking", "quotation", "customer"]))
        let booking = try id(form["booking"]).map(BookingID.init(rawValue:))
        let quotation = try id(form["quotation"]).map(QuotationID.init(rawValue:))
        let customer = try id(form["customer"]).map(CustomerID.init(rawValue:))
        let formID = try id(form["form"]).map(FormID.init(rawValue:))
        let assignee = TaskAssignee(token: form["assignee"])
        var due: CalendarDate?
        if !form["due_on"].isEmpty {
            due = try? CalendarDate(iso: form["due_on"])
            if due == nil { form.errors["due_on"] = s.dateInvalid }
        }
        if formID == nil { form.errors["form"] = s.formMissing }
        if form["title"].isEmpty || form["title"].count > 200 || form["title"].contains(where: \.isNewline) {
            form.errors["title"] = s.titleMissing
        }
        if assignee == nil { form.errors["assignee"] = s.assigneeMissing }
        let db = try admin.connection()
        // A customer is given only a task about their own records.
        if case .customer(let given) = assignee,
            try TaskStore.recordCustomer(db, booking: booking, quotation: quotation, customer: customer) != given
        {
            form.errors["assignee"] = s.assigneeMissing
        }
        let back: Route =
            if let booking { .admin(.bookings(.show(booking))) } else if let quotation {
                .admin(.quotations(.show(quotation)))
            } else if let customer { .admin(.customers(.show(customer))) } else { .admin(.tasks(.mine(.open))) }
        var refusedByRules = false
        if form.isValid, let formID, let assignee {
            do {
                let task = try db.transaction { tx in
                    try TaskStore.create(
                        tx,
                        NewTask(
                            formID: formID, title: form["title"], assignee: assignee, dueOn: due, bookingID: booking,
                            quotationID: quotation, customerID: customer), actor: admin.actor)
                }
                _ = task
                return admin.redirect(to: back, flash: .created)
            } catch TaskStore.Failure.formNotPublished {
                form.errors["form"] = s.formMissing
                refusedByRules = true
            } catch let error as DatabaseError {
                guard case .foreignKeyViolation = error.kind else { throw error }
                form.errors["assignee"] = s.assigneeMissing
                refusedByRules = true
            }
        }
        let owner: TasksCard.Owner =
            if let booking { .booking(booking) } else if let quotation { .quotation(quotation) } else if let customer {
                .customer(customer)
            } else { throw HTTPError(.badRequest) }
        let card = try card(db, owner, customer: nil, admin)
        return admin.html(
            NewTaskPage.render(
                owner: owner, back: back, tasks: card.tasks, choices: card.choices, form: form, admin: try admin.page()),
            status: refusedByRules ? .unprocessableContent : .badRequest)
    }

    static func complete(_ id: TaskID, _ admin: AdminContext) throws -> Response {
        let (submitted, uploads) = TaskSubmission.read(admin.request)
        let db = try admin.connection()
        let structure = try StructureStore.structure(db)
        let outcome = try CompleteTask.run(
            db, id, submitted: submitted, uploads: uploads, actor: admin.actor,
            mayComplete: { mayComplete($0, admin, structure) })
        switch outcome {
        case .done: return admin.redirect(to: .admin(.tasks(.show(id))), flash: .saved)
        case .refused(let problems):
            var errors: [String: String] = [:]
            for problem in problems { errors[problem.field] = problem.message(admin.strings.language) }
            return try show(id, admin, values: submitted, errors: errors, status: .unprocessableContent)
        case .notOpen:
            return try show(id, admin, notice: admin.strings.tasks.notOpen, status: .conflict)
        case .notFound:
            guard try TaskStore.task(db, id) != nil else { throw HTTPError(.notFound) }
            return try show(id, admin, notice: admin.strings.tasks.notYours, status: .forbidden)
        }
    }

    static func comment(_ id: TaskID, _ admin: AdminContext) throws -> Response {
        var form = FormState(values: admin.formValues(["body"]))
        let body = form["body"]
        if body.isEmpty { form.errors["body"] = admin.strings.tasks.commentMissing }
        if body.count > 5000 { form.errors["body"] = admin.strings.tasks.commentTooLong }
        guard form.isValid else { return try show(id, admin, commentForm: form, status: .badRequest) }
        let db = try admin.connection()
        guard try TaskStore.task(db, id) != nil else { throw HTTPError(.notFound) }
        try db.transaction { tx in try TaskStore.comment(tx, id, body: body, actor: admin.actor) }
        return admin.redirect(to: .admin(.tasks(.show(id))), flash: .saved)
    }

    static func reassign(_ id: TaskID, _ admin: AdminContext) throws -> Response {
        let values = admin.formValues(["assignee", "due_on"])
        guard let assignee = TaskAssignee(token: values["assignee"] ?? "") else {
            return try show(id, admin, notice: admin.strings.tasks.assigneeMissing, status: .badRequest)
        }
        var due: CalendarDate?
        if let text = values["due_on"], !text.isEmpty {
            guard let day = try? CalendarDate(iso: text) else {
                return try show(id, admin, notice: admin.strings.tasks.dateInvalid, status: .badRequest)
            }
            due = day
        }
        if case .customer(let given) = assignee {
            let db = try admin.connection()
            guard let task = try TaskStore.task(db, id) else { throw HTTPError(.notFound) }
            let own = try TaskStore.recordCustomer(
                db, booking: task.summary.bookingID, quotation: task.summary.quotationID,
                customer: task.summary.customerID)
            guard own == given else {
                return try show(id, admin, notice: admin.strings.tasks.assigneeMissing, status: .unprocessableContent)
            }
        }
        do {
            try admin.connection().transaction { tx in
                try TaskStore.reassign(tx, id, to: assignee, dueOn: due, actor: admin.actor)
            }
        } catch let error as DatabaseError {
            guard case .foreignKeyViolation = error.kind else { throw error }
            return try show(id, admin, notice: admin.strings.tasks.assigneeMissing, status: .unprocessableContent)
        }
        return admin.redirect(to: .admin(.tasks(.show(id))), flash: .saved)
    }

    static func file(_ id: TaskFileID, _ admin: AdminContext) throws -> Response {
        guard let file = try TaskStore.file(try admin.connection(), id) else { throw HTTPError(.notFound) }
        return TaskSubmission.download(file.info, file.content)
    }

    static func id(_ text: String) throws -> Int64? {
        guard !text.isEmpty else { return nil }
        guard let value = Int64(text), value > 0 else { throw HTTPError(.badRequest) }
        return value
    }
}

public import Domain
public import Foundation
public import Routing

/// What the "Add task" and reassign forms offer: the published forms, and whom a task can be given
/// to (people, access roles, departments, positions, and the record's customer).
public struct TaskChoices: Sendable {
    public var forms: [(id: FormID, name: String, forCustomer: Bool)]
    public var people: [(id: UserID, name: String)]
    public var departments: [(id: DepartmentID, name: String)]
    public var positions: [(id: PositionID, name: String)]
    /// The customer of the booking, quotation or customer page, when they may be given the task.
    public var customer: (id: CustomerID, name: String)?

    public init(
        forms: [(id: FormID, name: String, forCustomer: Bool)], people: [(id: UserID, name: String)],
        departments: [(id: DepartmentID, name: String)], positions: [(id: PositionID, name: String)],
        customer: (id: CustomerID, name: String)? = nil
    ) {
        self.forms = forms
        self.people = people
        self.departments = departments
        self.positions = positions
        self.customer = customer
    }

    func assigneeOptions(_ s: TaskStrings) -> [(value: String, label: String)] {
        var options: [(value: String, label: String)] = [("", s.choose)]
        options += people.map { (TaskAssignee.user($0.id).token, $0.name) }
        options += StaffRole.allCases.map { (TaskAssignee.role($0).token, s.roleName($0)) }
        options += departments.map { (TaskAssignee.department($0.id).token, "\(s.departmentLabel): \($0.name)") }
        options += positions.map { (TaskAssignee.position($0.id).token, "\(s.positionLabel): \($0.name)") }
        if let customer {
            options.append((TaskAssignee.customer(customer.id).token, "\(s.customerAssignee): \(customer.name)"))
        }
        return options
    }
}

/// The tasks of a booking, quotation or customer as a card on its page, with "Add task" for those
/// who may give tasks.
public enum TasksCard {
    /// What the new task is about, as the hidden fields of the form.
    public enum Owner: Sendable {
        case booking(BookingID)
        case quotation(QuotationID)
        case customer(CustomerID)
    }

    public static func card(
        _ tasks: [TaskSummary], owner: Owner, choices: TaskChoices?, form: FormState = FormState(),
        today: CalendarDate, admin: AdminPage
    ) -> Node {
        let s = admin.strings.tasks
        return section(.class("card"), .id("tasks")) {
            h2 { s.tasks }
            if tasks.isEmpty {
                p(.class("hint")) { s.noTasks }
            } else {
                TaskList.list(tasks, today: today, s, showAbout: false)
            }
            if let choices, admin.may(.admin(.tasks(.create))) {
                element("details", form.isValid ? [] : [.attr("open", "open")]) {
                    element("summary", []) { s.addTask }
                    if choices.forms.isEmpty {
                        p(.class("hint")) { s.noForm }
                    } else {
                        Fields.summary(form, admin.strings)
                        Fields.post(.admin(.tasks(.create)), csrf: admin.csrfToken) {
                            switch owner {
                            case .booking(let id): Fields.hidden("booking", String(id.rawValue))
                            case .quotation(let id): Fields.hidden("quotation", String(id.rawValue))
                            case .customer(let id): Fields.hidden("customer", String(id.rawValue))
                            }
                            Fields.select(
                                "form", s.form, form,
                                options: [("", s.choose)] + choices.forms.map { (String($0.id.rawValue), $0.name) })
                            Fields.text("title", s.title, form, hint: nil)
                            Fields.select("assignee", s.assignee, form, options: choices.assigneeOptions(s))
                            Fields.text("due_on", s.due, form, type: "date")
                            button(.class("button"), .attr("type", "submit")) { s.addTask }
                        }
                    }
                }
            }
        }
    }
}

enum TaskList {
    static func list(_ tasks: [TaskSummary], today: CalendarDate, _ s: TaskStrings, showAbout: Bool) -> Node {
        table(.class("data task-list")) {
            thead {
                tr {
                    th { s.task }
                    th { s.assignee }
                    th { s.due }
                    if showAbout { th { s.about } }
                    th { s.state }
                }
            }
            tbody {
                for task in tasks {
                    tr(.class(task.isOverdue(today: today) ? "overdue" : "")) {
                        td {
                            a(.href(SafeURL(.admin(.tasks(.show(task.id)))))) { task.title }
                            small { " · \(task.formName)" }
                        }
                        td { task.assigneeName }
                        td {
                            task.dueOn?.iso ?? ""
                            if task.isOverdue(today: today) { strong(.class("overdue-mark")) { " \(s.overdue)" } }
                        }
                        if showAbout {
                            td {
                                if let id = task.bookingID, let number = task.bookingNumber {
                                    a(.href(SafeURL(.admin(.bookings(.show(id)))))) { number }
                                } else if let id = task.quotationID, let number = task.quotationNumber {
                                    a(.href(SafeURL(.admin(.quotations(.show(id)))))) { number }
                                } else if let name = task.customerName {
                                    name
                                }
                            }
                        }
                        td { s.stateName(task.state) }
                    }
                }
            }
        }
    }
}

/// `/admin/tasks`: my tasks, open, overdue or done.
public enum MyTasksPage {
    public static func render(
        _ tasks: [TaskSummary], show: TaskListShow, today: CalendarDate, admin: AdminPage
    ) -> [UInt8] {
        let s = admin.strings.tasks
        return AdminLayout.page(title: s.myTasks, admin) {
            h1 { s.myTasks }
            p(.class("lead")) { s.myTasksLead }
            nav(.class("tabs"), .attr("aria-label", s.myTasks)) {
                for option in TaskListShow.allCases {
                    if option == show {
                        strong(.attr("aria-current", "page")) { s.show(option) }
                    } else {
                        a(.href(SafeURL(.admin(.tasks(.mine(option)))))) { s.show(option) }
                    }
                    " "
                }
            }
            if tasks.isEmpty {
                p(.id("no-tasks")) { s.noTasks }
            } else {
                TaskList.list(tasks, today: today, s, showAbout: true)
            }
        }.rendered()
    }
}

/// `/admin/tasks/{id}`: the form to fill (or the answers once done), the comments, and for
/// managers and admins reassign and cancel.
public enum TaskPage {
    public struct Model: Sendable {
        public var task: TaskDetail
        /// Whether this member may fill and complete it (it is theirs, or they manage tasks).
        public var mayComplete: Bool
        public var values: [String: [String]]
        public var errors: [String: String]
        public var notice: String?
        public var choices: TaskChoices?
        public var today: CalendarDate

        public init(
            task: TaskDetail, mayComplete: Bool, values: [String: [String]] = [:], errors: [String: String] = [:],
            notice: String? = nil, choices: TaskChoices? = nil, today: CalendarDate
        ) {
            self.task = task
            self.mayComplete = mayComplete
            self.values = values
            self.errors = errors
            self.notice = notice
            self.choices = choices
            self.today = today
        }
    }

    public static func render(_ model: Model, commentForm: FormState = FormState(), admin: AdminPage) -> [UInt8] {
        let s = admin.strings.tasks
        let task = model.task
        let summary = task.summary
        return AdminLayout.page(title: summary.title, admin) {
            p { a(.href(SafeURL(.admin(.tasks(.mine(.open)))))) { s.myTasks } }
            h1 {
                summary.title
                " "
                span(.class("badge state-\(summary.state.rawValue)"), .id("task-state")) { s.stateName(summary.state) }
            }
            dl(.class("facts")) {
                dt { s.form }
                dd { s.filledIn(task.form.name, task.form.version) }
                dt { s.assignee }
                dd(.id("task-assignee")) { summary.assigneeName }
                if let due = summary.dueOn {
                    dt { s.due }
                    dd {
                        due.iso
                        if summary.isOverdue(today: model.today) { strong(.class("overdue-mark")) { " \(s.overdue)" } }
                    }
                }
                if let id = summary.bookingID, let number = summary.bookingNumber {
                    dt { s.about }
                    dd { a(.href(SafeURL(.admin(.bookings(.show(id)))))) { number } }
                } else if let id = summary.quotationID, let number = summary.quotationNumber {
                    dt { s.about }
                    dd { a(.href(SafeURL(.admin(.quotations(.show(id)))))) { number } }
                } else if let id = summary.customerID, let name = summary.customerName {
                    dt { s.about }
                    dd { a(.href(SafeURL(.admin(.customers(.show(id)))))) { name } }
                }
            }
            if let notice = model.notice { div(.class("form-errors"), .attr("role", "alert")) { p { notice } } }
            section(.class("card"), .id("task-form")) {
                switch summary.state {
                case .done:
                    h2 { s.answers }
                    if let at = task.completedAt {
                        p(.class("hint")) { s.completedBy(task.completedByName, DisplayFormat.dateTime(at)) }
                    }
                    FormFill.answers(
                        task.form.definition, task.answers ?? [:], files: task.files, language: s.language,
                        fileRoute: { .admin(.tasks(.file($0))) })
                case .cancelled:
                    p { s.stateName(.cancelled) }
                case .open:
                    if case .customer = summary.assignee { p(.class("hint")) { s.customerFills } }
                    if !model.mayComplete { p(.class("hint")) { s.notYours } }
                    if !model.errors.isEmpty {
                        div(.class("form-errors"), .attr("role", "alert")) {
                            p { admin.strings.formHasErrors }
                            ul {
                                for field in task.form.definition.fields {
                                    if let e = model.errors[field.key] { li { e } }
                                }
                            }
                        }
                    }
                    Fields.post(.admin(.tasks(.complete(summary.id))), csrf: admin.csrfToken, multipart: true) {
                        div(.class("task-form"), .data("data-conditional-form", "")) {
                            FormFill.fields(
                                task.form.definition, values: model.values, errors: model.errors, language: s.language,
                                disabled: !model.mayComplete)
                        }
                        if model.mayComplete {
                            button(.class("button"), .attr("type", "submit")) { s.complete }
                        }
                    }
                }
            }
            if summary.state == .open, let choices = model.choices, admin.may(.admin(.tasks(.reassign(summary.id)))) {
                section(.class("card"), .id("task-manage")) {
                    h2 { s.reassign }
                    let form = FormState(values: [
                        "assignee": summary.assignee.token, "due_on": summary.dueOn?.iso ?? "",
                    ])
                    Fields.post(.admin(.tasks(.reassign(summary.id))), csrf: admin.csrfToken) {
                        Fields.select("assignee", s.assignee, form, options: choices.assigneeOptions(s))
                        Fields.text("due_on", s.due, form, type: "date")
                        button(.class("button secondary"), .attr("type", "submit")) { s.save }
                    }
                    Fields.postButton(.admin(.tasks(.cancel(summary.id))), s.cancel, csrf: admin.csrfToken)
                }
            }
            section(.class("card"), .id("comments")) {
                h2 { s.comments }
                if task.comments.isEmpty {
                    p(.class("hint")) { s.noComments }
                } else {
                    ol(.class("history")) {
                        for comment in task.comments {
                            li {
                                element("time", [.attr("datetime", DisplayFormat.date(comment.createdAt))]) {
                                    DisplayFormat.dateTime(comment.createdAt)
                                }
                                " · "
                                strong { comment.authorName }
                                p { comment.body }
                            }
                        }
                    }
                }
                Fields.summary(commentForm, admin.strings)
                Fields.post(.admin(.tasks(.comment(summary.id))), csrf: admin.csrfToken) {
                    Fields.textarea("body", s.comment, commentForm, rows: 3)
                    button(.class("button secondary"), .attr("type", "submit")) { s.addComment }
                }
            }
        }.rendered()
    }
}

/// `POST /admin/tasks` refused: the "Add task" form again with the reasons, and the record's tasks.
public enum NewTaskPage {
    public static func render(
        owner: TasksCard.Owner, back: Route, tasks: [TaskSummary], choices: TaskChoices?, form: FormState,
        admin: AdminPage
    ) -> [UInt8] {
        let s = admin.strings.tasks
        return AdminLayout.page(title: s.addTask, admin) {
            p { a(.href(SafeURL(back))) { "←" } }
            h1 { s.addTask }
            TasksCard.card(
                tasks, owner: owner, choices: choices, form: form, today: BusinessCalendar.today(), admin: admin)
        }.rendered()
    }
}

/// A record page's tasks card: its tasks, what "Add task" offers (nil: the member may not give
/// tasks), and the record.
public struct TasksCardData: Sendable {
    public var tasks: [TaskSummary]
    public var choices: TaskChoices?
    public var owner: TasksCard.Owner

    public init(tasks: [TaskSummary], choices: TaskChoices?, owner: TasksCard.Owner) {
        self.tasks = tasks
        self.choices = choices
        self.owner = owner
    }

    func card(_ admin: AdminPage) -> Node {
        TasksCard.card(tasks, owner: owner, choices: choices, today: BusinessCalendar.today(), admin: admin)
    }
}

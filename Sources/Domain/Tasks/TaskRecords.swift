public import Foundation

/// A task as lists and pages show it.
public struct TaskSummary: Sendable, Equatable {
    public let id: TaskID
    public let title: String
    public let state: TaskState
    public let formID: FormID
    public let formVersionID: FormVersionID
    public let formName: String
    public let assignee: TaskAssignee
    /// The assignee as shown: a name, a role, a department or position's name, the customer's name.
    public let assigneeName: String
    public let dueOn: CalendarDate?
    public let bookingID: BookingID?
    public let bookingNumber: String?
    public let quotationID: QuotationID?
    public let quotationNumber: String?
    public let customerID: CustomerID?
    public let customerName: String?

    public init(
        id: TaskID, title: String, state: TaskState, formID: FormID, formVersionID: FormVersionID, formName: String,
        assignee: TaskAssignee, assigneeName: String, dueOn: CalendarDate?, bookingID: BookingID?,
        bookingNumber: String?, quotationID: QuotationID?, quotationNumber: String?, customerID: CustomerID?,
        customerName: String?
    ) {
        self.id = id
        self.title = title
        self.state = state
        self.formID = formID
        self.formVersionID = formVersionID
        self.formName = formName
        self.assignee = assignee
        self.assigneeName = assigneeName
        self.dueOn = dueOn
        self.bookingID = bookingID
        self.bookingNumber = bookingNumber
        self.quotationID = quotationID
        self.quotationNumber = quotationNumber
        self.customerID = customerID
        self.customerName = customerName
    }

    /// Open and due before `today`.
    public func isOverdue(today: CalendarDate) -> Bool {
        guard state == .open, let dueOn else { return false }
        return dueOn < today
    }
}

/// A new task: which form (its newest published version is used), what it is about, who does it.
public struct NewTask: Sendable, Equatable {
    public var formID: FormID
    public var title: String
    public var assignee: TaskAssignee
    public var dueOn: CalendarDate?
    public var bookingID: BookingID?
    public var quotationID: QuotationID?
    public var customerID: CustomerID?

    public init(
        formID: FormID, title: String, assignee: TaskAssignee, dueOn: CalendarDate? = nil,
        bookingID: BookingID? = nil, quotationID: QuotationID? = nil, customerID: CustomerID? = nil
    ) {
        self.formID = formID
        self.title = title
        self.assignee = assignee
        self.dueOn = dueOn
        self.bookingID = bookingID
        self.quotationID = quotationID
        self.customerID = customerID
    }
}

/// A file uploaded for a file field of a task's form.
public struct TaskUpload: Sendable, Equatable {
    public let field: String
    public let name: String
    public let contentType: String
    public let content: [UInt8]

    public init(field: String, name: String, contentType: String, content: [UInt8]) {
        self.field = field
        self.name = name
        self.contentType = contentType
        self.content = content
    }
}

/// A task with everything its page shows.
public struct TaskDetail: Sendable, Equatable {
    public let summary: TaskSummary
    public let form: FormVersion
    /// Set once done: what `FormAnswers.validate` returned.
    public let answers: [String: JSONValue]?
    public let files: [TaskFileInfo]
    public let comments: [TaskComment]
    public let createdByName: String?
    public let completedAt: Date?
    /// Who completed it: a staff member's or the customer's name.
    public let completedByName: String?

    public init(
        summary: TaskSummary, form: FormVersion, answers: [String: JSONValue]?, files: [TaskFileInfo],
        comments: [TaskComment], createdByName: String?, completedAt: Date?, completedByName: String?
    ) {
        self.summary = summary
        self.form = form
        self.answers = answers
        self.files = files
        self.comments = comments
        self.createdByName = createdByName
        self.completedAt = completedAt
        self.completedByName = completedByName
    }
}

public struct TaskFileInfo: Sendable, Equatable {
    public let id: TaskFileID
    public let field: String
    public let name: String
    public let contentType: String
    public let size: Int

    public init(id: TaskFileID, field: String, name: String, contentType: String, size: Int) {
        self.id = id
        self.field = field
        self.name = name
        self.contentType = contentType
        self.size = size
    }
}

public struct TaskComment: Sendable, Equatable {
    public let authorName: String
    /// Written by the customer (in the portal) rather than staff.
    public let byCustomer: Bool
    public let body: String
    public let createdAt: Date

    public init(authorName: String, byCustomer: Bool, body: String, createdAt: Date) {
        self.authorName = authorName
        self.byCustomer = byCustomer
        self.body = body
        self.createdAt = createdAt
    }
}

/// A form as the builder's list shows it.
public struct FormListItem: Sendable, Equatable {
    public let id: FormID
    public let name: String
    public let forCustomer: Bool
    public let archived: Bool
    /// The newest published version, 0 before the first publish.
    public let version: Int
    /// Whether the draft differs from the newest published version.
    public let hasUnpublishedChanges: Bool
    public let openTasks: Int

    public init(
        id: FormID, name: String, forCustomer: Bool, archived: Bool, version: Int, hasUnpublishedChanges: Bool,
        openTasks: Int
    ) {
        self.id = id
        self.name = name
        self.forCustomer = forCustomer
        self.archived = archived
        self.version = version
        self.hasUnpublishedChanges = hasUnpublishedChanges
        self.openTasks = openTasks
    }
}

/// A form with the draft the builder edits.
public struct FormRecord: Sendable, Equatable {
    public let id: FormID
    public var name: String
    public var description: String
    public var forCustomer: Bool
    public var archived: Bool
    public var draft: FormDefinition
    /// The newest published version (0: none) and its definition.
    public let version: Int
    public let published: FormDefinition?

    public init(
        id: FormID, name: String, description: String, forCustomer: Bool, archived: Bool, draft: FormDefinition,
        version: Int, published: FormDefinition?
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.forCustomer = forCustomer
        self.archived = archived
        self.draft = draft
        self.version = version
        self.published = published
    }
}

/// One published version: what a task is filled against.
public struct FormVersion: Sendable, Equatable {
    public let id: FormVersionID
    public let formID: FormID
    public let name: String
    public let version: Int
    public let definition: FormDefinition

    public init(id: FormVersionID, formID: FormID, name: String, version: Int, definition: FormDefinition) {
        self.id = id
        self.formID = formID
        self.name = name
        self.version = version
        self.definition = definition
    }
}

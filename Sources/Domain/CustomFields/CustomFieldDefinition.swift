/// An admin's own field on customers, products, quotations or bookings. Its values live in the
/// record's `custom` JSON object under `key`, so adding a field needs no migration.
public struct CustomFieldDefinition: Sendable, Equatable, Identifiable {
    public var id: CustomFieldID
    public var entity: CustomFieldEntity
    /// `[a-z][a-z0-9_]{0,39}`: the JSON key, the form field (`cf_<key>`) and the trigger path
    /// (`object.custom.<key>`). Never changes once created, so stored values keep their meaning.
    public var key: String
    /// Never changes once created: stored values are of this kind.
    public var kind: CustomFieldKind
    public var label: String
    public var help: String
    /// The choices of a choice or multiple-choice field, in the order shown.
    public var options: [String]
    public var required: Bool
    /// The value a new record starts with, as typed into the form (empty: none).
    public var defaultValue: String
    /// Shown as a column in the entity's list.
    public var listColumn: Bool
    /// Offered as a filter above the entity's list.
    public var filterable: Bool
    /// Quotations only: frozen into the sent and signed version, shown on the signing page and PDF.
    public var customerVisible: Bool
    public var position: Int
    /// Archived fields leave the forms, lists and filters; their stored values are kept.
    public var archived: Bool
    public var version: Int

    public init(
        id: CustomFieldID, entity: CustomFieldEntity, key: String, kind: CustomFieldKind, label: String,
        help: String = "", options: [String] = [], required: Bool = false, defaultValue: String = "",
        listColumn: Bool = false, filterable: Bool = false, customerVisible: Bool = false, position: Int = 0,
        archived: Bool = false, version: Int = 1
    ) {
        self.id = id
        self.entity = entity
        self.key = key
        self.kind = kind
        self.label = label
        self.help = help
        self.options = options
        self.required = required
        self.defaultValue = defaultValue
        self.listColumn = listColumn
        self.filterable = filterable
        self.customerVisible = customerVisible
        self.position = position
        self.archived = archived
        self.version = version
    }

    /// The path a trigger condition reads the value at, in the entity's own events.
    public var eventPath: String { "object.custom.\(key)" }
    /// The form field's name on the entity's forms and the filter's query parameter.
    public var formName: String { CustomFieldValues.formName(key) }
}

public struct CustomFieldID: RawRepresentable, Hashable, Sendable, Codable {
    public let rawValue: Int64
    public init(rawValue: Int64) { self.rawValue = rawValue }
}

/// The records that can carry custom fields.
public enum CustomFieldEntity: String, Sendable, CaseIterable, Codable {
    case customer, product, quotation, booking
}

/// What a custom field holds, and how its value is stored in the JSON object.
public enum CustomFieldKind: String, Sendable, CaseIterable, Codable {
    /// A line of text (at most 500 characters); a JSON string.
    case text
    /// Text with line breaks (at most 10,000 characters); a JSON string.
    case longText = "long_text"
    /// A decimal number; a JSON number.
    case number
    /// An amount in kronor; a JSON number of öre.
    case money
    /// A calendar date; a JSON string `YYYY-MM-DD`.
    case date
    /// Yes or no; a JSON boolean.
    case yesNo = "yes_no"
    /// One of the options; a JSON string.
    case choice
    /// Any of the options; a JSON array of strings in the options' order.
    case multiChoice = "multi_choice"
    /// A customer; a JSON number, the customer's id.
    case customer
    /// A product; a JSON number, the product's id.
    case product
    /// An uploaded file; a JSON object `{"id": <custom_field_files.id>, "name": <file name>}`.
    case file

    public var hasOptions: Bool { self == .choice || self == .multiChoice }
    /// Kinds whose filter is a range (from, to) rather than one value.
    public var filtersByRange: Bool { self == .number || self == .money || self == .date }
    /// Files are neither filtered nor given a default.
    public var mayFilter: Bool { self != .file }
    public var mayHaveDefault: Bool { self != .file && self != .customer && self != .product }
}

/// What a form asks: sections of fields. Stored as JSON (`form_versions.definition`) in exactly
/// this shape, so a completed task can always be shown with the version it was filled in.
public struct FormDefinition: Sendable, Equatable, Codable {
    public var sections: [FormSection]

    public init(sections: [FormSection]) { self.sections = sections }

    /// Every field, in the order the form shows them.
    public var fields: [FormField] { sections.flatMap(\.fields) }

    public func field(_ key: String) -> FormField? { fields.first { $0.key == key } }
}

public struct FormSection: Sendable, Equatable, Codable {
    public var title: String
    public var fields: [FormField]

    public init(title: String, fields: [FormField]) {
        self.title = title
        self.fields = fields
    }
}

/// The kinds of question a form can ask.
public enum FormFieldKind: String, Sendable, Equatable, Codable, CaseIterable {
    case text
    case longText = "long_text"
    case number
    /// An amount in kronor, stored as whole öre.
    case money
    /// `YYYY-MM-DD`.
    case date
    case yesNo = "yes_no"
    /// One of `options`.
    case choice
    /// Any of `options`.
    case multipleChoice = "multiple_choice"
    /// Items to tick off (`options`); required means every item ticked.
    case checklist
    /// The signer's name typed as their signature.
    case signature
    /// One or more uploaded files.
    case file

    /// Kinds whose answers come from `options`.
    public var hasOptions: Bool { self == .choice || self == .multipleChoice || self == .checklist }
}

/// Shown only when the field `field` was answered `equals` (for a field of several answers: when
/// one of them is `equals`; for yes/no: `yes` or `no`).
public struct FieldCondition: Sendable, Equatable, Codable {
    public var field: String
    public var equals: String

    public init(field: String, equals: String) {
        self.field = field
        self.equals = equals
    }
}

public struct FormField: Sendable, Equatable, Codable {
    /// Unique in the form, `a-z`, `0-9` and `_`: the answer's key in the stored answers and events.
    public var key: String
    public var label: String
    public var kind: FormFieldKind
    public var required: Bool
    public var help: String
    public var options: [String]
    public var visibleWhen: FieldCondition?

    public init(
        key: String, label: String, kind: FormFieldKind, required: Bool = false, help: String = "",
        options: [String] = [], visibleWhen: FieldCondition? = nil
    ) {
        self.key = key
        self.label = label
        self.kind = kind
        self.required = required
        self.help = help
        self.options = options
        self.visibleWhen = visibleWhen
    }

    enum CodingKeys: String, CodingKey {
        case key, label, kind, required, help, options
        case visibleWhen = "visible_when"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        key = try c.decode(String.self, forKey: .key)
        label = try c.decode(String.self, forKey: .label)
        kind = try c.decode(FormFieldKind.self, forKey: .kind)
        required = try c.decodeIfPresent(Bool.self, forKey: .required) ?? false
        help = try c.decodeIfPresent(String.self, forKey: .help) ?? ""
        options = try c.decodeIfPresent([String].self, forKey: .options) ?? []
        visibleWhen = try c.decodeIfPresent(FieldCondition.self, forKey: .visibleWhen)
    }
}

import Foundation

/// A custom field as the admin's form gives it. `CustomFieldRules.check` turns it into the
/// definition's values or the refusal of one field.
public struct CustomFieldDraft: Sendable, Equatable {
    public var entity: CustomFieldEntity
    public var key: String
    public var kind: CustomFieldKind
    public var label: String
    public var help: String
    /// One option a line, as typed.
    public var options: String
    public var required: Bool
    public var defaultValue: String
    public var listColumn: Bool
    public var filterable: Bool
    public var customerVisible: Bool

    public init(
        entity: CustomFieldEntity, key: String, kind: CustomFieldKind, label: String, help: String = "",
        options: String = "", required: Bool = false, defaultValue: String = "", listColumn: Bool = false,
        filterable: Bool = false, customerVisible: Bool = false
    ) {
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
    }

    /// The options, one a line, trimmed, empty lines left out.
    public var optionList: [String] {
        options.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
    }
}

/// Why a custom field's definition was refused; nothing is written then. `field` names the form
/// field the page shows it next to.
public enum CustomFieldRefusal: Error, Sendable, Equatable {
    /// Not `[a-z][a-z0-9_]{0,39}`.
    case keyMalformed
    /// Another field of the same record type has the key (archived ones too: their values are kept).
    case keyTaken(String)
    case labelMissing
    case labelTooLong(maximum: Int)
    case labelHasControlCharacters
    case helpTooLong(maximum: Int)
    /// A choice field needs at least one option.
    case optionsMissing
    case tooManyOptions(maximum: Int)
    case optionTooLong(maximum: Int)
    case optionRepeated(String)
    /// The default is not a value of the field.
    case defaultInvalid(CustomValueProblem)
    /// Files, customers and products have no default.
    case defaultNotAllowed
    /// Only quotation fields are shown to the customer.
    case customerVisibleNotQuotation
    /// A file cannot be a list filter.
    case filterNotAllowed
    case notFound

    public var field: String {
        switch self {
        case .keyMalformed, .keyTaken: "key"
        case .labelMissing, .labelTooLong, .labelHasControlCharacters: "label"
        case .helpTooLong: "help"
        case .optionsMissing, .tooManyOptions, .optionTooLong, .optionRepeated: "options"
        case .defaultInvalid, .defaultNotAllowed: "default_value"
        case .customerVisibleNotQuotation: "customer_visible"
        case .filterNotAllowed: "filterable"
        case .notFound: "key"
        }
    }
}

public enum CustomFieldRules {
    public static let labelMaximum = 100
    public static let helpMaximum = 500
    public static let optionsMaximum = 50
    public static let optionMaximum = 100

    /// `[a-z][a-z0-9_]{0,39}`: what reports, triggers and forms may rely on.
    public static func isKey(_ key: String) -> Bool {
        let bytes = Array(key.utf8)
        guard let first = bytes.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first), bytes.count <= 40
        else { return false }
        return bytes.allSatisfy {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                || $0 == UInt8(ascii: "_")
        }
    }

    /// The first refusal of the draft, or nil. `existingKeys`: the keys the entity's other fields
    /// use (for a new field; an edit keeps its key).
    public static func refusal(_ draft: CustomFieldDraft, existingKeys: Set<String>) -> CustomFieldRefusal? {
        guard isKey(draft.key) else { return .keyMalformed }
        if existingKeys.contains(draft.key) { return .keyTaken(draft.key) }
        let label = draft.label.trimmingCharacters(in: .whitespaces)
        if label.isEmpty { return .labelMissing }
        if label.count > labelMaximum { return .labelTooLong(maximum: labelMaximum) }
        if label.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return .labelHasControlCharacters
        }
        if draft.help.count > helpMaximum { return .helpTooLong(maximum: helpMaximum) }
        let options = draft.optionList
        if draft.kind.hasOptions {
            if options.isEmpty { return .optionsMissing }
            if options.count > optionsMaximum { return .tooManyOptions(maximum: optionsMaximum) }
            if options.contains(where: { $0.count > optionMaximum }) { return .optionTooLong(maximum: optionMaximum) }
            var seen: Set<String> = []
            for option in options where !seen.insert(option).inserted { return .optionRepeated(option) }
        }
        if !draft.defaultValue.trimmingCharacters(in: .whitespaces).isEmpty {
            guard draft.kind.mayHaveDefault else { return .defaultNotAllowed }
            let probe = CustomFieldDefinition(
                id: CustomFieldID(rawValue: 0), entity: draft.entity, key: draft.key, kind: draft.kind,
                label: label, options: options)
            do { _ = try CustomFieldValues.value(draft.defaultValue, probe) } catch { return .defaultInvalid(error) }
        }
        if draft.customerVisible && draft.entity != .quotation { return .customerVisibleNotQuotation }
        if draft.filterable && !draft.kind.mayFilter { return .filterNotAllowed }
        return nil
    }
}

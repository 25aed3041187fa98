import Foundation

/// A list filter on a custom field, read from the list page's query (`cf_<key>` for one value,
/// `cf_<key>_from` and `cf_<key>_to` for a range). Only filterable, active definitions are read,
/// and only values of the field's kind: anything else is no filter. The store turns a filter into
/// a condition with bound parameters; no text of the query becomes SQL.
public enum CustomFilter: Sendable, Equatable {
    /// The stored value is exactly this (choice, yes/no, customer, product): answered by the GIN
    /// index through JSON containment.
    case equals(key: String, JSONValue)
    /// A multiple choice that includes the option (containment too).
    case includes(key: String, String)
    /// Text that contains the words, whatever the case.
    case contains(key: String, String)
    /// A number or amount (öre) within the bounds.
    case between(key: String, from: Double?, to: Double?)
    /// A date within the bounds (`YYYY-MM-DD`, inclusive).
    case dates(key: String, from: String?, to: String?)

    /// The query parameters a filter of `definition` is read from.
    public static func parameters(_ definition: CustomFieldDefinition) -> [String] {
        definition.kind.filtersByRange
            ? [definition.formName + "_from", definition.formName + "_to"] : [definition.formName]
    }

    /// The filters a list query asks for (`read` gives a parameter's text or nil).
    public static func parse(_ definitions: [CustomFieldDefinition], read: (String) -> String?) -> [CustomFilter] {
        var filters: [CustomFilter] = []
        for definition in definitions where definition.filterable && !definition.archived && definition.kind.mayFilter {
            let key = definition.key
            func text(_ name: String) -> String? {
                guard let value = read(name)?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
                return String(value.prefix(200))
            }
            switch definition.kind {
            case .text, .longText:
                if let value = text(definition.formName) { filters.append(.contains(key: key, value)) }
            case .choice:
                // A value that is not an option (an old one, or a typed URL) still filters: it
                // matches the records that hold it, usually none.
                if let value = text(definition.formName) { filters.append(.equals(key: key, .string(value))) }
            case .yesNo, .customer, .product:
                guard let value = text(definition.formName),
                    let parsed = try? CustomFieldValues.value(value, definition)
                else { continue }
                filters.append(.equals(key: key, parsed))
            case .multiChoice:
                guard let value = text(definition.formName), definition.options.contains(value) else { continue }
                filters.append(.includes(key: key, value))
            case .number, .money:
                func bound(_ name: String) -> Double? {
                    guard let value = text(name), let parsed = try? CustomFieldValues.value(value, definition) else {
                        return nil
                    }
                    return parsed.number
                }
                let from = bound(definition.formName + "_from")
                let to = bound(definition.formName + "_to")
                if from != nil || to != nil { filters.append(.between(key: key, from: from, to: to)) }
            case .date:
                func bound(_ name: String) -> String? {
                    guard let value = text(name), let date = try? CalendarDate(iso: value) else { return nil }
                    return date.iso
                }
                let from = bound(definition.formName + "_from")
                let to = bound(definition.formName + "_to")
                if from != nil || to != nil { filters.append(.dates(key: key, from: from, to: to)) }
            case .file:
                continue
            }
        }
        return filters
    }
}

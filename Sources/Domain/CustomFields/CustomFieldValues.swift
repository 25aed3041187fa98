import Foundation

/// Why a typed custom-field value was refused; the page says it next to the field.
public enum CustomValueProblem: Error, Sendable, Equatable {
    case required
    case tooLong(maximum: Int)
    /// Not a number (`12`, `12,5`, `-3.25`) or too large.
    case notNumber
    /// An amount that could not be read (`1 234,50`).
    case amount
    case invalidDate
    /// Not one of the field's options.
    case invalidChoice
    /// No customer or product with that number.
    case noSuchRecord
}

/// A record's custom values as stored (`key` → JSON value), and the pure rules that read them
/// from a form, check them against the definitions and print them.
public enum CustomFieldValues {
    public static let textMaximum = 500
    public static let longTextMaximum = 10_000
    /// Numbers are kept within what a JSON number holds exactly.
    public static let numberMaximum = 1e12

    /// The form field (and list filter parameter) of a key.
    public static func formName(_ key: String) -> String { "cf_" + key }

    /// Multiple-choice values travel in form state as lines.
    public static let separator: Character = "\n"

    /// Reads the active definitions' values from a posted form: `all(name)` gives each value
    /// posted under a name (a multiple choice posts an empty marker and one value per ticked box).
    /// A field the form did not post is absent, so a form from before the field existed leaves it be.
    public static func typed(
        _ definitions: [CustomFieldDefinition], all: (String) -> [String]
    ) -> [String: String] {
        var typed: [String: String] = [:]
        for definition in definitions where !definition.archived && definition.kind != .file {
            let values = all(definition.formName)
            guard !values.isEmpty else { continue }
            typed[definition.formName] =
                definition.kind == .multiChoice
                ? values.filter { !$0.isEmpty }.joined(separator: String(separator)) : values[0]
        }
        return typed
    }

    /// Checks the typed values (`cf_<key>` → text, as `typed` gives them) against the active
    /// definitions: the changes (a value, or `.null` for a field emptied), and the problems by form
    /// field (nothing may be saved unless there are none). `updating`: a field that was not posted
    /// is left as stored; creating, it counts as empty (a required one is refused). `exists(kind,
    /// id)` answers whether a linked customer or product is there.
    public static func validate(
        _ typed: [String: String], _ definitions: [CustomFieldDefinition], updating: Bool = false,
        exists: (CustomFieldKind, Int64) -> Bool = { _, _ in true }
    ) -> (values: [String: JSONValue], problems: [String: CustomValueProblem]) {
        var values: [String: JSONValue] = [:]
        var problems: [String: CustomValueProblem] = [:]
        for definition in definitions where !definition.archived && definition.kind != .file {
            if updating && typed[definition.formName] == nil { continue }
            do {
                if let value = try value(typed[definition.formName] ?? "", definition, exists: exists) {
                    values[definition.key] = value
                } else if definition.required {
                    problems[definition.formName] = .required
                } else if updating {
                    values[definition.key] = .null
                }
            } catch {
                problems[definition.formName] = error
            }
        }
        return (values, problems)
    }

    /// One value from its text; nil for an empty one. - Throws: the problem with the text.
    public static func value(
        _ text: String, _ definition: CustomFieldDefinition,
        exists: (CustomFieldKind, Int64) -> Bool = { _, _ in true }
    ) throws(CustomValueProblem) -> JSONValue? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        switch definition.kind {
        case .text:
            guard !trimmed.isEmpty else { return nil }
            guard trimmed.count <= textMaximum else { throw .tooLong(maximum: textMaximum) }
            return .string(trimmed.filter { !$0.isNewline })
        case .longText:
            guard !trimmed.isEmpty else { return nil }
            guard trimmed.count <= longTextMaximum else { throw .tooLong(maximum: longTextMaximum) }
            return .string(trimmed)
        case .number:
            guard !trimmed.isEmpty else { return nil }
            guard let number = number(trimmed) else { throw .notNumber }
            return .number(number)
        case .money:
            guard !trimmed.isEmpty else { return nil }
            do {
                let money = try Money(parsing: trimmed)
                guard Double(abs(money.ore)) < numberMaximum else { throw CustomValueProblem.amount }
                return .number(Double(money.ore))
            } catch {
                throw .amount
            }
        case .date:
            guard !trimmed.isEmpty else { return nil }
            do { return .string(try CalendarDate(iso: trimmed).iso) } catch { throw .invalidDate }
        case .yesNo:
            switch trimmed.lowercased() {
            case "": return nil
            case "true", "ja", "yes": return .bool(true)
            case "false", "nej", "no": return .bool(false)
            default: throw .invalidChoice
            }
        case .choice:
            guard !trimmed.isEmpty else { return nil }
            guard definition.options.contains(trimmed) else { throw .invalidChoice }
            return .string(trimmed)
        case .multiChoice:
            let chosen = Set(
                trimmed.split(separator: separator).map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                    !$0.isEmpty
                })
            guard !chosen.isEmpty else { return nil }
            guard chosen.isSubset(of: definition.options) else { throw .invalidChoice }
            return .array(definition.options.filter(chosen.contains).map(JSONValue.string))
        case .customer, .product:
            guard !trimmed.isEmpty else { return nil }
            guard let id = Int64(trimmed.hasPrefix("#") ? String(trimmed.dropFirst()) : trimmed), id > 0 else {
                throw .noSuchRecord
            }
            guard exists(definition.kind, id) else { throw .noSuchRecord }
            return .number(Double(id))
        case .file:
            return nil
        }
    }

    /// A decimal number as staff type it: `12`, `-3`, `12,5`, `1 234.75`; nil if not one.
    public static func number(_ text: String) -> Double? {
        let cleaned = text.filter { !$0.isWhitespace && $0 != "\u{00A0}" && $0 != "\u{202F}" }
            .replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: "\u{2212}", with: "-")
        guard !cleaned.isEmpty, cleaned.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }),
            cleaned.filter({ $0 == "." }).count <= 1,
            cleaned.lastIndex(of: "-").map({ $0 == cleaned.startIndex }) ?? true,
            let value = Double(cleaned), value.isFinite, abs(value) < numberMaximum
        else { return nil }
        return value
    }

    /// The defaults of a new record: each active definition's default value that reads.
    public static func defaults(_ definitions: [CustomFieldDefinition]) -> [String: String] {
        var typed: [String: String] = [:]
        for definition in definitions where !definition.archived && !definition.defaultValue.isEmpty {
            typed[definition.formName] = definition.defaultValue
        }
        return typed
    }

    /// The stored values as form text (`cf_<key>` → text), to fill an edit form.
    public static func formValues(
        _ values: [String: JSONValue], _ definitions: [CustomFieldDefinition]
    )
        -> [String: String]
    {
        var typed: [String: String] = [:]
        for definition in definitions where !definition.archived {
            guard let value = values[definition.key] else { continue }
            typed[definition.formName] = formText(value, definition.kind)
        }
        return typed
    }

    /// A stored value as the form shows it for editing.
    public static func formText(_ value: JSONValue, _ kind: CustomFieldKind) -> String {
        switch (kind, value) {
        case (.money, .number(let ore)): Money(ore: Int64(ore)).inputText(.sv)
        case (.number, .number(let number)): numberText(number)
        case (.multiChoice, .array(let items)): items.map(\.text).joined(separator: String(separator))
        case (.file, .object(let file)): file["name"]?.text ?? ""
        default: value.text
        }
    }

    /// A stored value as a page, list or document shows it, in `language`.
    public static func display(_ value: JSONValue, _ kind: CustomFieldKind, _ language: Language) -> String {
        switch (kind, value) {
        case (.money, .number(let ore)): Money(ore: Int64(ore)).formatted(language)
        case (.number, .number(let number)):
            language == .sv ? numberText(number).replacingOccurrences(of: ".", with: ",") : numberText(number)
        case (.yesNo, .bool(let yes)): language == .sv ? (yes ? "Ja" : "Nej") : (yes ? "Yes" : "No")
        case (.multiChoice, .array(let items)): items.map(\.text).joined(separator: ", ")
        case (.customer, .number(let id)), (.product, .number(let id)): "#\(Int64(id))"
        case (.file, .object(let file)): file["name"]?.text ?? ""
        default: value.text
        }
    }

    static func numberText(_ number: Double) -> String {
        number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
    }
}

import Domain
import Routing

/// A form's fields as inputs to fill (the task page, the builder's preview, the portal), and a
/// completed task's answers. A field shown only when another field has a value carries the
/// condition in `data-when-field`/`data-when-value` (app.js hides it until then) and says it in
/// words, so without JavaScript it is shown with its condition and the server ignores it when the
/// condition is not met.
enum FormFill {
    /// - Parameters:
    ///   - values: what was posted (re-shown after a refusal), by field key.
    ///   - errors: a message per field key.
    ///   - idPrefix: keeps ids unique when a page shows a form twice (the builder's preview).
    static func fields(
        _ definition: FormDefinition, values: [String: [String]] = [:], errors: [String: String] = [:],
        language: Language, idPrefix: String = "q", disabled: Bool = false
    ) -> Node {
        let s = TaskStrings(language)
        return .fragment(
            definition.sections.map { section in
                fieldset(.class("form-section")) {
                    if !section.title.isEmpty { legend { section.title } }
                    for field in section.fields {
                        fieldNode(field, definition, values[field.key] ?? [], errors[field.key], s, idPrefix, disabled)
                    }
                }
            })
    }

    static func fieldNode(
        _ field: FormField, _ definition: FormDefinition, _ values: [String], _ error: String?, _ s: TaskStrings,
        _ prefix: String, _ disabled: Bool
    ) -> Node {
        let id = "\(prefix)-\(field.key)"
        var wrapper: [Attribute] = [.class("field task-field"), .id("\(id)-field"), .data("data-field", field.key)]
        if let condition = field.visibleWhen {
            wrapper += [.data("data-when-field", condition.field), .data("data-when-value", condition.equals)]
        }
        var common: [Attribute] = []
        if disabled { common.append(.flag("disabled")) }
        if error != nil { common += [.attr("aria-invalid", "true"), .attr("aria-describedby", "\(id)-error")] }
        let first = values.first ?? ""
        let labelText = field.required ? "\(field.label) *" : field.label
        let grouped = [.yesNo, .choice, .multipleChoice, .checklist].contains(field.kind)
        return element("div", wrapper) {
            if grouped {
                p(.class("field-label")) { labelText }
            } else {
                label(.attr("for", id)) { labelText }
            }
            if let condition = field.visibleWhen {
                p(.class("hint when-hint")) {
                    s.shownWhen(
                        definition.field(condition.field)?.label ?? condition.field, display(condition, definition, s))
                }
            }
            switch field.kind {
            case .text, .signature:
                void(
                    "input", [.attr("type", "text"), .id(id), .attr("name", field.key), .attr("value", first)] + common)
                if field.kind == .signature { p(.class("hint")) { s.signatureHint } }
            case .longText:
                element("textarea", [.id(id), .attr("name", field.key), .attr("rows", "4")] + common) { first }
            case .number, .money:
                void(
                    "input",
                    [
                        .attr("type", "text"), .attr("inputmode", "decimal"), .id(id), .attr("name", field.key),
                        .attr("value", first),
                    ] + common)
            case .date:
                void(
                    "input", [.attr("type", "date"), .id(id), .attr("name", field.key), .attr("value", first)] + common)
            case .yesNo:
                choices(field, [("yes", s.yes), ("no", s.no)], values, type: "radio", id, common)
            case .choice:
                choices(field, field.options.map { ($0, $0) }, values, type: "radio", id, common)
            case .multipleChoice, .checklist:
                choices(field, field.options.map { ($0, $0) }, values, type: "checkbox", id, common)
            case .file:
                void(
                    "input",
                    [.attr("type", "file"), .id(id), .attr("name", field.key), .flag("multiple")] + common)
            }
            if !field.help.isEmpty { p(.class("hint")) { field.help } }
            if let error { p(.class("field-error"), .id("\(id)-error")) { error } }
        }
    }

    static func choices(
        _ field: FormField, _ options: [(value: String, label: String)], _ values: [String], type: String,
        _ id: String, _ common: [Attribute]
    ) -> Node {
        div(.class("choices")) {
            for (n, choice) in options.enumerated() {
                label(.class("choice"), .attr("for", "\(id)-\(n)")) {
                    void(
                        "input",
                        [
                            .attr("type", type), .id("\(id)-\(n)"), .attr("name", field.key),
                            .attr("value", choice.value),
                        ]
                            + (values.contains(choice.value) ? [.flag("checked")] : []) + common)
                    " "
                    choice.label
                }
            }
        }
    }

    /// A condition's value as the member reads it (Ja/Nej for yes/no).
    static func display(_ condition: FieldCondition, _ definition: FormDefinition, _ s: TaskStrings) -> String {
        guard definition.field(condition.field)?.kind == .yesNo else { return condition.equals }
        switch condition.equals {
        case "yes": return s.yes
        case "no": return s.no
        default: return condition.equals
        }
    }

    /// A completed task's answers, field by field (hidden and unanswered fields left out), files
    /// linked through `fileRoute`.
    static func answers(
        _ definition: FormDefinition, _ answers: [String: JSONValue], files: [TaskFileInfo], language: Language,
        fileRoute: (TaskFileID) -> Route
    ) -> Node {
        let s = TaskStrings(language)
        return dl(.class("answers")) {
            for field in definition.fields {
                if let answer = answers[field.key] {
                    dt { field.label }
                    dd(.id("answer-\(field.key)")) {
                        if field.kind == .file {
                            ul {
                                for file in files where file.field == field.key {
                                    li { a(.href(SafeURL(fileRoute(file.id)))) { file.name } }
                                }
                            }
                        } else {
                            text(answer, field, s)
                        }
                    }
                }
            }
        }
    }

    static func text(_ answer: JSONValue, _ field: FormField, _ s: TaskStrings) -> String {
        switch answer {
        case .bool(let value): return value ? s.yes : s.no
        case .number(let value):
            if field.kind == .money, let ore = Int64(exactly: value.rounded()) {
                return Money(ore: ore).formatted(s.language)
            }
            return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        case .string(let value): return value
        case .array(let items): return items.map { text($0, field, s) }.joined(separator: ", ")
        case .null: return s.unanswered
        case .object: return s.unanswered
        }
    }
}

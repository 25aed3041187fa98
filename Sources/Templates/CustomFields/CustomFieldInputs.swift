public import Domain
import Routing

/// The custom fields on a record's own form, its list's columns and its list's filters. The form
/// names are `cf_<key>`; a value comes back from `FormState` as typed (a multiple choice as lines).
public enum CustomFieldInputs {
    /// The record's form section: one input of the field's kind each, label, help and error.
    static func section(_ definitions: [CustomFieldDefinition], _ form: FormState, _ s: Strings) -> Node {
        let active = definitions.filter { !$0.archived && $0.kind != .file }
        guard !active.isEmpty else { return .fragment([]) }
        return fieldset(.class("custom-fields")) {
            legend { s.customFields.customHeading }
            div(.class("grid")) {
                for definition in active { input(definition, form, s) }
            }
        }
    }

    static func input(_ d: CustomFieldDefinition, _ form: FormState, _ s: Strings) -> Node {
        let name = d.formName
        let cs = s.customFields
        let hint = d.help.isEmpty ? nil : d.help
        switch d.kind {
        case .text:
            return Fields.text(
                name, d.label, form, required: d.required, hint: hint,
                extra: [.attr("maxlength", String(CustomFieldValues.textMaximum))])
        case .longText:
            return Fields.textarea(name, d.label, form, rows: 3, hint: hint)
        case .number, .money:
            return Fields.text(
                name, d.label, form, required: d.required, hint: hint, extra: [.attr("inputmode", "decimal")])
        case .date:
            return Fields.text(name, d.label, form, type: "date", required: d.required, hint: hint)
        case .customer, .product:
            return Fields.text(
                name, d.label, form, required: d.required, hint: hint ?? cs.linkHint,
                extra: [.attr("inputmode", "numeric")])
        case .yesNo:
            return Fields.select(
                name, d.label, form, options: [("", "–"), ("true", cs.yes), ("false", cs.no)], hint: hint)
        case .choice:
            return Fields.select(name, d.label, form, options: [("", "–")] + d.options.map { ($0, $0) }, hint: hint)
        case .multiChoice:
            let chosen = Set(form[name].split(separator: CustomFieldValues.separator).map(String.init))
            return fieldset(.class("field choices")) {
                legend { d.label }
                // Posted even with nothing ticked, so an emptied choice is told from a form without it.
                Fields.hidden(name, "")
                for (index, option) in d.options.enumerated() {
                    label(.class("checkbox")) {
                        void(
                            "input",
                            [
                                .attr("type", "checkbox"), .attr("name", name), .attr("value", option),
                                .id("f-\(name)-\(index)"),
                            ] + (chosen.contains(option) ? [.flag("checked")] : []))
                        " \(option)"
                    }
                }
                if let hint { p(.class("hint")) { hint } }
                if let error = form.errors[name] { p(.class("field-error"), .id("error-\(name)")) { error } }
            }
        case .file:
            return .fragment([])
        }
    }

    /// The list's extra column headings (fields marked as list columns).
    static func headings(_ definitions: [CustomFieldDefinition]) -> Node {
        .fragment(definitions.filter { $0.listColumn && !$0.archived }.map { d in th(.class("custom")) { d.label } })
    }

    /// The row's extra cells, in the headings' order.
    static func cells(
        _ definitions: [CustomFieldDefinition], _ values: [String: JSONValue], _ language: Language
    )
        -> Node
    {
        .fragment(
            definitions.filter { $0.listColumn && !$0.archived }.map { d in
                td(.class("custom")) { values[d.key].map { CustomFieldValues.display($0, d.kind, language) } ?? "" }
            })
    }

    /// The filterable fields' controls, inside the list's own filter form (GET): a select for
    /// choices and yes/no, a text box for text, links and multiple choice, from–to for numbers,
    /// amounts and dates. `read` gives the current query's value.
    static func filters(_ definitions: [CustomFieldDefinition], read: (String) -> String, _ s: Strings) -> Node {
        let cs = s.customFields
        let shown = definitions.filter { $0.filterable && !$0.archived && $0.kind.mayFilter }
        return .fragment(
            shown.map { d in
                let name = d.formName
                switch d.kind {
                case .choice, .yesNo, .multiChoice:
                    let options: [(String, String)] =
                        d.kind == .yesNo ? [("true", cs.yes), ("false", cs.no)] : d.options.map { ($0, $0) }
                    return label(.class("filter custom-filter")) {
                        span { d.label }
                        element("select", [.attr("name", name)]) {
                            option(value: "", selected: read(name).isEmpty) { cs.any }
                            for (value, text) in options {
                                option(value: value, selected: read(name) == value) { text }
                            }
                        }
                    }
                case .number, .money, .date:
                    let type = d.kind == .date ? "date" : "text"
                    return span(.class("filter custom-filter range")) {
                        label {
                            span { "\(d.label) \(cs.from)" }
                            void(
                                "input",
                                [
                                    .attr("type", type), .attr("name", name + "_from"),
                                    .attr("value", read(name + "_from")), .attr("size", "10"),
                                ])
                        }
                        label {
                            span { cs.to }
                            void(
                                "input",
                                [
                                    .attr("type", type), .attr("name", name + "_to"),
                                    .attr("value", read(name + "_to")), .attr("size", "10"),
                                ])
                        }
                    }
                default:
                    return label(.class("filter custom-filter")) {
                        span { d.label }
                        void(
                            "input",
                            [
                                .attr("type", "search"), .attr("name", name), .attr("value", read(name)),
                                .attr("size", "12"),
                            ])
                    }
                }
            })
    }

    /// The record's custom values as a definition list (detail pages), active fields with a value.
    static func details(_ definitions: [CustomFieldDefinition], _ values: [String: JSONValue], _ s: Strings) -> Node {
        let shown = definitions.filter { !$0.archived && values[$0.key] != nil }
        guard !shown.isEmpty else { return .fragment([]) }
        return element("dl", [.class("custom-values")]) {
            for d in shown {
                element("dt", []) { d.label }
                element("dd", []) { CustomFieldValues.display(values[d.key] ?? .null, d.kind, s.language) }
            }
        }
    }
}

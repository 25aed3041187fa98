public import Domain
import Routing

/// `/admin/forms` (admins): the forms, and the name of a new one.
public enum FormListPage {
    public static func render(_ forms: [FormListItem], admin: AdminPage) -> [UInt8] {
        let s = admin.strings.tasks
        return AdminLayout.page(title: s.formsTitle, admin) {
            div(.class("page-head")) {
                h1 { s.formsTitle }
                div(.class("actions")) {
                    a(.class("button"), .href(SafeURL(.admin(.forms(.new))))) { s.newForm }
                }
            }
            p(.class("lead")) { s.formsLead }
            if forms.isEmpty {
                p { s.noForms }
            } else {
                table(.class("data"), .id("forms")) {
                    thead {
                        tr {
                            th { s.name }
                            th { s.version }
                            th { s.openTasks }
                        }
                    }
                    tbody {
                        for form in forms {
                            tr {
                                td {
                                    a(.href(SafeURL(.admin(.forms(.edit(form.id)))))) { form.name }
                                    if form.forCustomer { small { " · \(s.forCustomer)" } }
                                    if form.archived { small { " · \(s.archived)" } }
                                }
                                td {
                                    s.publishedVersion(form.version)
                                    if form.hasUnpublishedChanges, form.version > 0 {
                                        small { " · \(s.unpublishedChanges)" }
                                    }
                                }
                                td { String(form.openTasks) }
                            }
                        }
                    }
                }
            }
        }.rendered()
    }

    public static func renderNew(form: FormState, admin: AdminPage) -> [UInt8] {
        let s = admin.strings.tasks
        return AdminLayout.page(title: s.newForm, admin) {
            p { a(.href(SafeURL(.admin(.forms(.list))))) { s.backToForms } }
            h1 { s.newForm }
            Fields.summary(form, admin.strings)
            Fields.post(.admin(.forms(.create)), csrf: admin.csrfToken) {
                Fields.text("name", s.name, form, required: true)
                Fields.checkbox("for_customer", s.forCustomer, form)
                button(.class("button"), .attr("type", "submit")) { s.create }
            }
        }.rendered()
    }
}

/// `/admin/forms/{id}` (admins): the builder, and the form as it will be filled beside it. Works
/// without JavaScript: each button posts the whole builder with its `op` (see `FormBuilder`), and
/// the page comes back with the edit applied; "Save draft" and "Publish" store it.
public enum FormBuilderPage {
    public struct Model: Sendable {
        public var id: FormID
        public var name: String
        public var description: String
        public var forCustomer: Bool
        public var version: Int
        public var definition: FormDefinition
        /// A message per builder input (`name`, `f3_label`, …).
        public var errors: [String: String]

        public init(
            id: FormID, name: String, description: String, forCustomer: Bool, version: Int,
            definition: FormDefinition, errors: [String: String] = [:]
        ) {
            self.id = id
            self.name = name
            self.description = description
            self.forCustomer = forCustomer
            self.version = version
            self.definition = definition
            self.errors = errors
        }
    }

    public static func render(_ model: Model, admin: AdminPage) -> [UInt8] {
        let s = admin.strings.tasks
        var values = FormBuilder.values(model.definition)
        values["name"] = model.name
        values["description"] = model.description
        values["for_customer"] = model.forCustomer ? "yes" : ""
        let state = FormState(values: values, errors: model.errors)
        let fields = model.definition.fields
        return AdminLayout.page(title: model.name, admin) {
            p { a(.href(SafeURL(.admin(.forms(.list))))) { s.backToForms } }
            h1 {
                model.name
                " "
                small(.id("form-version")) { s.publishedVersion(model.version) }
            }
            Fields.summary(state, admin.strings)
            div(.class("form-builder"), .data("data-form-builder", "")) {
                Fields.post(.admin(.forms(.update(model.id))), csrf: admin.csrfToken) {
                    // Enter in a text box refreshes the preview rather than pressing the first button.
                    button(
                        .class("visually-hidden"), .attr("type", "submit"), .attr("name", "op"),
                        .attr("value", "preview"), .attr("tabindex", "-1")
                    ) { s.refreshPreview }
                    Fields.text("name", s.name, state, required: true)
                    Fields.textarea("description", s.description, state, rows: 2)
                    Fields.checkbox("for_customer", s.forCustomer, state)
                    Fields.hidden("sections", state["sections"])
                    Fields.hidden("fields", state["fields"])
                    if let problem = model.errors["fields"] { p(.class("field-error")) { problem } }
                    let firstIndex = sectionStarts(model.definition)
                    for (n, section) in model.definition.sections.enumerated() {
                        fieldset(.class("builder-section"), .id("section-\(n)")) {
                            legend { "\(s.section) \(n + 1)" }
                            Fields.text("s\(n)_title", s.sectionTitle, state)
                            for (offset, _) in section.fields.enumerated() {
                                fieldEditor(firstIndex[n] + offset, n, fields, state, s)
                            }
                            div(.class("actions")) {
                                opButton(.addField(section: n), s.addField, style: "button secondary")
                                if model.definition.sections.count > 1 {
                                    opButton(.removeSection(n), s.removeSection, style: "button link")
                                }
                            }
                        }
                    }
                    div(.class("actions")) {
                        opButton(.addSection, s.addSection, style: "button secondary")
                    }
                    div(.class("actions builder-save")) {
                        button(
                            .class("button secondary"), .attr("type", "submit"), .attr("name", "op"),
                            .attr("value", "save")
                        ) { s.saveDraft }
                        button(
                            .class("button"), .attr("type", "submit"), .attr("name", "op"),
                            .attr("value", "publish")
                        ) { s.publish }
                        button(
                            .class("button link"), .attr("type", "submit"), .attr("name", "op"),
                            .attr("value", "preview")
                        ) { s.refreshPreview }
                    }
                }
                section(.class("card form-preview"), .id("preview"), .attr("aria-live", "polite")) {
                    h2 { s.previewHeading }
                    p(.class("hint")) { s.previewHint }
                    preview(model.definition, language: admin.strings.language)
                }
            }
        }.rendered()
    }

    /// The preview alone, as the fragment app.js swaps in while the builder is typed in.
    public static func renderPreview(_ definition: FormDefinition, language: Language) -> [UInt8] {
        preview(definition, language: language).rendered()
    }

    static func preview(_ definition: FormDefinition, language: Language) -> Node {
        div(.class("task-form"), .data("data-conditional-form", "")) {
            FormFill.fields(definition, language: language, idPrefix: "preview")
        }
    }

    /// The number of the first field of each section (fields are numbered across sections).
    static func sectionStarts(_ definition: FormDefinition) -> [Int] {
        var starts: [Int] = []
        var n = 0
        for section in definition.sections {
            starts.append(n)
            n += section.fields.count
        }
        return starts
    }

    static func opButton(_ edit: FormBuilder.Edit, _ text: String, style: String) -> Node {
        button(.class(style), .attr("type", "submit"), .attr("name", "op"), .attr("value", edit.value)) { text }
    }

    static func fieldEditor(
        _ i: Int, _ section: Int, _ fields: [FormField], _ state: FormState, _ s: TaskStrings
    ) -> Node {
        let p = "f\(i)_"
        let kinds = FormFieldKind.allCases.map { (value: $0.rawValue, label: s.kindName($0)) }
        let earlier = fields.prefix(i).filter { $0.kind != .file && $0.kind != .signature }
        let conditionFields =
            [(value: "", label: s.always)]
            + earlier.map { (value: $0.key, label: $0.label.isEmpty ? $0.key : $0.label) }
        return div(.class("card builder-field"), .id("field-\(i)")) {
            Fields.hidden(p + "section", String(section))
            div(.class("field-row")) {
                Fields.text(p + "label", s.label, state)
                Fields.select(p + "kind", s.kind, state, options: kinds)
                Fields.text(p + "key", s.key, state, hint: s.keyHint)
            }
            Fields.checkbox(p + "required", s.required, state)
            Fields.text(p + "help", s.help, state)
            Fields.textarea(p + "options", s.options, state, rows: 3)
            div(.class("field-row")) {
                Fields.select(p + "when_field", s.visibleWhen, state, options: conditionFields)
                Fields.text(p + "when_value", s.equals, state)
            }
            div(.class("actions")) {
                opButton(.moveUp(i), s.moveUp, style: "button link")
                opButton(.moveDown(i), s.moveDown, style: "button link")
                opButton(.remove(i), s.remove, style: "button link")
            }
        }
    }
}

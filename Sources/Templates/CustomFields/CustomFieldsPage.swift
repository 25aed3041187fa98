public import Domain
import Routing

/// `/admin/fields`: each record type's fields in their order (up, down, edit, archive), archived
/// ones apart with a restore button; and the form for a new field or an existing one.
public enum CustomFieldsPage {
    public static func render(_ definitions: [CustomFieldDefinition], admin: AdminPage) -> [UInt8] {
        let s = admin.strings.customFields
        return AdminLayout.page(title: s.title, admin) {
            div(.class("page-head")) {
                h1 { s.title }
                div(.class("actions")) {
                    a(.class("button"), .href(SafeURL(.admin(.fields(.new))))) { s.newField }
                }
            }
            p(.class("lead")) { s.lead }
            for entity in CustomFieldEntity.allCases {
                let active = definitions.filter { $0.entity == entity && !$0.archived }
                let archived = definitions.filter { $0.entity == entity && $0.archived }
                section(.class("card"), .id("fields-\(entity.rawValue)")) {
                    h2 { s.entityName(entity) }
                    if active.isEmpty && archived.isEmpty { p(.class("empty")) { s.none } }
                    if !active.isEmpty { table(active, archived: false, admin) }
                    if !archived.isEmpty {
                        h3 { s.archivedHeading }
                        table(archived, archived: true, admin)
                    }
                }
            }
        }.rendered()
    }

    static func table(_ rows: [CustomFieldDefinition], archived: Bool, _ admin: AdminPage) -> Node {
        let s = admin.strings.customFields
        return div(.class("table-scroll")) {
            element("table", [.class("list custom-fields")]) {
                thead {
                    tr {
                        th { s.label }
                        th { s.key }
                        th { s.kind }
                        th { s.flags }
                        th { "" }
                    }
                }
                tbody {
                    for (index, field) in rows.enumerated() {
                        tr {
                            td { a(.href(SafeURL(.admin(.fields(.edit(field.id)))))) { field.label } }
                            td { code { field.key } }
                            td {
                                s.kindName(field.kind)
                                if field.kind.hasOptions {
                                    void("br", [])
                                    small { field.options.joined(separator: ", ") }
                                }
                            }
                            td { flags(field, s) }
                            td(.class("nowrap")) {
                                if archived {
                                    Fields.postButton(
                                        .admin(.fields(.archive(field.id))), s.restore, csrf: admin.csrfToken,
                                        fields: [("restore", "yes")])
                                } else {
                                    if index > 0 {
                                        Fields.postButton(
                                            .admin(.fields(.move(field.id))), s.up, csrf: admin.csrfToken,
                                            fields: [("direction", "up")])
                                    }
                                    if index < rows.count - 1 {
                                        Fields.postButton(
                                            .admin(.fields(.move(field.id))), s.down, csrf: admin.csrfToken,
                                            fields: [("direction", "down")])
                                    }
                                    Fields.postButton(
                                        .admin(.fields(.archive(field.id))), s.archive, csrf: admin.csrfToken)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func flags(_ field: CustomFieldDefinition, _ s: CustomFieldStrings) -> String {
        var flags: [String] = []
        if field.required { flags.append(s.required) }
        if field.listColumn { flags.append(s.listColumn) }
        if field.filterable { flags.append(s.filterable) }
        if field.customerVisible { flags.append(s.customerVisible) }
        if !field.defaultValue.isEmpty { flags.append("\(s.defaultValue): \(field.defaultValue)") }
        return flags.joined(separator: " · ")
    }

    /// The form's values from a stored field.
    public static func form(_ field: CustomFieldDefinition) -> FormState {
        FormState(values: [
            "entity": field.entity.rawValue, "key": field.key, "kind": field.kind.rawValue, "label": field.label,
            "help": field.help, "options": field.options.joined(separator: "\n"),
            "required": field.required ? "yes" : "", "default_value": field.defaultValue,
            "list_column": field.listColumn ? "yes" : "", "filterable": field.filterable ? "yes" : "",
            "customer_visible": field.customerVisible ? "yes" : "",
        ])
    }

    /// `/admin/fields/new` (no `field`) or `/admin/fields/{id}`.
    public static func renderForm(_ field: CustomFieldDefinition?, form: FormState, admin: AdminPage) -> [UInt8] {
        let s = admin.strings.customFields
        let title = field.map { "\(s.edit): \($0.label)" } ?? s.newField
        return AdminLayout.page(title: title, admin) {
            p { a(.href(SafeURL(.admin(.fields(.list))))) { s.back } }
            h1 { title }
            if let field, field.archived { p(.class("notice")) { s.archivedNote } }
            section(.class("card")) {
                Fields.summary(form, admin.strings)
                Fields.post(
                    field.map { .admin(.fields(.update($0.id))) } ?? .admin(.fields(.create)), csrf: admin.csrfToken
                ) {
                    div(.class("grid")) {
                        if let field {
                            div(.class("field")) {
                                span(.class("label")) { s.entity }
                                p { s.entityName(field.entity) }
                            }
                            div(.class("field")) {
                                span(.class("label")) { s.key }
                                p { code { field.key } }
                            }
                            div(.class("field")) {
                                span(.class("label")) { s.kind }
                                p { s.kindName(field.kind) }
                            }
                        } else {
                            Fields.select(
                                "entity", s.entity, form,
                                options: CustomFieldEntity.allCases.map { ($0.rawValue, s.entityName($0)) })
                            Fields.text(
                                "key", s.key, form, required: true, hint: s.keyHint,
                                extra: [.attr("maxlength", "40"), .attr("pattern", "[a-z][a-z0-9_]{0,39}")])
                            Fields.select(
                                "kind", s.kind, form,
                                options: CustomFieldKind.allCases.map { ($0.rawValue, s.kindName($0)) })
                        }
                        Fields.text("label", s.label, form, required: true, extra: [.attr("maxlength", "100")])
                    }
                    Fields.textarea("help", s.help, form, rows: 2)
                    if field?.kind.hasOptions ?? true {
                        Fields.textarea("options", s.options, form, rows: 4, hint: s.optionsHint)
                    }
                    Fields.text("default_value", s.defaultValue, form, hint: s.defaultHint)
                    Fields.checkbox("required", s.required, form)
                    Fields.checkbox("list_column", s.listColumn, form)
                    Fields.checkbox("filterable", s.filterable, form)
                    if field == nil || field?.entity == .quotation {
                        Fields.checkbox("customer_visible", s.customerVisible, form)
                    }
                    button(.class("button"), .attr("type", "submit")) { field == nil ? s.create : s.save }
                }
            }
        }.rendered()
    }
}

import Database
import Domain
import HTTP
import Templates

/// The custom fields on a record's own pages: the values typed into its form (checked by
/// `CustomFieldValues` with the messages in the member's language), and the list filters read from
/// the list's query.
struct CustomFieldForms {
    let admin: AdminContext
    let entity: CustomFieldEntity
    /// The entity's active definitions, in their order.
    let definitions: [CustomFieldDefinition]

    init(_ admin: AdminContext, _ entity: CustomFieldEntity) throws {
        self.admin = admin
        self.entity = entity
        definitions = try CustomFieldStore.active(try admin.connection(), entity)
    }

    /// What was posted for the fields (`cf_<key>` → text, a multiple choice as lines).
    var typed: [String: String] {
        CustomFieldValues.typed(definitions) { admin.request.form.all($0) }
    }

    /// The changes the typed text stands for, and a message per refused field. `updating`: a
    /// field the form did not post stays as stored.
    func check(
        _ typed: [String: String], updating: Bool
    ) throws -> (
        values: [String: JSONValue], messages: [String: String]
    ) {
        let connection = try admin.connection()
        let checked = CustomFieldValues.validate(typed, definitions, updating: updating) {
            CustomFieldStore.linkExists(connection, $0, $1)
        }
        let strings = admin.strings.customFields
        return (checked.values, checked.problems.mapValues { strings.problem($0) })
    }

    /// A new record's form: the fields' defaults.
    var defaults: [String: String] { CustomFieldValues.defaults(definitions) }

    /// The list's filters and the query parameters they came from (printed back into its links).
    var filters: (filters: [CustomFilter], items: [String: String]) {
        var items: [String: String] = [:]
        for definition in definitions where definition.filterable {
            for name in CustomFilter.parameters(definition) {
                if let value = admin.request.query[name], !value.isEmpty { items[name] = String(value.prefix(200)) }
            }
        }
        return (CustomFilter.parse(definitions) { items[$0] }, items)
    }
}

/// A record's draft with its custom values, as the shared create and edit steps carry it.
struct WithCustom<Draft> {
    var draft: Draft
    var custom: [String: JSONValue]
}

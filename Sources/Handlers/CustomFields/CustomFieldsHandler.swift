import Database
import Domain
import Foundation
import HTTP
import Routing
import Templates
import UseCases

/// `/admin/fields…` (admins): the fields of every record type, and the form to add or edit one.
/// Each change is one `ChangeCustomField` run; a refusal answers the form again with the reason
/// next to its field and what was typed kept (400 for a malformed value, 422 for a key taken),
/// and nothing is stored.
enum CustomFieldsHandler {
    static let formNames = [
        "entity", "key", "kind", "label", "help", "options", "required", "default_value", "list_column",
        "filterable", "customer_visible",
    ]

    static func handle(_ route: CustomFieldsRoute, _ admin: AdminContext) throws -> Response {
        switch route {
        case .list:
            return admin.html(
                CustomFieldsPage.render(try CustomFieldStore.all(try admin.connection()), admin: try admin.page()))
        case .new:
            return admin.html(
                CustomFieldsPage.renderForm(
                    nil, form: FormState(values: ["entity": "customer", "kind": "text"]), admin: try admin.page()))
        case .create: return try save(nil, admin)
        case .edit(let id):
            let field = try definition(id, admin)
            return admin.html(
                CustomFieldsPage.renderForm(field, form: CustomFieldsPage.form(field), admin: try admin.page()))
        case .update(let id): return try save(try definition(id, admin), admin)
        case .archive(let id):
            let restore = admin.request.form["restore"] == "yes"
            let outcome = try run(restore ? .restore(id) : .archive(id), admin)
            if case .refused = outcome { throw HTTPError(.notFound) }
            return admin.redirect(to: .admin(.fields(.list)), flash: restore ? .reactivated : .archived)
        case .move(let id):
            let direction = admin.request.form["direction"]
            guard direction == "up" || direction == "down" else { throw HTTPError(.badRequest) }
            if case .refused = try run(.move(id, up: direction == "up"), admin) { throw HTTPError(.notFound) }
            return admin.redirect(to: .admin(.fields(.list)), flash: .saved)
        }
    }

    static func definition(_ id: CustomFieldID, _ admin: AdminContext) throws -> CustomFieldDefinition {
        guard let field = try CustomFieldStore.definition(try admin.connection(), id) else {
            throw HTTPError(.notFound)
        }
        return field
    }

    static func run(_ change: ChangeCustomField.Change, _ admin: AdminContext) throws -> ChangeCustomField.Outcome {
        try ChangeCustomField.run(try admin.connection(), change, actor: admin.actor)
    }

    static func save(_ field: CustomFieldDefinition?, _ admin: AdminContext) throws -> Response {
        var form = FormState(values: admin.formValues(formNames))
        let entity: CustomFieldEntity
        let kind: CustomFieldKind
        if let field {
            entity = field.entity
            kind = field.kind
        } else {
            guard let e = CustomFieldEntity(rawValue: form["entity"]), let k = CustomFieldKind(rawValue: form["kind"])
            else { throw HTTPError(.badRequest) }
            entity = e
            kind = k
        }
        let draft = CustomFieldDraft(
            entity: entity, key: field?.key ?? form["key"].trimmingCharacters(in: .whitespaces), kind: kind,
            label: form["label"], help: form["help"], options: form["options"], required: form["required"] == "yes",
            defaultValue: form["default_value"], listColumn: form["list_column"] == "yes",
            filterable: form["filterable"] == "yes", customerVisible: form["customer_visible"] == "yes")
        let change: ChangeCustomField.Change = field.map { .edit($0.id, draft) } ?? .add(draft)
        switch try run(change, admin) {
        case .done:
            return admin.redirect(to: .admin(.fields(.list)), flash: field == nil ? .created : .saved)
        case .refused(.notFound):
            throw HTTPError(.notFound)
        case .refused(let refusal):
            form.errors[refusal.field] = admin.strings.customFields.refusal(refusal)
            let status: HTTPStatus = if case .keyTaken = refusal { .unprocessableContent } else { .badRequest }
            return admin.html(CustomFieldsPage.renderForm(field, form: form, admin: try admin.page()), status: status)
        }
    }
}

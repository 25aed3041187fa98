import Database
import Domain
import HTTP
import Routing
import Templates

/// `/admin/forms…` (admins): the list, a new form, and the builder. The builder's buttons post the
/// whole page; an edit (add, remove, move) comes back applied and unsaved; "Save draft" stores the
/// draft; "Publish" stores it as the next version when `FormRules` allows it. A refusal answers the
/// page with the reasons next to their inputs (400 for the name, 422 for the fields) and stores
/// nothing.
enum FormsHandler {
    static func handle(_ route: FormsRoute, _ admin: AdminContext) throws -> Response {
        switch route {
        case .list:
            return admin.html(FormListPage.render(try FormStore.forms(try admin.connection()), admin: try admin.page()))
        case .new:
            return admin.html(FormListPage.renderNew(form: FormState(), admin: try admin.page()))
        case .create: return try create(admin)
        case .edit(let id):
            guard let form = try FormStore.form(try admin.connection(), id) else { throw HTTPError(.notFound) }
            let model = FormBuilderPage.Model(
                id: id, name: form.name, description: form.description, forCustomer: form.forCustomer,
                version: form.version, definition: form.draft)
            return admin.html(FormBuilderPage.render(model, admin: try admin.page()))
        case .update(let id): return try update(id, admin)
        }
    }

    static func create(_ admin: AdminContext) throws -> Response {
        var form = FormState(values: admin.formValues(["name", "for_customer"]))
        let language = admin.strings.language
        if let problem = FormRules.nameProblem(form["name"]) {
            form.errors["name"] = problem.message(language)
            return admin.html(FormListPage.renderNew(form: form, admin: try admin.page()), status: .badRequest)
        }
        do {
            let id = try try admin.connection().transaction { tx in
                try FormStore.create(
                    tx, name: form["name"], forCustomer: form["for_customer"] == "yes",
                    draft: FormDefinition(sections: [FormSection(title: "", fields: [])]), actor: admin.actor)
            }
            return admin.redirect(to: .admin(.forms(.edit(id))), flash: .created)
        } catch FormStore.Failure.nameTaken {
            form.errors["name"] = FormDefinitionProblem(input: "name", kind: .nameTaken).message(language)
            return admin.html(
                FormListPage.renderNew(form: form, admin: try admin.page()), status: .unprocessableContent)
        }
    }

    static func update(_ id: FormID, _ admin: AdminContext) throws -> Response {
        let db = try admin.connection()
        guard let stored = try FormStore.form(db, id) else { throw HTTPError(.notFound) }
        let request = admin.request
        let values = admin.formValues(["name", "description", "for_customer", "op"])
        var definition = FormBuilder.definition { request.form[$0] }
        let op = values["op"].flatMap { $0.isEmpty ? nil : $0 } ?? "save"
        if let edit = FormBuilder.Edit(op) { definition = FormBuilder.apply(edit, to: definition) }
        var model = FormBuilderPage.Model(
            id: id, name: values["name"] ?? "", description: String((values["description"] ?? "").prefix(1000)),
            forCustomer: values["for_customer"] == "yes", version: stored.version, definition: definition)
        let language = admin.strings.language
        guard op == "save" || op == "publish" else {
            if request.headers["x-preview"] == "1" {
                return Response.html(FormBuilderPage.renderPreview(definition, language: language))
            }
            return admin.html(FormBuilderPage.render(model, admin: try admin.page()))
        }
        if let problem = FormRules.nameProblem(model.name) {
            model.errors["name"] = problem.message(language)
            return admin.html(FormBuilderPage.render(model, admin: try admin.page()), status: .badRequest)
        }
        if op == "publish" {
            let problems = FormRules.problems(definition)
            if !problems.isEmpty {
                for problem in problems where model.errors[problem.input] == nil {
                    model.errors[problem.input] = problem.message(language)
                }
                return admin.html(FormBuilderPage.render(model, admin: try admin.page()), status: .unprocessableContent)
            }
        }
        do {
            try db.transaction { tx in
                try FormStore.saveDraft(
                    tx, id, name: model.name, description: model.description, forCustomer: model.forCustomer,
                    draft: definition, actor: admin.actor)
                if op == "publish" { try FormStore.publish(tx, id, actor: admin.actor) }
            }
        } catch FormStore.Failure.nameTaken {
            model.errors["name"] = FormDefinitionProblem(input: "name", kind: .nameTaken).message(language)
            return admin.html(FormBuilderPage.render(model, admin: try admin.page()), status: .unprocessableContent)
        }
        return admin.redirect(to: .admin(.forms(.edit(id))), flash: .saved)
    }
}

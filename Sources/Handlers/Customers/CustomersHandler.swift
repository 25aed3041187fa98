import Database
import Domain
import HTTP
import Routing
import Templates

/// The customers pages: list and search, create, detail with history, edit (optimistic locking),
/// archive and restore. Roles: admin, manager, support (`Route.access`).
enum CustomersHandler {
    static func handle(_ route: CustomersRoute, _ admin: AdminContext) throws -> Response {
        switch route {
        case .list(let query): try list(query, admin)
        case .new: try new(admin)
        case .create: try create(admin)
        case .show(let id): try show(id, admin)
        case .edit(let id): try edit(id, admin)
        case .update(let id): try update(id, admin)
        case .archive(let id): try archive(id, admin)
        }
    }

    static let fieldNames = CustomerProfile.Field.allCases.map(\.rawValue)

    static func list(_ query: CustomerListQuery, _ admin: AdminContext) throws -> Response {
        let after = try RecordForms.cursor(query.after, admin).map(CustomerID.init(rawValue:))
        let page = try CustomerStore.page(
            try admin.connection(), search: query.search ?? "", includeArchived: query.archived, after: after)
        return admin.html(CustomerListPage.render(page: page, query: query, admin: try admin.page()))
    }

    static func new(_ admin: AdminContext) throws -> Response {
        admin.html(CustomerFormPage.render(mode: .new, form: FormState(values: CustomerFormPage.newDefaults), admin: try admin.page()))
    }

    static func create(_ admin: AdminContext) throws -> Response {
        let values = admin.formValues(fieldNames)
        let profile: CustomerProfile
        do {
            profile = try CustomerProfile(form: values)
        } catch {
            return try refused(.new, values, error.problems, admin)
        }
        do {
            let id = try CustomerStore.create(try admin.connection(), profile: profile, actor: admin.actor)
            return admin.redirect(to: .admin(.customers(.show(id))), flash: .created)
        } catch CustomerStoreError.invalid(let problems) {
            return try refused(.new, values, problems, admin)
        }
    }

    static func show(_ id: CustomerID, _ admin: AdminContext) throws -> Response {
        let db = try admin.connection()
        guard let record = try CustomerStore.record(db, id: id) else { throw HTTPError(.notFound) }
        let history = try CustomerStore.history(db, id: id)
        return admin.html(CustomerDetailPage.render(record: record, history: history, admin: try admin.page()))
    }

    static func edit(_ id: CustomerID, _ admin: AdminContext) throws -> Response {
        guard let record = try CustomerStore.record(try admin.connection(), id: id) else { throw HTTPError(.notFound) }
        return try form(of: record, formError: nil, status: .ok, admin)
    }

    static func update(_ id: CustomerID, _ admin: AdminContext) throws -> Response {
        let version = try RecordForms.version(admin)
        var values = admin.formValues(fieldNames)
        values["version"] = String(version)
        let mode = CustomerFormPage.Mode.edit(id, displayName: values["name"] ?? "")
        let profile: CustomerProfile
        do {
            profile = try CustomerProfile(form: values)
        } catch {
            return try refused(mode, values, error.problems, admin)
        }
        do {
            try CustomerStore.update(try admin.connection(), id: id, version: version, profile: profile, actor: admin.actor)
            return admin.redirect(to: .admin(.customers(.show(id))), flash: .saved)
        } catch CustomerStoreError.notFound {
            throw HTTPError(.notFound)
        } catch CustomerStoreError.versionConflict(let current) {
            return try form(of: current, formError: admin.strings.conflictMessage, status: .conflict, admin)
        } catch CustomerStoreError.invalid(let problems) {
            return try refused(mode, values, problems, admin)
        }
    }

    /// Archives, or with `restore=yes` restores, the customer.
    static func archive(_ id: CustomerID, _ admin: AdminContext) throws -> Response {
        let restore = admin.request.form["restore"] == "yes"
        do {
            try CustomerStore.setArchived(try admin.connection(), id: id, archived: !restore, actor: admin.actor)
        } catch CustomerStoreError.notFound {
            throw HTTPError(.notFound)
        }
        return admin.redirect(to: .admin(.customers(.show(id))), flash: restore ? .reactivated : .archived)
    }

    /// The edit form filled from the stored customer (a conflict shows the current values this way).
    static func form(of record: CustomerRecord, formError: String?, status: HTTPStatus, _ admin: AdminContext) throws -> Response {
        var values = record.profile.formValues
        values["version"] = String(record.version)
        let state = FormState(values: values, formError: formError)
        return admin.html(
            CustomerFormPage.render(
                mode: .edit(record.id, displayName: record.profile.details.displayName), form: state, admin: try admin.page()),
            status: status)
    }

    /// The form again with what was typed and the problems next to the fields; 400, nothing written.
    static func refused(
        _ mode: CustomerFormPage.Mode, _ values: [String: String], _ problems: [CustomerProfile.Field: RecordFieldProblem],
        _ admin: AdminContext
    ) throws -> Response {
        let state = FormState(values: values, errors: RecordForms.errors(problems, admin.strings))
        return admin.html(CustomerFormPage.render(mode: mode, form: state, admin: try admin.page()), status: .badRequest)
    }
}

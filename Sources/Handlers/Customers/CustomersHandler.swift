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

    static func list(_ query: CustomerListQuery, _ admin: AdminContext) throws -> Response {
        let after = try RecordForms.cursor(query.after, admin).map(CustomerID.init(rawValue:))
        let page = try CustomerStore.page(
            try admin.connection(), search: query.search ?? "", includeArchived: query.archived, after: after)
        return admin.html(CustomerListPage.render(page: page, query: query, admin: try admin.page()))
    }

    static func new(_ admin: AdminContext) throws -> Response {
        try editing(admin).page(.new, FormState(values: CustomerFormPage.newDefaults), .ok)
    }

    static func create(_ admin: AdminContext) throws -> Response {
        try editing(admin).create(.new) { profile in
            let id = try CustomerStore.create(try admin.connection(), profile: profile, actor: admin.actor)
            return .admin(.customers(.show(id)))
        }
    }

    static func show(_ id: CustomerID, _ admin: AdminContext) throws -> Response {
        let db = try admin.connection()
        guard let record = try CustomerStore.record(db, id: id) else { throw HTTPError(.notFound) }
        let history = try CustomerStore.history(db, id: id)
        return admin.html(
            CustomerDetailPage.render(
                record: record, history: history,
                emails: try EventStore.emails(db, .customer(record.id.rawValue)),
                invoices: try InvoiceStore.list(db, customerID: id, limit: 50),
                conversations: try InboxStore.conversations(db, .customer(id), limit: 20),
                tasks: try TasksHandler.cardData(
                    db, .customer(id), customer: (id, record.profile.details.displayName), admin),
                admin: try admin.page()))
    }

    static func edit(_ id: CustomerID, _ admin: AdminContext) throws -> Response {
        guard let record = try CustomerStore.record(try admin.connection(), id: id) else { throw HTTPError(.notFound) }
        return try editing(admin).edit(record)
    }

    static func update(_ id: CustomerID, _ admin: AdminContext) throws -> Response {
        try editing(admin).update(
            mode: { .edit(id, displayName: $0["name"] ?? "") },
            save: { profile, version in
                try CustomerStore.update(
                    try admin.connection(), id: id, version: version, profile: profile, actor: admin.actor)
                return .admin(.customers(.show(id)))
            })
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

    /// The create and edit forms: the profile validated by `CustomerProfile`, written by `CustomerStore`.
    static func editing(
        _ admin: AdminContext
    ) -> RecordEditing<CustomerProfile, CustomerStoreError, CustomerFormPage.Mode> {
        RecordEditing(
            admin,
            validate: { values in
                do throws(CustomerProfile.Invalid) {
                    return .success(try CustomerProfile(form: values))
                } catch {
                    return .failure(FieldMessages(error.problems, admin.strings))
                }
            },
            page: { mode, form, status in
                admin.html(CustomerFormPage.render(mode: mode, form: form, admin: try admin.page()), status: status)
            },
            stored: { record in
                (
                    .edit(record.id, displayName: record.profile.details.displayName), record.profile.formValues,
                    record.version
                )
            })
    }
}

extension CustomerStoreError: RecordStoreRefusal {
    var refusal: RecordRefusal<CustomerRecord, CustomerProfile.Field> {
        switch self {
        case .notFound: .notFound
        case .versionConflict(let current): .conflict(current: current)
        case .invalid(let problems): .invalid(problems)
        }
    }
}

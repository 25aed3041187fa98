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
        var query = query
        let fields = try CustomFieldForms(admin, .customer)
        let filters = fields.filters
        query.custom = filters.items
        let after = try RecordForms.cursor(query.after, admin).map(CustomerID.init(rawValue:))
        let page = try CustomerStore.page(
            try admin.connection(), search: query.search ?? "", includeArchived: query.archived, after: after,
            filters: filters.filters)
        return admin.html(
            CustomerListPage.render(page: page, query: query, fields: fields.definitions, admin: try admin.page()))
    }

    static func new(_ admin: AdminContext) throws -> Response {
        let fields = try CustomFieldForms(admin, .customer)
        return try editing(admin, fields).page(
            .new, FormState(values: CustomerFormPage.newDefaults.merging(fields.defaults) { a, _ in a }), .ok)
    }

    static func create(_ admin: AdminContext) throws -> Response {
        try editing(admin).create(.new) { draft in
            let id = try CustomerStore.create(
                try admin.connection(), profile: draft.draft, custom: draft.custom, actor: admin.actor)
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
                customFields: try CustomFieldStore.active(db, .customer), admin: try admin.page()))
    }

    static func edit(_ id: CustomerID, _ admin: AdminContext) throws -> Response {
        guard let record = try CustomerStore.record(try admin.connection(), id: id) else { throw HTTPError(.notFound) }
        return try editing(admin).edit(record)
    }

    static func update(_ id: CustomerID, _ admin: AdminContext) throws -> Response {
        try editing(admin).update(
            mode: { .edit(id, displayName: $0["name"] ?? "") },
            save: { draft, version in
                try CustomerStore.update(
                    try admin.connection(), id: id, version: version, profile: draft.draft, custom: draft.custom,
                    actor: admin.actor)
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

    /// The create and edit forms: the profile validated by `CustomerProfile` and the custom fields
    /// by `CustomFieldValues` (every problem shown at once, nothing written), written by `CustomerStore`.
    static func editing(
        _ admin: AdminContext, _ fields: CustomFieldForms? = nil
    ) throws -> RecordEditing<WithCustom<CustomerProfile>, CustomerStoreError, CustomerFormPage.Mode> {
        let fields = try fields ?? CustomFieldForms(admin, .customer)
        return RecordEditing(
            admin,
            validate: { values in
                let custom: (values: [String: JSONValue], messages: [String: String])
                do { custom = try fields.check(values, updating: values["version"] != nil) } catch {
                    return .failure(FieldMessages(messages: [:]))
                }
                do throws(CustomerProfile.Invalid) {
                    let profile = try CustomerProfile(form: values)
                    guard custom.messages.isEmpty else { return .failure(FieldMessages(messages: custom.messages)) }
                    return .success(WithCustom(draft: profile, custom: custom.values))
                } catch {
                    return .failure(
                        FieldMessages(
                            messages: FieldMessages(error.problems, admin.strings).messages.merging(custom.messages) {
                                a, _ in a
                            }))
                }
            },
            page: { mode, form, status in
                admin.html(
                    CustomerFormPage.render(
                        mode: mode, form: form, fields: fields.definitions, admin: try admin.page()),
                    status: status)
            },
            stored: { record in
                (
                    .edit(record.id, displayName: record.profile.details.displayName),
                    record.profile.formValues.merging(CustomFieldValues.formValues(record.custom, fields.definitions)) {
                        a, _ in a
                    },
                    record.version
                )
            },
            extraValues: { fields.typed })
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

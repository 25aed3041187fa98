import Database
import Domain
import HTTP
import Routing
import Templates

/// The add-ons pages: list (every staff role), create, edit, deactivate and reactivate (management).
enum AddonsHandler {
    static func handle(_ route: AddonsRoute, _ admin: AdminContext) throws -> Response {
        switch route {
        case .list(let query): try list(query, admin)
        case .new: try new(admin)
        case .create: try create(admin)
        case .edit(let id): try edit(id, admin)
        case .update(let id): try update(id, admin)
        case .deactivate(let id): try deactivate(id, admin)
        }
    }

    static func list(_ query: CatalogListQuery, _ admin: AdminContext) throws -> Response {
        let after = try RecordForms.cursor(query.after, admin).map(AddonID.init(rawValue:))
        let page = try CatalogStore.addonPage(
            try admin.connection(), search: query.search ?? "", includeInactive: query.inactive, after: after)
        return admin.html(AddonListPage.render(page: page, query: query, admin: try admin.page()))
    }

    static func new(_ admin: AdminContext) throws -> Response {
        try editing(admin).page(.new, FormState(values: AddonFormPage.newDefaults), .ok)
    }

    static func create(_ admin: AdminContext) throws -> Response {
        try editing(admin).create(.new) { draft in
            _ = try CatalogStore.createAddon(try admin.connection(), draft: draft, actor: admin.actor)
            return .admin(.addons(.list(CatalogListQuery())))
        }
    }

    static func edit(_ id: AddonID, _ admin: AdminContext) throws -> Response {
        guard let addon = try CatalogStore.addonRecord(try admin.connection(), id: id) else {
            throw HTTPError(.notFound)
        }
        return try editing(admin).edit(addon)
    }

    /// The form keeps the stored name and state in its title while the typed values are refused.
    static func update(_ id: AddonID, _ admin: AdminContext) throws -> Response {
        let mode = { (_: [String: String]) throws -> AddonFormPage.Mode in
            guard let stored = try CatalogStore.addonRecord(try admin.connection(), id: id) else {
                throw HTTPError(.notFound)
            }
            return .edit(id, name: stored.draft.name, active: stored.active)
        }
        return try editing(admin).update(mode: mode) { draft, version in
            try CatalogStore.updateAddon(
                try admin.connection(), id: id, version: version, draft: draft, actor: admin.actor)
            return .admin(.addons(.list(CatalogListQuery())))
        }
    }

    /// Deactivates, or with `active=yes` reactivates, the add-on; back to its edit page.
    static func deactivate(_ id: AddonID, _ admin: AdminContext) throws -> Response {
        let reactivate = admin.request.form["active"] == "yes"
        do {
            try CatalogStore.setAddonActive(try admin.connection(), id: id, active: reactivate, actor: admin.actor)
        } catch AddonStoreError.notFound {
            throw HTTPError(.notFound)
        }
        return admin.redirect(to: .admin(.addons(.edit(id))), flash: reactivate ? .reactivated : .deactivated)
    }

    /// The create and edit forms: the draft validated by `AddonDraft`, written by `CatalogStore`.
    /// The product choices always include the add-on's own product, even when it is inactive.
    static func editing(_ admin: AdminContext) -> RecordEditing<AddonDraft, AddonStoreError, AddonFormPage.Mode> {
        RecordEditing(
            admin,
            validate: { values in
                do throws(AddonDraft.Invalid) {
                    return .success(try AddonDraft(form: values))
                } catch {
                    return .failure(FieldMessages(error.problems, admin.strings))
                }
            },
            page: { mode, form, status in
                var including: ProductID?
                if let text = form.values["product"], let id = Int64(text) { including = ProductID(rawValue: id) }
                let products = try CatalogStore.productOptions(try admin.connection(), including: including)
                return admin.html(
                    AddonFormPage.render(mode: mode, form: form, products: products, admin: try admin.page()),
                    status: status)
            },
            stored: { addon in
                (
                    .edit(addon.id, name: addon.draft.name, active: addon.active),
                    addon.draft.formValues(admin.strings.language), addon.version
                )
            })
    }
}

extension AddonStoreError: RecordStoreRefusal {
    var refusal: RecordRefusal<AddonRecord, AddonDraft.Field> {
        switch self {
        case .notFound: .notFound
        case .versionConflict(let current): .conflict(current: current)
        case .invalid(let problems): .invalid(problems)
        }
    }
}

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

    static let fieldNames = AddonDraft.Field.allCases.map(\.rawValue)

    static func list(_ query: CatalogListQuery, _ admin: AdminContext) throws -> Response {
        let after = try RecordForms.cursor(query.after, admin).map(AddonID.init(rawValue:))
        let page = try CatalogStore.addonPage(
            try admin.connection(), search: query.search ?? "", includeInactive: query.inactive, after: after)
        return admin.html(AddonListPage.render(page: page, query: query, admin: try admin.page()))
    }

    static func new(_ admin: AdminContext) throws -> Response {
        let products = try CatalogStore.productOptions(try admin.connection())
        return admin.html(
            AddonFormPage.render(mode: .new, form: FormState(values: AddonFormPage.newDefaults), products: products, admin: try admin.page()))
    }

    static func create(_ admin: AdminContext) throws -> Response {
        let values = admin.formValues(fieldNames)
        let draft: AddonDraft
        do {
            draft = try AddonDraft(form: values)
        } catch {
            return try refused(.new, values, error.problems, admin)
        }
        do {
            _ = try CatalogStore.createAddon(try admin.connection(), draft: draft, actor: admin.actor)
            return admin.redirect(to: .admin(.addons(.list(CatalogListQuery()))), flash: .created)
        } catch AddonStoreError.invalid(let problems) {
            return try refused(.new, values, problems, admin)
        }
    }

    static func edit(_ id: AddonID, _ admin: AdminContext) throws -> Response {
        guard let addon = try CatalogStore.addonRecord(try admin.connection(), id: id) else { throw HTTPError(.notFound) }
        return try form(of: addon, formError: nil, status: .ok, admin)
    }

    static func update(_ id: AddonID, _ admin: AdminContext) throws -> Response {
        let version = try RecordForms.version(admin)
        guard let stored = try CatalogStore.addonRecord(try admin.connection(), id: id) else { throw HTTPError(.notFound) }
        var values = admin.formValues(fieldNames)
        values["version"] = String(version)
        let mode = AddonFormPage.Mode.edit(id, name: stored.draft.name, active: stored.active)
        let draft: AddonDraft
        do {
            draft = try AddonDraft(form: values)
        } catch {
            return try refused(mode, values, error.problems, admin)
        }
        do {
            try CatalogStore.updateAddon(try admin.connection(), id: id, version: version, draft: draft, actor: admin.actor)
            return admin.redirect(to: .admin(.addons(.list(CatalogListQuery()))), flash: .saved)
        } catch AddonStoreError.notFound {
            throw HTTPError(.notFound)
        } catch AddonStoreError.versionConflict(let current) {
            return try form(of: current, formError: admin.strings.conflictMessage, status: .conflict, admin)
        } catch AddonStoreError.invalid(let problems) {
            return try refused(mode, values, problems, admin)
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

    static func form(of addon: AddonRecord, formError: String?, status: HTTPStatus, _ admin: AdminContext) throws -> Response {
        var values = addon.draft.formValues(admin.strings.language)
        values["version"] = String(addon.version)
        let products = try CatalogStore.productOptions(try admin.connection(), including: addon.draft.productID)
        return admin.html(
            AddonFormPage.render(
                mode: .edit(addon.id, name: addon.draft.name, active: addon.active), form: FormState(values: values, formError: formError),
                products: products, admin: try admin.page()),
            status: status)
    }

    static func refused(
        _ mode: AddonFormPage.Mode, _ values: [String: String], _ problems: [AddonDraft.Field: RecordFieldProblem], _ admin: AdminContext
    ) throws -> Response {
        var including: ProductID?
        if let text = values["product"], let id = Int64(text) { including = ProductID(rawValue: id) }
        let products = try CatalogStore.productOptions(try admin.connection(), including: including)
        return admin.html(
            AddonFormPage.render(
                mode: mode, form: FormState(values: values, errors: RecordForms.errors(problems, admin.strings)), products: products,
                admin: try admin.page()),
            status: .badRequest)
    }
}

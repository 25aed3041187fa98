import Database
import Domain
import HTTP
import Routing
import Sanitizer
import Templates

/// The products pages: list and search, create and edit (management; the description through the
/// sanitiser), the detail page with the availability strip and the stock form (warehouse too),
/// deactivate and reactivate.
enum ProductsHandler {
    static func handle(_ route: ProductsRoute, _ admin: AdminContext) throws -> Response {
        switch route {
        case .list(let query): try list(query, admin)
        case .new: try new(admin)
        case .create: try create(admin)
        case .show(let id, let query): try show(id, query, admin)
        case .edit(let id): try edit(id, admin)
        case .update(let id): try update(id, admin)
        case .setStock(let id): try setStock(id, admin)
        case .deactivate(let id): try deactivate(id, admin)
        }
    }

    static let fieldNames = ProductDraft.Field.allCases.map(\.rawValue)

    static func list(_ query: CatalogListQuery, _ admin: AdminContext) throws -> Response {
        let after = try RecordForms.cursor(query.after, admin).map(ProductID.init(rawValue:))
        let page = try CatalogStore.productPage(
            try admin.connection(), search: query.search ?? "", includeInactive: query.inactive, after: after)
        return admin.html(ProductListPage.render(page: page, query: query, admin: try admin.page()))
    }

    static func new(_ admin: AdminContext) throws -> Response {
        let categories = try CatalogStore.categories(try admin.connection())
        return admin.html(
            ProductFormPage.render(
                mode: .new, form: FormState(values: ProductFormPage.newDefaults), categories: categories, admin: try admin.page()))
    }

    static func create(_ admin: AdminContext) throws -> Response {
        let values = admin.formValues(fieldNames)
        let draft: ProductDraft
        switch read(values, admin) {
        case .success(let read): draft = read
        case .failure(let errors): return try refused(.new, values, errors, admin)
        }
        do {
            let id = try CatalogStore.createProduct(try admin.connection(), draft: draft, actor: admin.actor)
            return admin.redirect(to: .admin(.products(.show(id, ProductQuery()))), flash: .created)
        } catch ProductStoreError.invalid(let problems) {
            return try refused(.new, values, errors(problems, admin), admin)
        }
    }

    /// The detail page; `from`/`to` choose the strip's period (default two weeks from today).
    static func show(_ id: ProductID, _ query: ProductQuery, _ admin: AdminContext) throws -> Response {
        guard let product = try CatalogStore.productRecord(try admin.connection(), id: id) else { throw HTTPError(.notFound) }
        return try detail(product, query: query, stockForm: stockForm(of: product), status: .ok, admin)
    }

    static func edit(_ id: ProductID, _ admin: AdminContext) throws -> Response {
        let db = try admin.connection()
        guard let product = try CatalogStore.productRecord(db, id: id) else { throw HTTPError(.notFound) }
        return try form(of: product, formError: nil, status: .ok, admin)
    }

    static func update(_ id: ProductID, _ admin: AdminContext) throws -> Response {
        let version = try RecordForms.version(admin)
        var values = admin.formValues(fieldNames)
        values["version"] = String(version)
        let mode = ProductFormPage.Mode.edit(id, name: values["name"] ?? "")
        let draft: ProductDraft
        switch read(values, admin) {
        case .success(let read): draft = read
        case .failure(let errors): return try refused(mode, values, errors, admin)
        }
        do {
            try CatalogStore.updateProduct(try admin.connection(), id: id, version: version, draft: draft, actor: admin.actor)
            return admin.redirect(to: .admin(.products(.show(id, ProductQuery()))), flash: .saved)
        } catch ProductStoreError.notFound {
            throw HTTPError(.notFound)
        } catch ProductStoreError.versionConflict(let current) {
            return try form(of: current, formError: admin.strings.conflictMessage, status: .conflict, admin)
        } catch ProductStoreError.invalid(let problems) {
            return try refused(mode, values, errors(problems, admin), admin)
        }
    }

    /// The stock level alone, from the detail page (warehouse, manager, admin).
    static func setStock(_ id: ProductID, _ admin: AdminContext) throws -> Response {
        let version = try RecordForms.version(admin)
        let db = try admin.connection()
        guard let product = try CatalogStore.productRecord(db, id: id) else { throw HTTPError(.notFound) }
        let typed = admin.formValues(["stock"])["stock"] ?? ""
        let stock: Int
        do {
            stock = try ProductDraft.stockLevel(typed)
        } catch {
            let state = FormState(values: ["stock": typed, "version": String(version)], errors: RecordForms.errors(error.problems, admin.strings))
            return try detail(product, query: ProductQuery(), stockForm: state, status: .badRequest, admin)
        }
        do {
            try CatalogStore.setStock(db, id: id, version: version, stock: stock, actor: admin.actor)
            return admin.redirect(to: .admin(.products(.show(id, ProductQuery()))), flash: .saved)
        } catch ProductStoreError.notFound {
            throw HTTPError(.notFound)
        } catch ProductStoreError.versionConflict(let current) {
            var state = stockForm(of: current)
            state.formError = admin.strings.conflictMessage
            return try detail(current, query: ProductQuery(), stockForm: state, status: .conflict, admin)
        }
    }

    /// Deactivates, or with `active=yes` reactivates, the product.
    static func deactivate(_ id: ProductID, _ admin: AdminContext) throws -> Response {
        let reactivate = admin.request.form["active"] == "yes"
        do {
            try CatalogStore.setProductActive(try admin.connection(), id: id, active: reactivate, actor: admin.actor)
        } catch ProductStoreError.notFound {
            throw HTTPError(.notFound)
        }
        return admin.redirect(to: .admin(.products(.show(id, ProductQuery()))), flash: reactivate ? .reactivated : .deactivated)
    }

    // MARK: - Pieces

    /// Validates the form and sanitises the description (what is stored is the sanitiser's output).
    static func read(_ values: [String: String], _ admin: AdminContext) -> Result<ProductDraft, FieldErrors> {
        var draft: ProductDraft
        do {
            draft = try ProductDraft(form: values)
        } catch {
            return .failure(FieldErrors(messages: errors(error.problems, admin)))
        }
        do {
            draft.descriptionHTML = try HTMLSanitizer.sanitize(draft.descriptionHTML).markup
        } catch {
            return .failure(FieldErrors(messages: [ProductDraft.Field.description.rawValue: admin.strings.catalog.productDescriptionUnreadable]))
        }
        return .success(draft)
    }

    struct FieldErrors: Error { let messages: [String: String] }

    static func errors(_ problems: [ProductDraft.Field: RecordFieldProblem], _ admin: AdminContext) -> [String: String] {
        var messages = RecordForms.errors(problems, admin.strings)
        if problems[.sku] == .taken { messages[ProductDraft.Field.sku.rawValue] = admin.strings.catalog.productSKUTaken }
        return messages
    }

    static func stockForm(of product: ProductRecord) -> FormState {
        FormState(values: ["stock": String(product.draft.stock), "version": String(product.version)])
    }

    static func detail(
        _ product: ProductRecord, query: ProductQuery, stockForm: FormState, status: HTTPStatus, _ admin: AdminContext
    ) throws -> Response {
        var periodForm = FormState(values: ["from": query.from ?? "", "to": query.to ?? ""])
        var strip: ProductDetailPage.Strip?
        var status = status
        do {
            let period = try AvailabilityWindow.period(from: query.from, to: query.to, today: BusinessCalendar.today())
            periodForm.values = ["from": period.start.iso, "to": period.end.iso]
            let result = try CatalogStore.availability(try admin.connection(), product: product.id, stock: product.draft.stock, period: period)
            strip = ProductDetailPage.Strip(availability: result.availability, bookings: result.bookings)
        } catch let invalid as AvailabilityWindow.Invalid {
            periodForm.errors = RecordForms.errors(invalid.problems, admin.strings)
            if status == .ok { status = .badRequest }
        }
        let description = (try? HTMLSanitizer.sanitize(product.draft.descriptionHTML)) ?? .empty
        return admin.html(
            ProductDetailPage.render(
                product: product, description: description, periodForm: periodForm, strip: strip, stockForm: stockForm,
                admin: try admin.page()),
            status: status)
    }

    static func form(of product: ProductRecord, formError: String?, status: HTTPStatus, _ admin: AdminContext) throws -> Response {
        var values = product.draft.formValues(admin.strings.language)
        values["version"] = String(product.version)
        let categories = try CatalogStore.categories(try admin.connection())
        return admin.html(
            ProductFormPage.render(
                mode: .edit(product.id, name: product.draft.name), form: FormState(values: values, formError: formError),
                categories: categories, admin: try admin.page()),
            status: status)
    }

    static func refused(
        _ mode: ProductFormPage.Mode, _ values: [String: String], _ errors: FieldErrors, _ admin: AdminContext
    ) throws -> Response {
        try refused(mode, values, errors.messages, admin)
    }

    static func refused(
        _ mode: ProductFormPage.Mode, _ values: [String: String], _ errors: [String: String], _ admin: AdminContext
    ) throws -> Response {
        let categories = try CatalogStore.categories(try admin.connection())
        return admin.html(
            ProductFormPage.render(mode: mode, form: FormState(values: values, errors: errors), categories: categories, admin: try admin.page()),
            status: .badRequest)
    }
}

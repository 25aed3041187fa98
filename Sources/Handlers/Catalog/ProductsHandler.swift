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

    static func list(_ query: CatalogListQuery, _ admin: AdminContext) throws -> Response {
        var query = query
        let fields = try CustomFieldForms(admin, .product)
        let filters = fields.filters
        query.custom = filters.items
        let after = try RecordForms.cursor(query.after, admin).map(ProductID.init(rawValue:))
        let page = try CatalogStore.productPage(
            try admin.connection(), search: query.search ?? "", includeInactive: query.inactive, after: after,
            filters: filters.filters)
        return admin.html(
            ProductListPage.render(page: page, query: query, fields: fields.definitions, admin: try admin.page()))
    }

    static func new(_ admin: AdminContext) throws -> Response {
        let fields = try CustomFieldForms(admin, .product)
        return try editing(admin, fields).page(
            .new, FormState(values: ProductFormPage.newDefaults.merging(fields.defaults) { a, _ in a }), .ok)
    }

    static func create(_ admin: AdminContext) throws -> Response {
        try editing(admin).create(.new) { draft in
            let id = try CatalogStore.createProduct(
                try admin.connection(), draft: draft.draft, custom: draft.custom, actor: admin.actor)
            return .admin(.products(.show(id, ProductQuery())))
        }
    }

    /// The detail page; `from`/`to` choose the strip's period (default two weeks from today).
    static func show(_ id: ProductID, _ query: ProductQuery, _ admin: AdminContext) throws -> Response {
        guard let product = try CatalogStore.productRecord(try admin.connection(), id: id) else {
            throw HTTPError(.notFound)
        }
        return try detail(product, query: query, stockForm: stockForm(of: product), status: .ok, admin)
    }

    static func edit(_ id: ProductID, _ admin: AdminContext) throws -> Response {
        let db = try admin.connection()
        guard let product = try CatalogStore.productRecord(db, id: id) else { throw HTTPError(.notFound) }
        return try editing(admin).edit(product)
    }

    static func update(_ id: ProductID, _ admin: AdminContext) throws -> Response {
        try editing(admin).update(
            mode: { .edit(id, name: $0["name"] ?? "") },
            save: { draft, version in
                try CatalogStore.updateProduct(
                    try admin.connection(), id: id, version: version, draft: draft.draft, custom: draft.custom,
                    actor: admin.actor)
                return .admin(.products(.show(id, ProductQuery())))
            })
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
            let state = FormState(
                values: ["stock": typed, "version": String(version)],
                errors: RecordForms.errors(error.problems, admin.strings))
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
        return admin.redirect(
            to: .admin(.products(.show(id, ProductQuery()))), flash: reactivate ? .reactivated : .deactivated)
    }

    // MARK: - Pieces

    /// The create and edit forms: the draft validated by `ProductDraft` (its description through
    /// the sanitiser), written by `CatalogStore`.
    /// The custom fields are checked with the draft: every problem shown at once, nothing written.
    static func editing(
        _ admin: AdminContext, _ fields: CustomFieldForms? = nil
    ) throws -> RecordEditing<WithCustom<ProductDraft>, ProductStoreError, ProductFormPage.Mode> {
        let fields = try fields ?? CustomFieldForms(admin, .product)
        return RecordEditing(
            admin,
            validate: { values in
                let custom: (values: [String: JSONValue], messages: [String: String])
                do { custom = try fields.check(values, updating: values["version"] != nil) } catch {
                    return .failure(FieldMessages(messages: [:]))
                }
                switch read(values, admin) {
                case .success(let draft):
                    guard custom.messages.isEmpty else { return .failure(FieldMessages(messages: custom.messages)) }
                    return .success(WithCustom(draft: draft, custom: custom.values))
                case .failure(let refused):
                    return .failure(
                        FieldMessages(messages: refused.messages.merging(custom.messages) { a, _ in a }))
                }
            },
            page: { mode, form, status in
                let categories = try CatalogStore.categories(try admin.connection())
                return admin.html(
                    ProductFormPage.render(
                        mode: mode, form: form, categories: categories, fields: fields.definitions,
                        admin: try admin.page()),
                    status: status)
            },
            stored: { product in
                (
                    .edit(product.id, name: product.draft.name),
                    product.draft.formValues(admin.strings.language).merging(
                        CustomFieldValues.formValues(product.custom, fields.definitions)
                    ) { a, _ in a },
                    product.version
                )
            },
            messages: { errors($0, admin) },
            extraValues: { fields.typed })
    }

    /// Validates the form and sanitises the description (what is stored is the sanitiser's output).
    static func read(_ values: [String: String], _ admin: AdminContext) -> Result<ProductDraft, FieldMessages> {
        var draft: ProductDraft
        do {
            draft = try ProductDraft(form: values)
        } catch {
            return .failure(FieldMessages(messages: errors(error.problems, admin)))
        }
        do {
            draft.descriptionHTML = try HTMLSanitizer.sanitize(draft.descriptionHTML).markup
        } catch {
            return .failure(
                FieldMessages(messages: [
                    ProductDraft.Field.description.rawValue: admin.strings.catalog.productDescriptionUnreadable
                ]))
        }
        return .success(draft)
    }

    static func errors(_ problems: [ProductDraft.Field: RecordFieldProblem], _ admin: AdminContext) -> [String: String]
    {
        var messages = RecordForms.errors(problems, admin.strings)
        if problems[.sku] == .taken {
            messages[ProductDraft.Field.sku.rawValue] = admin.strings.catalog.productSKUTaken
        }
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
            let result = try CatalogStore.availability(
                try admin.connection(), product: product.id, stock: product.draft.stock, period: period)
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
}

extension ProductStoreError: RecordStoreRefusal {
    var refusal: RecordRefusal<ProductRecord, ProductDraft.Field> {
        switch self {
        case .notFound: .notFound
        case .versionConflict(let current): .conflict(current: current)
        case .invalid(let problems): .invalid(problems)
        }
    }
}

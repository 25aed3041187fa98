import Database
import Domain
import Foundation
import HTTP
import Routing
import Sanitizer
import Templates
import UseCases

/// `/admin/quotations/{id}`: the editor of a draft and the read view of everything else.
///
/// Every button of the editor posts the whole form (`action` says which): saving, adding and
/// removing lines save what was typed (optimistic locking on `version`) and redirect back;
/// finding a customer and recalculating show the form again without saving.
enum QuotationEditorHandler {
    static func show(_ id: QuotationID, _ admin: AdminContext) throws -> Response {
        guard let record = try QuotationStore.load(try admin.connection(), id: id) else { throw HTTPError(.notFound) }
        return try render(record, admin)
    }

    static func update(_ id: QuotationID, _ admin: AdminContext) throws -> Response {
        let s = admin.strings
        let db = try admin.connection()
        let action = admin.request.form["action"] ?? "save"
        let expected = Int(admin.request.form["version"] ?? "") ?? -1
        if action == "reopen" { return try QuotationActionHandler.reopen(id, expectedVersion: expected, admin) }
        guard let record = try QuotationStore.load(db, id: id) else { throw HTTPError(.notFound) }
        guard record.state == .draft else {
            var form = QuotationEditorForm(record: record, language: admin.strings.language)
            form.formError = s.quotations.errorNotDraft
            return try render(record, admin, form: form, status: .conflict)
        }

        var removing: Int?
        if action.hasPrefix("remove_line_") { removing = Int(action.dropFirst("remove_line_".count)) }
        var form = QuotationEditorForm(submitted: admin, removing: removing)
        let fields = try CustomFieldForms(admin, .quotation)
        let typedCustom = fields.typed
        form.values.merge(typedCustom) { own, _ in own }

        if action == "find_customer" {
            let query = form.values["customer_q"] ?? ""
            let found = query.isEmpty ? [] : try QuotationStore.searchCustomers(db, matching: query)
            var reading = form
            let parsed = reading.read(s)
            return try render(record, admin, form: form, reading: parsed, results: found, searched: true, status: .ok)
        }
        if action == "add_line" { try addLine(&form, db: db, s: s, language: s.language) }

        var checked = form
        let reading = checked.read(s)
        let custom = try fields.check(typedCustom, updating: true)
        checked.errors.merge(custom.messages) { own, _ in own }
        guard var content = reading.content, custom.messages.isEmpty else {
            return try render(record, admin, form: checked, reading: reading, status: .badRequest)
        }
        // Another customer: the address follows, unless staff had typed one of their own.
        if content.customer != record.content.customer {
            let previous = try QuotationStore.defaultDeliveryAddress(db, customer: record.content.customer)
            if content.deliveryAddress == previous || content.deliveryAddress.printedLines.isEmpty,
                let next = try QuotationStore.defaultDeliveryAddress(db, customer: content.customer)
            {
                content.deliveryAddress = next
            }
        }
        if action == "preview" {
            return try render(record, admin, form: checked, reading: reading, preview: true, status: .ok)
        }
        switch try SaveQuotation.run(
            db, id: id, expectedVersion: expected, content: content, custom: custom.values, actor: admin.actor)
        {
        case .saved:
            return admin.redirect(to: .admin(.quotations(.show(id))), flash: .saved)
        case .conflict:
            guard let current = try QuotationStore.load(db, id: id) else { throw HTTPError(.notFound) }
            var fresh = QuotationEditorForm(record: current, language: s.language)
            fresh.formError = s.conflictMessage
            return try render(current, admin, form: fresh, status: .conflict)
        case .notFound:
            throw HTTPError(.notFound)
        case .notEditable:
            guard let current = try QuotationStore.load(db, id: id) else { throw HTTPError(.notFound) }
            var fresh = QuotationEditorForm(record: current, language: s.language)
            fresh.formError = s.quotations.errorNotDraft
            return try render(current, admin, form: fresh, status: .conflict)
        case .customerNotFound:
            checked.errors["customer_id"] = s.quotations.errorCustomerGone
            return try render(record, admin, form: checked, reading: reading, status: .badRequest)
        }
    }

    /// Adds the line chosen in `new_item` (an active product or add-on at its catalogue price, or
    /// an empty free-text line), or sets the error next to the choice.
    private static func addLine(
        _ form: inout QuotationEditorForm, db: Connection, s: Strings, language: Language
    ) throws {
        let choice = form.values["new_item"] ?? ""
        let quantityText = form.values["new_quantity"] ?? ""
        let quantity = quantityText.isEmpty ? 1 : Int(quantityText).flatMap { (1...100_000).contains($0) ? $0 : nil }
        guard let quantity else {
            form.errors["new_quantity"] = s.quotations.errorQuantity
            return
        }
        guard form.lineCount < QuotationEditorForm.maximumLines else {
            form.formError = s.quotations.errorTooManyLines
            return
        }
        let parts = choice.split(separator: ":")
        let id = parts.count == 2 ? Int64(parts[1]) : nil
        var line: QuotationLine?
        if choice == "custom" {
            line = try QuotationLine(
                item: .custom, description: s.quotations.freeTextDescription, quantity: quantity, pricing: .flat,
                unitPrice: .zero)
        } else if parts.first == "product", let id,
            let product = try CatalogStore.product(db, id: ProductID(rawValue: id)), product.active
        {
            line = try QuotationLine(
                item: .product(product.id), description: product.name, quantity: quantity, pricing: product.pricing,
                unitPrice: product.price)
        } else if parts.first == "addon", let id, let addon = try CatalogStore.addon(db, id: AddonID(rawValue: id)),
            addon.active
        {
            line = try QuotationLine(
                item: .addon(addon.id), description: addon.name, quantity: quantity, pricing: addon.pricing,
                unitPrice: addon.price)
        }
        guard let line else {
            form.errors["new_item"] = s.quotations.errorUnknownItem
            return
        }
        form.append(line, language: language)
    }

    // MARK: - Rendering

    /// The page for `record`: its stored content, or `form` as typed (with `reading`, what of it
    /// could be read, for per-line amounts, availability and totals).
    static func render(
        _ record: QuotationRecord, _ admin: AdminContext, form given: QuotationEditorForm? = nil,
        reading given2: QuotationEditorForm.Reading? = nil, results: [CustomerChoice] = [], searched: Bool = false,
        preview: Bool = false, sendForm: FormState = FormState(), status: HTTPStatus = .ok
    ) throws -> Response {
        let db = try admin.connection()
        let s = admin.strings
        let language = s.language
        let customFields = try CustomFieldStore.active(db, .quotation)
        var form = given ?? QuotationEditorForm(record: record, language: language)
        if given == nil {
            form.values.merge(CustomFieldValues.formValues(record.custom, customFields)) { own, _ in own }
        }
        let page = try admin.page()
        let editable = record.state == .draft && page.may(.admin(.quotations(.update(record.id))))
        let mayManage = page.may(.admin(.quotations(.send(record.id))))

        // What the page shows the money and stock of: the input when given, else the stored quotation.
        let period: RentalPeriod?
        let lines: [QuotationLine?]
        var totals: QuotationTotals?
        if let reading = given2 {
            period = reading.period
            lines = reading.lines
            totals = try? reading.content?.totals()
        } else {
            period = record.content.period
            lines = record.content.lines
            totals = try? record.content.totals()
        }
        let customerID =
            Int64(form.values["customer_id"] ?? "").map(CustomerID.init(rawValue:)) ?? record.content.customer
        let reads = try QuotationStore.editorReads(
            db, quotationID: record.id, customer: customerID, stockLines: lines.compactMap { $0 },
            period: record.state.isFinal ? nil : period, catalog: editable)
        let stock = reads.stock
        let lineInfos = lines.map { line -> QuotationEditorPage.LineInfo in
            guard let line, let period else { return .init(days: nil, total: nil, stock: nil) }
            let priced = try? QuotationTotals.compute(lines: [line], period: period).lines.first
            var lineStock: QuotationEditorPage.Stock?
            if case .product(let product) = line.item, let item = stock?.item(for: product) {
                lineStock = .init(
                    requested: item.requested, stock: item.stock, maxReserved: item.maxReserved,
                    available: item.available)
            }
            return .init(days: priced?.days, total: priced?.total, stock: lineStock)
        }
        // The send panel checks what is saved, not what is typed.
        var shortages: [QuotationEditorPage.Shortage] = []
        if mayManage, record.state == .draft || record.state.editingMakesNewVersion {
            // Showing the stored quotation, the check above was of the same lines and period.
            let saved =
                given2 == nil && stock != nil
                ? stock!
                : try QuotationStore.stockCheck(db, lines: record.content.lines, period: record.content.period)
            shortages = saved.shortages.map { item in
                .init(
                    name: name(of: item.product, in: record.content.lines), requested: item.requested,
                    available: item.available)
            }
        }

        let customer = reads.customer.map {
            option($0, archived: customerID == record.content.customer && record.customerArchived)
        }
        let versions = reads.versions
        var signed: QuotationEditorPage.Signed?
        if record.state == .signed, let number = versions.first(where: { $0.state == .signed })?.number,
            let evidence = try QuotationStore.versionDetail(db, quotationID: record.id, number: number)?.signature
        {
            signed = .init(version: number, signerName: evidence.signerName, signedAt: evidence.signedAt)
        }
        var model = QuotationEditorPage.Model(
            header: .init(
                id: record.id, number: record.number, state: record.state, version: record.version,
                createdBy: record.createdByName, createdAt: record.createdAt, updatedAt: record.updatedAt,
                bookingID: record.booking?.id, bookingNumber: record.booking?.number),
            customer: customer, customerResults: results.map { option($0) }, searched: searched, form: form.state,
            lines: lineInfos, totals: totals, preview: preview,
            items: editable ? itemOptions(reads.catalog, s) : [],
            link: record.liveLink.map { link in
                .init(
                    versionNo: link.versionNo, recipient: link.recipient, createdAt: link.createdAt,
                    expiresAt: link.expiresAt, expired: link.isExpired(), firstViewedAt: link.firstViewedAt,
                    viewCount: link.viewCount, email: link.email)
            },
            signed: signed,
            versions: versions.map {
                .init(
                    number: $0.number, state: $0.state, sentAt: $0.sentAt, total: $0.total, sha256: $0.sha256,
                    sentBy: $0.sentByName, declined: $0.declined)
            },
            terms: editable ? .empty : ((try? HTMLSanitizer.sanitize(record.content.termsHTML)) ?? .empty),
            editable: editable, mayManage: mayManage, sendForm: sendForm, shortages: shortages)
        model.customFields = customFields
        model.customValues = record.custom
        model.recipientChange = SendingRules.recipientChange(
            previous: record.lastRecipient, current: record.customer.email
        ).map { .init(from: $0.from, to: $0.to) }
        if record.state != .draft {
            model.emails = try EventStore.emails(try admin.connection(), .quotation(record.id.rawValue))
        }
        if admin.user.role != .warehouse {
            model.conversations = try InboxStore.conversations(try admin.connection(), .quotation(record.id), limit: 20)
        }
        model.tasks = try TasksHandler.cardData(try admin.connection(), .quotation(record.id), customer: nil, admin)
        return admin.html(QuotationEditorPage.render(model, admin: page), status: status)
    }

    static func option(_ c: CustomerChoice, archived: Bool = false) -> QuotationEditorPage.Customer {
        QuotationEditorPage.Customer(id: c.id, name: c.displayName, detail: detail(c), archived: archived)
    }

    /// What tells customers apart in a list: the contact (for companies), email, phone, city.
    static func detail(_ c: CustomerChoice) -> String {
        [c.companyName.isEmpty ? "" : c.name, c.email, c.phone, c.city].filter { !$0.isEmpty }.joined(separator: " · ")
    }

    private static func name(of product: ProductID, in lines: [QuotationLine]) -> String {
        for line in lines {
            if case .product(let id) = line.item, id == product { return line.description }
        }
        return "#\(product.rawValue)"
    }

    private static func itemOptions(_ catalog: [CatalogChoice], _ s: Strings) -> [QuotationEditorPage.ItemOption] {
        let language = s.language
        return catalog.map { choice in
            switch choice.kind {
            case .product:
                return .init(
                    value: "product:\(choice.id)",
                    label:
                        "\(choice.name) – \(choice.price.formatted(language)) \(s.quotations.pricingName(choice.pricing))",
                    group: choice.category.isEmpty ? s.quotations.products : choice.category)
            case .addon:
                return .init(
                    value: "addon:\(choice.id)",
                    label:
                        "\(choice.name) – \(choice.price.formatted(language)) \(s.quotations.pricingName(choice.pricing))",
                    group: s.quotations.addons)
            }
        }
    }
}

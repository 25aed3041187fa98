public import Domain

/// Products for the catalogue pages: list, read, create, edit, stock, (de)activate. Every change
/// writes its audit row in the same transaction; edits use optimistic locking on `version`.
extension CatalogStore {
    /// Categories in their display order, for the product form's select. - Throws: `DatabaseError`.
    public static func categories(_ connection: Connection) throws -> [RecordOption] {
        try connection.query("SELECT id, name FROM product_categories ORDER BY position, name COLLATE eg_swedish, id")
            .map {
                RecordOption(id: try $0.decode("id"), label: try $0.decode("name"))
            }
    }

    static let productColumns: Query = """
        p.id, p.sku, p.name, p.description_html, p.category_id, c.name AS category_name, p.price_ore, p.pricing, p.stock,
        p.active, p.version, p.updated_at, array_to_json(p.synonyms)::text AS synonyms, p.capacity,
        p.custom::text AS custom
        """

    static func decodeProduct(_ row: Row) throws -> ProductRecord {
        let pricingText: String = try row.decode("pricing")
        guard let pricing = LinePricing(rawValue: pricingText) else {
            throw DatabaseError(
                .decoding(column: "pricing"), message: "unknown pricing", safeDetail: "products.pricing")
        }
        var record = ProductRecord(
            id: ProductID(rawValue: try row.decode("id")),
            draft: ProductDraft(
                sku: try row.decode("sku"), name: try row.decode("name"), categoryID: try row.decode("category_id"),
                price: Money(ore: try row.decode("price_ore")), pricing: pricing, stock: try row.decode("stock"),
                descriptionHTML: try row.decode("description_html"),
                synonyms: InboxStore.strings(try row.decode("synonyms")), capacity: try row.decode("capacity")),
            categoryName: try row.decode("category_name"), active: try row.decode("active"),
            version: try row.decode("version"),
            updatedAt: try row.decode("updated_at"))
        record.custom = CustomFieldStore.values(json: try row.decode("custom"))
        return record
    }

    /// The product with its category's name, or nil. - Throws: `DatabaseError`.
    public static func productRecord(_ connection: Connection, id: ProductID) throws -> ProductRecord? {
        try connection.query(
            "SELECT " + productColumns
                + " FROM products p LEFT JOIN product_categories c ON c.id = p.category_id WHERE p.id = \(id.rawValue)"
        ).first.map(decodeProduct)
    }

    /// One page of products by name (Swedish order), then id.
    /// - Parameters:
    ///   - search: matched anywhere in SKU and name (the trigram index on `sku || ' ' || name`).
    ///   - includeInactive: deactivated products are left out unless true.
    ///   - after: the id of the previous page's last product.
    /// - Throws: `DatabaseError`.
    public static func productPage(
        _ connection: Connection, search: String, includeInactive: Bool, after: ProductID?,
        filters: [CustomFilter] = [], limit: Int = RecordPage<ProductSummary>.size
    ) throws -> RecordPage<ProductSummary> {
        var cursor: (name: String, id: Int64)?
        if let after {
            guard let key = try connection.query("SELECT name FROM products WHERE id = \(after.rawValue)").first else {
                return RecordPage(rows: [], nextAfter: nil)
            }
            cursor = (try key.decode("name"), after.rawValue)
        }
        let query = productPageQuery(
            search: search, includeInactive: includeInactive, cursor: cursor, filters: filters, limit: limit)
        let rows = try connection.query(query)
        var summaries: [ProductSummary] = []
        for row in rows.prefix(limit) {
            let pricingText: String = try row.decode("pricing")
            var summary =
                ProductSummary(
                    id: ProductID(rawValue: try row.decode("id")), sku: try row.decode("sku"),
                    name: try row.decode("name"),
                    categoryName: try row.decode("category_name"), price: Money(ore: try row.decode("price_ore")),
                    pricing: LinePricing(rawValue: pricingText) ?? .perDay, stock: try row.decode("stock"),
                    active: try row.decode("active"))
            summary.custom = CustomFieldStore.values(json: try row.decode("custom"))
            summaries.append(summary)
        }
        return RecordPage(rows: summaries, nextAfter: rows.count > limit ? summaries.last?.id.rawValue : nil)
    }

    /// The products page's statement (separate so tests can EXPLAIN it).
    static func productPageQuery(
        search: String, includeInactive: Bool, cursor: (name: String, id: Int64)?, filters: [CustomFilter] = [],
        limit: Int
    ) -> Query {
        var query: Query = """
            SELECT p.id, p.sku, p.name, c.name AS category_name, p.price_ore, p.pricing, p.stock, p.active,
                   p.custom::text AS custom
              FROM products p LEFT JOIN product_categories c ON c.id = p.category_id
             WHERE
            """
        query += includeInactive ? " TRUE" : " p.active"
        let text = ContainsPattern.searchText(search)
        if !text.isEmpty { query += " AND (p.sku || ' ' || p.name) ILIKE \(ContainsPattern.make(text))" }
        query += CustomFieldStore.conditions(filters, column: "p.custom")
        if let cursor { query += " AND (p.name COLLATE eg_swedish, p.id) > (\(cursor.name), \(cursor.id))" }
        query += " ORDER BY p.name COLLATE eg_swedish, p.id LIMIT \(limit + 1)"
        return query
    }

    /// Creates a product; `draft.descriptionHTML` must already be sanitised. Audited.
    /// - Throws: `ProductStoreError.invalid` (`.sku: .taken`, `.category: .invalidChoice`), `DatabaseError`.
    /// `custom`: the custom fields' checked values.
    public static func createProduct(
        _ connection: Connection, draft: ProductDraft, custom: [String: JSONValue] = [:], actor: AuditActor
    ) throws -> ProductID {
        try mappingProductViolations {
            try connection.transaction { tx in
                let id = try createProduct(
                    tx, sku: draft.sku, name: draft.name, descriptionHTML: draft.descriptionHTML,
                    categoryID: draft.categoryID,
                    price: draft.price, pricing: draft.pricing, stock: draft.stock, synonyms: draft.synonyms,
                    capacity: draft.capacity)
                if !custom.isEmpty { try CustomFieldStore.write(tx, .product, id: id.rawValue, custom) }
                try AuditStore.record(
                    tx, actor: actor, entity: "product", entityID: id.rawValue, action: "created",
                    after: draft.auditFields.merging(CustomFieldStore.auditFields(custom)) { a, _ in a })
                return id
            }
        }
    }

    /// Saves `draft` if the product is still at `version`; audited with what changed. Saving what
    /// is stored changes nothing.
    /// - Throws: `ProductStoreError` (`.notFound`, `.versionConflict`, `.invalid`), `DatabaseError`.
    public static func updateProduct(
        _ connection: Connection, id: ProductID, version: Int, draft: ProductDraft, custom: [String: JSONValue]? = nil,
        actor: AuditActor
    ) throws {
        try mappingProductViolations {
            try connection.transaction { tx in
                let current = try lockedProduct(tx, id: id, version: version)
                let newCustom =
                    try custom.map {
                        CustomFieldStore.merged(current.custom, $0, active: try CustomFieldStore.active(tx, .product))
                    } ?? current.custom
                guard
                    let diff = AuditStore.changes(
                        from: current.draft.auditFields.merging(CustomFieldStore.auditFields(current.custom)) { a, _ in
                            a
                        },
                        to: draft.auditFields.merging(CustomFieldStore.auditFields(newCustom)) { a, _ in a })
                else {
                    return
                }
                if newCustom != current.custom { try CustomFieldStore.write(tx, .product, id: id.rawValue, newCustom) }
                try tx.execute(
                    """
                    UPDATE products
                       SET sku = \(draft.sku), name = \(draft.name), description_html = \(draft.descriptionHTML),
                           category_id = \(draft.categoryID), price_ore = \(draft.price.ore), pricing = \(draft.pricing.rawValue),
                           stock = \(draft.stock), synonyms = \(PostgresArray(draft.synonyms))::text[],
                           capacity = \(draft.capacity), version = version + 1
                     WHERE id = \(id.rawValue)
                    """)
                try AuditStore.record(
                    tx, actor: actor, entity: "product", entityID: id.rawValue, action: "updated", before: diff.before,
                    after: diff.after)
            }
        }
    }

    /// Sets the stock level alone (the warehouse's form) if the product is still at `version`; audited.
    /// - Throws: `ProductStoreError` (`.notFound`, `.versionConflict`), `DatabaseError`.
    public static func setStock(
        _ connection: Connection, id: ProductID, version: Int, stock: Int, actor: AuditActor
    ) throws {
        try mappingProductViolations {
            try connection.transaction { tx in
                let current = try lockedProduct(tx, id: id, version: version)
                guard current.draft.stock != stock else { return }
                try tx.execute("UPDATE products SET stock = \(stock), version = version + 1 WHERE id = \(id.rawValue)")
                try AuditStore.record(
                    tx, actor: actor, entity: "product", entityID: id.rawValue, action: "stock_changed",
                    before: ["stock": String(current.draft.stock)], after: ["stock": String(stock)])
            }
        }
    }

    /// Deactivates (hidden from lists and from new quotations) or reactivates a product; audited.
    /// - Returns: whether anything changed. - Throws: `ProductStoreError.notFound`, `DatabaseError`.
    @discardableResult
    public static func setProductActive(
        _ connection: Connection, id: ProductID, active: Bool, actor: AuditActor
    ) throws -> Bool {
        try connection.transaction { tx in
            guard let row = try tx.query("SELECT active FROM products WHERE id = \(id.rawValue) FOR UPDATE").first
            else {
                throw ProductStoreError.notFound
            }
            let current: Bool = try row.decode("active")
            guard current != active else { return false }
            try tx.execute("UPDATE products SET active = \(active), version = version + 1 WHERE id = \(id.rawValue)")
            try AuditStore.record(
                tx, actor: actor, entity: "product", entityID: id.rawValue,
                action: active ? "reactivated" : "deactivated",
                before: ["active": String(current)], after: ["active": String(active)])
            return true
        }
    }

    /// Products to offer in a select (the add-on's "belongs to"): active ones by name, plus
    /// `including` even when inactive, so an add-on's current product stays selectable. At most 2,000.
    /// - Throws: `DatabaseError`.
    public static func productOptions(_ connection: Connection, including: ProductID? = nil) throws -> [RecordOption] {
        try connection.query(
            """
            SELECT id, sku || ' · ' || name AS label FROM products
             WHERE active OR id = \(including?.rawValue)
             ORDER BY name COLLATE eg_swedish, id LIMIT 2000
            """
        ).map { RecordOption(id: try $0.decode("id"), label: try $0.decode("label")) }
    }

    /// The product row locked for an edit, refused when `version` is not current.
    private static func lockedProduct(_ tx: Connection, id: ProductID, version: Int) throws -> ProductRecord {
        guard
            let current = try tx.query(
                "SELECT " + productColumns
                    + " FROM products p LEFT JOIN product_categories c ON c.id = p.category_id WHERE p.id = \(id.rawValue) FOR UPDATE OF p"
            ).first.map(decodeProduct)
        else { throw ProductStoreError.notFound }
        guard current.version == version else { throw ProductStoreError.versionConflict(current: current) }
        return current
    }

    private static func mappingProductViolations<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            switch error.kind {
            case .uniqueViolation("products_sku_key"): throw ProductStoreError.invalid([.sku: .taken])
            case .foreignKeyViolation: throw ProductStoreError.invalid([.category: .invalidChoice])
            case .checkViolation("products_sku_check"): throw ProductStoreError.invalid([.sku: .required])
            case .checkViolation("products_name_check"): throw ProductStoreError.invalid([.name: .required])
            case .checkViolation("products_price_check"): throw ProductStoreError.invalid([.price: .negativeAmount])
            case .checkViolation("products_pricing_check"): throw ProductStoreError.invalid([.pricing: .invalidChoice])
            case .checkViolation("products_stock_check"):
                throw ProductStoreError.invalid([
                    .stock: .outOfRange(minimum: 0, maximum: ProductDraft.stockRange.upperBound)
                ])
            default: throw error
            }
        }
    }
}

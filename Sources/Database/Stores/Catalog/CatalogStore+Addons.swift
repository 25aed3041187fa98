public import Domain

/// Add-ons for the catalogue pages: list, read, create, edit, (de)activate; audited, with
/// optimistic locking on edits.
extension CatalogStore {
    static let addonColumns: Query = """
        a.id, a.name, coalesce(a.description, '') AS description, a.price_ore, a.pricing, a.product_id,
        CASE WHEN p.id IS NULL THEN NULL ELSE p.sku || ' · ' || p.name END AS product_label, a.active, a.version
        """

    static func decodeAddon(_ row: Row) throws -> AddonRecord {
        let pricingText: String = try row.decode("pricing")
        guard let pricing = LinePricing(rawValue: pricingText) else {
            throw DatabaseError(.decoding(column: "pricing"), message: "unknown pricing", safeDetail: "addons.pricing")
        }
        let product: Int64? = try row.decode("product_id")
        return AddonRecord(
            id: AddonID(rawValue: try row.decode("id")),
            draft: AddonDraft(
                name: try row.decode("name"), description: try row.decode("description"),
                price: Money(ore: try row.decode("price_ore")), pricing: pricing,
                productID: product.map(ProductID.init(rawValue:))),
            productLabel: try row.decode("product_label"), active: try row.decode("active"),
            version: try row.decode("version"))
    }

    /// The add-on, or nil. - Throws: `DatabaseError`.
    public static func addonRecord(_ connection: Connection, id: AddonID) throws -> AddonRecord? {
        try connection.query(
            "SELECT " + addonColumns
                + " FROM addons a LEFT JOIN products p ON p.id = a.product_id WHERE a.id = \(id.rawValue)"
        ).first.map(decodeAddon)
    }

    /// One page of add-ons by name (Swedish order), then id; `search` matches the name anywhere.
    /// - Throws: `DatabaseError`.
    public static func addonPage(
        _ connection: Connection, search: String, includeInactive: Bool, after: AddonID?,
        limit: Int = RecordPage<AddonRecord>.size
    ) throws -> RecordPage<AddonRecord> {
        var query: Query = "SELECT " + addonColumns + " FROM addons a LEFT JOIN products p ON p.id = a.product_id WHERE"
        query += includeInactive ? " TRUE" : " a.active"
        let text = ContainsPattern.searchText(search)
        if !text.isEmpty { query += " AND a.name ILIKE \(ContainsPattern.make(text))" }
        if let after {
            guard let key = try connection.query("SELECT name FROM addons WHERE id = \(after.rawValue)").first else {
                return RecordPage(rows: [], nextAfter: nil)
            }
            let name: String = try key.decode("name")
            query += " AND (a.name COLLATE eg_swedish, a.id) > (\(name), \(after.rawValue))"
        }
        query += " ORDER BY a.name COLLATE eg_swedish, a.id LIMIT \(limit + 1)"
        let rows = try connection.query(query)
        let records = try rows.prefix(limit).map(decodeAddon)
        return RecordPage(rows: records, nextAfter: rows.count > limit ? records.last?.id.rawValue : nil)
    }

    /// Creates an add-on; audited. - Throws: `AddonStoreError.invalid`, `DatabaseError`.
    public static func createAddon(_ connection: Connection, draft: AddonDraft, actor: AuditActor) throws -> AddonID {
        try mappingAddonViolations {
            try connection.transaction { tx in
                let id = try createAddon(
                    tx, name: draft.name, description: CustomerStore.nonEmpty(draft.description), price: draft.price,
                    pricing: draft.pricing, productID: draft.productID)
                try AuditStore.record(
                    tx, actor: actor, entity: "addon", entityID: id.rawValue, action: "created",
                    after: draft.auditFields)
                return id
            }
        }
    }

    /// Saves `draft` if the add-on is still at `version`; audited with what changed.
    /// - Throws: `AddonStoreError`, `DatabaseError`.
    public static func updateAddon(
        _ connection: Connection, id: AddonID, version: Int, draft: AddonDraft, actor: AuditActor
    ) throws {
        try mappingAddonViolations {
            try connection.transaction { tx in
                guard
                    let current = try tx.query(
                        "SELECT " + addonColumns
                            + " FROM addons a LEFT JOIN products p ON p.id = a.product_id WHERE a.id = \(id.rawValue) FOR UPDATE OF a"
                    ).first.map(decodeAddon)
                else { throw AddonStoreError.notFound }
                guard current.version == version else { throw AddonStoreError.versionConflict(current: current) }
                guard let diff = AuditStore.changes(from: current.draft.auditFields, to: draft.auditFields) else {
                    return
                }
                try tx.execute(
                    """
                    UPDATE addons
                       SET name = \(draft.name), description = \(CustomerStore.nonEmpty(draft.description)),
                           price_ore = \(draft.price.ore), pricing = \(draft.pricing.rawValue),
                           product_id = \(draft.productID?.rawValue), version = version + 1
                     WHERE id = \(id.rawValue)
                    """)
                try AuditStore.record(
                    tx, actor: actor, entity: "addon", entityID: id.rawValue, action: "updated", before: diff.before,
                    after: diff.after)
            }
        }
    }

    /// Deactivates or reactivates an add-on; audited. - Returns: whether anything changed.
    /// - Throws: `AddonStoreError.notFound`, `DatabaseError`.
    @discardableResult
    public static func setAddonActive(
        _ connection: Connection, id: AddonID, active: Bool, actor: AuditActor
    ) throws -> Bool {
        try connection.transaction { tx in
            guard let row = try tx.query("SELECT active FROM addons WHERE id = \(id.rawValue) FOR UPDATE").first else {
                throw AddonStoreError.notFound
            }
            let current: Bool = try row.decode("active")
            guard current != active else { return false }
            try tx.execute("UPDATE addons SET active = \(active), version = version + 1 WHERE id = \(id.rawValue)")
            try AuditStore.record(
                tx, actor: actor, entity: "addon", entityID: id.rawValue,
                action: active ? "reactivated" : "deactivated",
                before: ["active": String(current)], after: ["active": String(active)])
            return true
        }
    }

    private static func mappingAddonViolations<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            switch error.kind {
            case .foreignKeyViolation: throw AddonStoreError.invalid([.product: .invalidChoice])
            case .checkViolation("addons_name_check"): throw AddonStoreError.invalid([.name: .required])
            case .checkViolation("addons_price_check"): throw AddonStoreError.invalid([.price: .negativeAmount])
            case .checkViolation("addons_pricing_check"): throw AddonStoreError.invalid([.pricing: .invalidChoice])
            default: throw error
            }
        }
    }
}

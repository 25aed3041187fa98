public import Domain
public import Foundation

/// Reading a whole customer, creating, editing (optimistic locking) and archiving, each change
/// with its audit row in the same transaction.
extension CustomerStore {
    static let recordColumns: Query = """
        id, kind, name, coalesce(company_name, '') AS company_name, coalesce(org_number, '') AS org_number,
        coalesce(vat_number, '') AS vat_number, coalesce(email::text, '') AS email, coalesce(phone, '') AS phone,
        coalesce(billing_address_line1, '') AS b1, coalesce(billing_address_line2, '') AS b2,
        coalesce(billing_postal_code, '') AS bpc, coalesce(billing_city, '') AS bcity, billing_country,
        coalesce(delivery_address_line1, '') AS d1, coalesce(delivery_address_line2, '') AS d2,
        coalesce(delivery_postal_code, '') AS dpc, coalesce(delivery_city, '') AS dcity, delivery_country,
        locale, coalesce(notes, '') AS notes, coalesce(peppol_id, '') AS peppol_id, archived_at, version, created_at, updated_at,
        custom::text AS custom
        """

    static func decodeRecord(_ row: Row) throws -> CustomerRecord {
        let kindText: String = try row.decode("kind")
        guard let kind = CustomerDetails.Kind(rawValue: kindText) else {
            throw DatabaseError(
                .decoding(column: "kind"), message: "unknown customer kind", safeDetail: "customers.kind")
        }
        let details = CustomerDetails(
            kind: kind, name: try row.decode("name"), companyName: try row.decode("company_name"),
            organisationNumber: try row.decode("org_number"), vatNumber: try row.decode("vat_number"),
            email: try row.decode("email"), phone: try row.decode("phone"),
            billingAddress: PostalAddress(
                line1: try row.decode("b1"), line2: try row.decode("b2"), postalCode: try row.decode("bpc"),
                city: try row.decode("bcity"), country: try row.decode("billing_country")))
        let delivery = PostalAddress(
            line1: try row.decode("d1"), line2: try row.decode("d2"), postalCode: try row.decode("dpc"),
            city: try row.decode("dcity"), country: try row.decode("delivery_country"))
        let locale = Language(rawValue: try row.decode("locale")) ?? .default
        var record = CustomerRecord(
            id: CustomerID(rawValue: try row.decode("id")),
            profile: CustomerProfile(
                details: details, deliveryAddress: delivery, locale: locale, notes: try row.decode("notes"),
                peppolID: try row.decode("peppol_id")),
            version: try row.decode("version"), archivedAt: try row.decode("archived_at"),
            createdAt: try row.decode("created_at"), updatedAt: try row.decode("updated_at"))
        record.custom = CustomFieldStore.values(json: try row.decode("custom"))
        return record
    }

    /// The whole customer, or nil. - Throws: `DatabaseError`.
    public static func record(_ connection: Connection, id: CustomerID) throws -> CustomerRecord? {
        try connection.query("SELECT " + recordColumns + " FROM customers WHERE id = \(id.rawValue)").first.map(
            decodeRecord)
    }

    /// Creates a customer from a validated profile; audited.
    /// - Throws: `CustomerStoreError.invalid` when the database refuses a value, `DatabaseError`.
    /// `custom`: the custom fields' checked values.
    public static func create(
        _ connection: Connection, profile: CustomerProfile, custom: [String: JSONValue] = [:], actor: AuditActor
    ) throws -> CustomerID {
        try mappingViolations {
            try connection.transaction { tx in
                let id = try create(
                    tx, details: profile.details, deliveryAddress: profile.deliveryAddress,
                    locale: profile.locale.rawValue, notes: profile.notes, peppolID: profile.peppolID)
                if !custom.isEmpty { try CustomFieldStore.write(tx, .customer, id: id.rawValue, custom) }
                try AuditStore.record(
                    tx, actor: actor, entity: "customer", entityID: id.rawValue, action: "created",
                    after: profile.auditFields.merging(CustomFieldStore.auditFields(custom)) { a, _ in a })
                return id
            }
        }
    }

    /// Saves `profile` if the customer is still at `version`; audited with the changed fields before
    /// and after. Saving what is already stored changes nothing (no new version, no audit row).
    /// `custom`: the active custom fields' checked values (nil: leave them); an archived field's
    /// stored value is kept.
    /// - Throws: `CustomerStoreError` (`.notFound`, `.versionConflict` with the current record,
    ///   `.invalid`), `DatabaseError`.
    public static func update(
        _ connection: Connection, id: CustomerID, version: Int, profile: CustomerProfile,
        custom: [String: JSONValue]? = nil, actor: AuditActor
    ) throws {
        try mappingViolations {
            try connection.transaction { tx in
                guard
                    let current = try tx.query(
                        "SELECT " + recordColumns + " FROM customers WHERE id = \(id.rawValue) FOR UPDATE"
                    )
                    .first.map(decodeRecord)
                else { throw CustomerStoreError.notFound }
                guard current.version == version else { throw CustomerStoreError.versionConflict(current: current) }
                let newCustom =
                    try custom.map {
                        CustomFieldStore.merged(current.custom, $0, active: try CustomFieldStore.active(tx, .customer))
                    } ?? current.custom
                guard
                    let diff = AuditStore.changes(
                        from: current.profile.auditFields.merging(CustomFieldStore.auditFields(current.custom)) {
                            a, _ in a
                        },
                        to: profile.auditFields.merging(CustomFieldStore.auditFields(newCustom)) { a, _ in a })
                else {
                    return
                }
                if newCustom != current.custom { try CustomFieldStore.write(tx, .customer, id: id.rawValue, newCustom) }
                let d = profile.details
                let b = d.billingAddress
                let delivery = profile.deliveryAddress
                try tx.execute(
                    """
                    UPDATE customers
                       SET kind = \(d.kind.rawValue), name = \(d.name), company_name = \(nonEmpty(d.companyName)),
                           org_number = \(nonEmpty(d.organisationNumber)), vat_number = \(nonEmpty(d.vatNumber)),
                           email = \(nonEmpty(d.email)), phone = \(nonEmpty(d.phone)),
                           billing_address_line1 = \(nonEmpty(b.line1)), billing_address_line2 = \(nonEmpty(b.line2)),
                           billing_postal_code = \(nonEmpty(b.postalCode)), billing_city = \(nonEmpty(b.city)),
                           billing_country = \(b.country.isEmpty ? "SE" : b.country),
                           delivery_address_line1 = \(nonEmpty(delivery.line1)),
                           delivery_address_line2 = \(nonEmpty(delivery.line2)),
                           delivery_postal_code = \(nonEmpty(delivery.postalCode)), delivery_city = \(nonEmpty(delivery.city)),
                           delivery_country = \(delivery.country.isEmpty ? "SE" : delivery.country),
                           locale = \(profile.locale.rawValue), notes = \(nonEmpty(profile.notes)),
                           peppol_id = \(nonEmpty(profile.peppolID)), version = version + 1
                     WHERE id = \(id.rawValue)
                    """)
                try AuditStore.record(
                    tx, actor: actor, entity: "customer", entityID: id.rawValue, action: "updated", before: diff.before,
                    after: diff.after)
            }
        }
    }

    /// Archives (hidden from lists, history kept) or restores a customer; audited. Bumps the
    /// version, so an edit form opened before is refused rather than silently undoing it.
    /// - Returns: whether anything changed (archiving an archived customer does not).
    /// - Throws: `CustomerStoreError.notFound`, `DatabaseError`.
    @discardableResult
    public static func setArchived(
        _ connection: Connection, id: CustomerID, archived: Bool, actor: AuditActor
    ) throws -> Bool {
        try connection.transaction { tx in
            guard let row = try tx.query("SELECT archived_at FROM customers WHERE id = \(id.rawValue) FOR UPDATE").first
            else {
                throw CustomerStoreError.notFound
            }
            let archivedAt: Date? = try row.decode("archived_at")
            guard (archivedAt != nil) != archived else { return false }
            try tx.execute(
                """
                UPDATE customers SET archived_at = CASE WHEN \(archived) THEN now() END, version = version + 1
                 WHERE id = \(id.rawValue)
                """)
            try AuditStore.record(
                tx, actor: actor, entity: "customer", entityID: id.rawValue, action: archived ? "archived" : "restored",
                before: ["archived": String(!archived)], after: ["archived": String(archived)])
            return true
        }
    }

    /// Runs `body`, turning the customers table's check violations into the form field they concern.
    private static func mappingViolations<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            guard case .checkViolation(let constraint) = error.kind else { throw error }
            switch constraint {
            case "customers_email_check": throw CustomerStoreError.invalid([.email: .invalidEmail])
            case "customers_company_name_check": throw CustomerStoreError.invalid([.companyName: .required])
            case "customers_name_check": throw CustomerStoreError.invalid([.name: .required])
            case "customers_kind_check": throw CustomerStoreError.invalid([.kind: .invalidChoice])
            case "customers_locale_check": throw CustomerStoreError.invalid([.locale: .invalidChoice])
            default: throw error
            }
        }
    }
}

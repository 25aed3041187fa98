public import Domain

/// Customers. Only create and fetch so far (seeding and sending need them); the customer pages
/// will add editing and search.
public enum CustomerStore {
    /// Creates a customer. Empty strings are stored as NULL (optional text is NULL, not '').
    /// - Throws: `DatabaseError` (`.checkViolation("customers_email_check")` for a malformed
    ///   address, `"customers_company_name_check"` for a company without a company name).
    public static func create(
        _ connection: Connection, details: CustomerDetails, deliveryAddress: PostalAddress? = nil,
        locale: String = "sv", notes: String? = nil, peppolID: String = ""
    ) throws(DatabaseError) -> CustomerID {
        let billing = details.billingAddress
        let delivery = deliveryAddress ?? PostalAddress()
        let rows = try connection.query(
            """
            INSERT INTO customers (kind, name, company_name, org_number, vat_number, email, phone,
                                   billing_address_line1, billing_address_line2, billing_postal_code, billing_city,
                                   billing_country,
                                   delivery_address_line1, delivery_address_line2, delivery_postal_code, delivery_city,
                                   delivery_country, locale, notes, peppol_id)
            VALUES (\(details.kind.rawValue), \(details.name), \(nonEmpty(details.companyName)),
                    \(nonEmpty(details.organisationNumber)), \(nonEmpty(details.vatNumber)), \(nonEmpty(details.email)),
                    \(nonEmpty(details.phone)),
                    \(nonEmpty(billing.line1)), \(nonEmpty(billing.line2)), \(nonEmpty(billing.postalCode)),
                    \(nonEmpty(billing.city)), \(billing.country.isEmpty ? "SE" : billing.country),
                    \(nonEmpty(delivery.line1)), \(nonEmpty(delivery.line2)), \(nonEmpty(delivery.postalCode)),
                    \(nonEmpty(delivery.city)), \(delivery.country.isEmpty ? "SE" : delivery.country),
                    \(locale), \(nonEmpty(notes ?? "")), \(nonEmpty(peppolID)))
            RETURNING id
            """)
        return CustomerID(rawValue: try rows[0].decode("id"))
    }

    /// The customer as a quotation snapshot shows it, or nil. - Throws: `DatabaseError`.
    public static func details(_ connection: Connection, id: CustomerID) throws(DatabaseError) -> CustomerDetails? {
        try connection.query(detailsQuery(where: "id = \(id.rawValue)")).first.map(details(from:))
    }

    /// The query behind `details`, for the customer `condition` picks (to run in a pipeline).
    static func detailsQuery(where condition: Query) -> Query {
        """
        SELECT kind, name, coalesce(company_name, '') AS company_name, coalesce(org_number, '') AS org_number,
               coalesce(vat_number, '') AS vat_number, coalesce(email::text, '') AS email,
               coalesce(phone, '') AS phone,
               coalesce(billing_address_line1, '') AS l1, coalesce(billing_address_line2, '') AS l2,
               coalesce(billing_postal_code, '') AS pc, coalesce(billing_city, '') AS city, billing_country
          FROM customers WHERE \(fragment: condition)
        """
    }

    static func details(from row: Row) throws(DatabaseError) -> CustomerDetails {
        let kindText: String = try row.decode("kind")
        guard let kind = CustomerDetails.Kind(rawValue: kindText) else {
            throw DatabaseError(
                .decoding(column: "kind"), message: "unknown customer kind", safeDetail: "customers.kind")
        }
        return CustomerDetails(
            kind: kind, name: try row.decode("name"), companyName: try row.decode("company_name"),
            organisationNumber: try row.decode("org_number"), vatNumber: try row.decode("vat_number"),
            email: try row.decode("email"), phone: try row.decode("phone"),
            billingAddress: PostalAddress(
                line1: try row.decode("l1"), line2: try row.decode("l2"), postalCode: try row.decode("pc"),
                city: try row.decode("city"), country: try row.decode("billing_country")))
    }

    /// The customer's delivery address (empty parts for what is not known), or nil.
    /// - Throws: `DatabaseError`.
    public static func deliveryAddress(_ connection: Connection, id: CustomerID) throws(DatabaseError) -> PostalAddress?
    {
        let rows = try connection.query(
            """
            SELECT coalesce(delivery_address_line1, '') AS l1, coalesce(delivery_address_line2, '') AS l2,
                   coalesce(delivery_postal_code, '') AS pc, coalesce(delivery_city, '') AS city, delivery_country
              FROM customers WHERE id = \(id.rawValue)
            """)
        guard let row = rows.first else { return nil }
        return PostalAddress(
            line1: try row.decode("l1"), line2: try row.decode("l2"), postalCode: try row.decode("pc"),
            city: try row.decode("city"), country: try row.decode("delivery_country"))
    }

    static func nonEmpty(_ text: String) -> String? {
        text.contains(where: { !$0.isWhitespace }) ? text : nil
    }
}

public import Domain

/// A customer to pick in the quotation forms.
public struct CustomerChoice: Sendable, Equatable {
    public let id: CustomerID
    public let name: String
    public let companyName: String
    public let email: String
    public let phone: String
    public let city: String

    /// The company for companies, else the person.
    public var displayName: String { companyName.isEmpty ? name : companyName }
}

/// A customer typed into the new-quotation form.
public struct NewCustomer: Sendable, Equatable {
    public var name: String
    public var email: String
    public var phone: String
    /// Empty for a private person.
    public var companyName: String

    public init(name: String, email: String, phone: String, companyName: String) {
        self.name = name
        self.email = email
        self.phone = phone
        self.companyName = companyName
    }
}

/// A product or add-on that can be added as a line.
public struct CatalogChoice: Sendable, Equatable {
    public enum Kind: String, Sendable { case product, addon }
    public let kind: Kind
    public let id: Int64
    public let name: String
    /// The product's SKU; empty for add-ons.
    public let sku: String
    /// The product's category; empty for add-ons and uncategorised products.
    public let category: String
    public let price: Money
    public let pricing: LinePricing
    /// Products only.
    public let stock: Int?
}

/// What a new quotation starts from (the settings row).
public struct QuotationDefaults: Sendable, Equatable {
    public let vatRate: VATRate
    /// Sanitised HTML, copied into each new quotation.
    public let termsHTML: String
}

/// What the quotation forms offer: customers to pick, products and add-ons to add, the settings' defaults.
extension QuotationStore {
    /// The settings' default VAT rate and terms template. - Throws: `DatabaseError`, `VATRateError`.
    public static func defaults(_ connection: Connection) throws -> QuotationDefaults {
        let row = try connection.query("SELECT default_vat_rate_bp, terms_template_html FROM settings")[0]
        return QuotationDefaults(
            vatRate: try VATRate(basisPoints: try row.decode("default_vat_rate_bp")),
            termsHTML: try row.decode("terms_template_html"))
    }

    /// Where a quotation for the customer is delivered unless staff say otherwise: the customer's
    /// delivery address, or the billing address when it has none. Nil for an unknown customer.
    /// - Throws: `DatabaseError`.
    public static func defaultDeliveryAddress(
        _ connection: Connection, customer: CustomerID
    ) throws(DatabaseError) -> PostalAddress? {
        guard let delivery = try CustomerStore.deliveryAddress(connection, id: customer) else { return nil }
        guard delivery.printedLines.isEmpty else { return delivery }
        return try CustomerStore.details(connection, id: customer)?.billingAddress
    }

    // MARK: Choices

    /// Active customers whose name, company, email, phone or organisation number contains `text`
    /// (case-insensitive), by name; at most `limit`. - Throws: `DatabaseError`.
    public static func searchCustomers(
        _ connection: Connection, matching text: String, limit: Int = 8
    ) throws(DatabaseError)
        -> [CustomerChoice]
    {
        let pattern = "%" + likeEscaped(text) + "%"
        let rows = try connection.query(
            """
            SELECT id, name, coalesce(company_name, '') AS company_name, coalesce(email::text, '') AS email,
                   coalesce(phone, '') AS phone, coalesce(billing_city, '') AS city
              FROM customers
             WHERE archived_at IS NULL AND search_text ILIKE \(pattern)
             ORDER BY name, id
             LIMIT \(limit)
            """)
        return try rows.map(customerChoice)
    }

    /// The customer as a choice (archived ones too: a quotation may already name one), or nil.
    /// - Throws: `DatabaseError`.
    public static func customerChoice(_ connection: Connection, id: CustomerID) throws(DatabaseError) -> CustomerChoice?
    {
        try connection.query(customerChoiceQuery(id)).first.map(customerChoice)
    }

    static func customerChoiceQuery(_ id: CustomerID) -> Query {
        """
        SELECT id, name, coalesce(company_name, '') AS company_name, coalesce(email::text, '') AS email,
               coalesce(phone, '') AS phone, coalesce(billing_city, '') AS city
          FROM customers WHERE id = \(id.rawValue)
        """
    }

    /// Active customers with this email address, so a form can offer them instead of a duplicate.
    /// - Throws: `DatabaseError`.
    public static func activeCustomers(
        _ connection: Connection, withEmail email: String
    ) throws(DatabaseError) -> [CustomerChoice] {
        let rows = try connection.query(
            """
            SELECT id, name, coalesce(company_name, '') AS company_name, coalesce(email::text, '') AS email,
                   coalesce(phone, '') AS phone, coalesce(billing_city, '') AS city
              FROM customers
             WHERE email = \(email)::citext AND archived_at IS NULL
             ORDER BY id
             LIMIT 5
            """)
        return try rows.map(customerChoice)
    }

    static func customerChoice(_ row: Row) throws(DatabaseError) -> CustomerChoice {
        CustomerChoice(
            id: CustomerID(rawValue: try row.decode("id")), name: try row.decode("name"),
            companyName: try row.decode("company_name"), email: try row.decode("email"), phone: try row.decode("phone"),
            city: try row.decode("city"))
    }

    /// Active products (by category, then name) and then active add-ons (by name).
    /// - Throws: `DatabaseError`.
    public static func catalogChoices(_ connection: Connection) throws -> [CatalogChoice] {
        try catalogChoices(from: try connection.query(catalogChoicesQuery))
    }

    // Products (by category, then name) and then add-ons (by name), in one round trip.
    static let catalogChoicesQuery: Query =
        """
        SELECT kind, id, name, sku, category, price_ore, pricing, stock
          FROM (SELECT 'product' AS kind, 0 AS part, c.position AS category_position, c.name AS category_name,
                       p.id, p.name, p.sku, coalesce(c.name, '') AS category, p.price_ore, p.pricing, p.stock
                  FROM products p LEFT JOIN product_categories c ON c.id = p.category_id
                 WHERE p.active
                UNION ALL
                SELECT 'addon', 1, NULL, NULL, a.id, a.name, '', '', a.price_ore, a.pricing, NULL
                  FROM addons a WHERE a.active) choices
         ORDER BY part, category_position NULLS LAST, category_name NULLS LAST, name, id
        """

    static func catalogChoices(from rows: [Row]) throws -> [CatalogChoice] {
        try rows.map { row in
            guard let pricing = LinePricing(rawValue: try row.decode("pricing")) else {
                throw QuotationStoreError.corruptRow("pricing")
            }
            let isProduct = try row.decode("kind", as: String.self) == "product"
            return CatalogChoice(
                kind: isProduct ? .product : .addon, id: try row.decode("id"), name: try row.decode("name"),
                sku: try row.decode("sku"), category: try row.decode("category"),
                price: Money(ore: try row.decode("price_ore")), pricing: pricing,
                stock: isProduct ? try row.decode("stock", as: Int.self) : nil)
        }
    }
}

public import Domain

/// A product as stored in the catalogue.
public struct CatalogProduct: Sendable, Equatable {
    public let id: ProductID
    public let sku: String
    public let name: String
    public let descriptionHTML: String
    public let categoryID: Int64?
    public let price: Money
    public let pricing: LinePricing
    public let stock: Int
    public let active: Bool
}

/// An add-on (delivery, setup, cleaning) as stored in the catalogue.
public struct CatalogAddon: Sendable, Equatable {
    public let id: AddonID
    public let name: String
    public let description: String?
    public let price: Money
    public let pricing: LinePricing
    public let productID: ProductID?
    public let active: Bool
}

/// Products, categories and add-ons. Only what seeding and sending need so far; the catalogue
/// admin pages will add editing.
public enum CatalogStore {
    /// Creates a category. - Throws: `DatabaseError` (`.uniqueViolation("product_categories_name_key")`).
    public static func createCategory(
        _ connection: Connection, name: String, position: Int = 0
    ) throws(DatabaseError)
        -> Int64
    {
        let rows = try connection.query(
            "INSERT INTO product_categories (name, position) VALUES (\(name), \(position)) RETURNING id")
        return try rows[0].decode("id")
    }

    /// Creates a product. `descriptionHTML` must already be sanitised. `pricing` is `.perDay` or
    /// `.perRental` (the database checks it too).
    /// - Throws: `DatabaseError` (`.uniqueViolation("products_sku_key")`, check violations).
    public static func createProduct(
        _ connection: Connection, sku: String, name: String, descriptionHTML: String = "", categoryID: Int64? = nil,
        price: Money, pricing: LinePricing, stock: Int, active: Bool = true, synonyms: [String] = [],
        capacity: Int? = nil
    ) throws(DatabaseError) -> ProductID {
        let rows = try connection.query(
            """
            INSERT INTO products (sku, name, description_html, category_id, price_ore, pricing, stock, active, synonyms,
                                  capacity)
            VALUES (\(sku), \(name), \(descriptionHTML), \(categoryID), \(price.ore), \(pricing.rawValue), \(stock), \(active),
                    \(PostgresArray(synonyms))::text[], \(capacity))
            RETURNING id
            """)
        return ProductID(rawValue: try rows[0].decode("id"))
    }

    /// Creates an add-on (`pricing` is `.flat` or `.perUnit`); `productID` nil: offered with any product.
    /// - Throws: `DatabaseError`.
    public static func createAddon(
        _ connection: Connection, name: String, description: String? = nil, price: Money, pricing: LinePricing,
        productID: ProductID? = nil, active: Bool = true, synonyms: [String] = []
    ) throws(DatabaseError) -> AddonID {
        let rows = try connection.query(
            """
            INSERT INTO addons (name, description, price_ore, pricing, product_id, active, synonyms)
            VALUES (\(name), \(description), \(price.ore), \(pricing.rawValue), \(productID?.rawValue), \(active),
                    \(PostgresArray(synonyms))::text[])
            RETURNING id
            """)
        return AddonID(rawValue: try rows[0].decode("id"))
    }

    /// The product, or nil. - Throws: `DatabaseError`.
    public static func product(_ connection: Connection, id: ProductID) throws(DatabaseError) -> CatalogProduct? {
        let rows = try connection.query(
            """
            SELECT id, sku, name, description_html, category_id, price_ore, pricing, stock, active
              FROM products WHERE id = \(id.rawValue)
            """)
        guard let row = rows.first else { return nil }
        let pricingText: String = try row.decode("pricing")
        guard let pricing = LinePricing(rawValue: pricingText) else {
            throw DatabaseError(
                .decoding(column: "pricing"), message: "unknown pricing", safeDetail: "products.pricing")
        }
        return CatalogProduct(
            id: id, sku: try row.decode("sku"), name: try row.decode("name"),
            descriptionHTML: try row.decode("description_html"), categoryID: try row.decode("category_id"),
            price: Money(ore: try row.decode("price_ore")), pricing: pricing, stock: try row.decode("stock"),
            active: try row.decode("active"))
    }

    /// The add-on, or nil. - Throws: `DatabaseError`.
    public static func addon(_ connection: Connection, id: AddonID) throws(DatabaseError) -> CatalogAddon? {
        let rows = try connection.query(
            "SELECT id, name, description, price_ore, pricing, product_id, active FROM addons WHERE id = \(id.rawValue)"
        )
        guard let row = rows.first else { return nil }
        let pricingText: String = try row.decode("pricing")
        guard let pricing = LinePricing(rawValue: pricingText) else {
            throw DatabaseError(.decoding(column: "pricing"), message: "unknown pricing", safeDetail: "addons.pricing")
        }
        let product: Int64? = try row.decode("product_id")
        return CatalogAddon(
            id: id, name: try row.decode("name"), description: try row.decode("description"),
            price: Money(ore: try row.decode("price_ore")), pricing: pricing,
            productID: product.map(ProductID.init(rawValue:)), active: try row.decode("active"))
    }

    /// How many products exist (active or not). - Throws: `DatabaseError`.
    public static func productCount(_ connection: Connection) throws(DatabaseError) -> Int {
        try connection.query("SELECT count(*) AS n FROM products")[0].decode("n")
    }
}

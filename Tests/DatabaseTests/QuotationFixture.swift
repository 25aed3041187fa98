import Database
import Domain

/// A staff user, a customer, a product and an add-on, and drafts built from them: the data the
/// quotation and signing store tests share.
struct QuotationFixture: Sendable {
    let user: Int64
    let customer: CustomerID
    let product: ProductID
    let addon: AddonID

    init(_ db: Connection, stock: Int = 4) throws {
        user = try db.query(
            "INSERT INTO users (email, name, role, password_hash) VALUES ('saljare@example.se', 'Sälja Re', 'manager', '!') RETURNING id"
        )[0].decode("id")
        customer = try CustomerStore.create(
            db,
            details: CustomerDetails(
                kind: .person, name: "Åsa Öberg", email: "asa@example.se",
                billingAddress: PostalAddress(line1: "Storgatan 1", postalCode: "411 01", city: "Göteborg")))
        product = try CatalogStore.createProduct(
            db, sku: "TALT-3x3", name: "Partytält 3×3 m", price: Money(ore: 45_000), pricing: .perDay, stock: stock)
        addon = try CatalogStore.createAddon(db, name: "Leverans", price: Money(ore: 99_500), pricing: .flat)
    }

    /// A draft for Midsommar (3 days): `quantity` tents and a delivery.
    func draft(
        on db: Connection, quantity: Int = 2, lineDiscount: Discount = .none, discount: Discount = .none
    ) throws -> QuotationID {
        let period = try RentalPeriod(
            start: try CalendarDate(year: 2026, month: 6, day: 19), end: try CalendarDate(year: 2026, month: 6, day: 21)
        )
        return try QuotationStore.createDraft(
            db, customer: customer, period: period, title: "Midsommarfest",
            deliveryAddress: PostalAddress(line1: "Ängsvägen 3", postalCode: "433 30", city: "Partille"),
            lines: [
                try QuotationLine(
                    item: .product(product), description: "Partytält 3×3 m", quantity: quantity, pricing: .perDay,
                    unitPrice: Money(ore: 45_000), discount: lineDiscount),
                try QuotationLine(
                    item: .addon(addon), description: "Leverans", quantity: 1, pricing: .flat,
                    unitPrice: Money(ore: 99_500)),
            ],
            discount: discount, shipping: Money(ore: 20_000), termsHTML: "<p>Villkor</p>", createdBy: user)
    }

    /// The `n` column of a counting query.
    static func count(_ db: Connection, _ sql: Query) throws -> Int {
        try db.query(sql)[0].decode("n")
    }
}

/// Whether the product lines of a quotation fit in stock for its period: the rule the editor
/// shows next to each line and that sending checks (sending with a shortage needs a reason).
///
/// Lines of the same product count together, as the signing transaction counts them: two lines of
/// 6 chairs need 12 free chairs.
public struct StockCheck: Sendable, Hashable {
    /// One product of the quotation against its availability.
    public struct Item: Sendable, Hashable {
        public let product: ProductID
        /// Units all the quotation's lines of this product ask for.
        public let requested: Int
        public let stock: Int
        /// The most units other bookings hold on any one day of the period.
        public let maxReserved: Int
        /// Units free on every day of the period.
        public let available: Int

        /// Units missing (0 when the lines fit).
        public var missing: Int { max(0, requested - available) }
        public var isShort: Bool { requested > available }
    }

    /// Every product of the lines, in the order they first appear.
    public let items: [Item]

    /// Checks `lines` against `availability` (per product, for the quotation's period). A product
    /// with no availability given counts as having no stock at all.
    public init(lines: [QuotationLine], availability: [ProductID: Availability]) {
        var order: [ProductID] = []
        var requested: [ProductID: Int] = [:]
        for line in lines {
            guard case .product(let product) = line.item else { continue }
            if requested[product] == nil { order.append(product) }
            requested[product, default: 0] += line.quantity
        }
        items = order.map { product in
            let found = availability[product]
            return Item(
                product: product, requested: requested[product] ?? 0, stock: found?.stock ?? 0,
                maxReserved: found?.maxReserved ?? 0, available: found?.available ?? 0)
        }
    }

    /// The products that do not fit.
    public var shortages: [Item] { items.filter(\.isShort) }
    public var hasShortage: Bool { items.contains(where: \.isShort) }

    public func item(for product: ProductID) -> Item? { items.first { $0.product == product } }
}

/// One line of a booking: from the signed version's snapshot (description, price) and, for
/// products, the stock it reserves (`booking_lines`).
public struct BookingLine: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case product(ProductID, sku: String?)
        case addon
        case custom
    }

    public let kind: Kind
    public let description: String
    public let quantity: Int
    /// Days charged (1 for anything not priced per day).
    public let days: Int
    public let pricing: LinePricing
    public let unitPrice: Money
    public let discount: Money
    /// Excluding VAT.
    public let total: Money

    public init(
        kind: Kind, description: String, quantity: Int, days: Int, pricing: LinePricing, unitPrice: Money,
        discount: Money,
        total: Money
    ) {
        self.kind = kind
        self.description = description
        self.quantity = quantity
        self.days = days
        self.pricing = pricing
        self.unitPrice = unitPrice
        self.discount = discount
        self.total = total
    }

    public var isProduct: Bool {
        if case .product = kind { return true }
        return false
    }
}

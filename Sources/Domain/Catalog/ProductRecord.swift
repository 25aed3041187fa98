public import Foundation

/// A stored product: the draft staff edit plus the row's state.
public struct ProductRecord: Sendable, Equatable {
    public let id: ProductID
    /// `descriptionHTML` is the sanitised markup as stored.
    public let draft: ProductDraft
    public let categoryName: String?
    public let active: Bool
    public let version: Int
    public let updatedAt: Date
    /// The custom fields' values (`key` → value), archived fields' too.
    public var custom: [String: JSONValue] = [:]

    public init(id: ProductID, draft: ProductDraft, categoryName: String?, active: Bool, version: Int, updatedAt: Date)
    {
        self.id = id
        self.draft = draft
        self.categoryName = categoryName
        self.active = active
        self.version = version
        self.updatedAt = updatedAt
    }
}

/// A product as the products list shows it.
public struct ProductSummary: Sendable, Equatable {
    public let id: ProductID
    public let sku: String
    public let name: String
    public let categoryName: String?
    public let price: Money
    public let pricing: LinePricing
    public let stock: Int
    public let active: Bool
    /// The custom fields' values (the list's custom columns).
    public var custom: [String: JSONValue] = [:]

    public init(
        id: ProductID, sku: String, name: String, categoryName: String?, price: Money, pricing: LinePricing, stock: Int,
        active: Bool
    ) {
        self.id = id
        self.sku = sku
        self.name = name
        self.categoryName = categoryName
        self.price = price
        self.pricing = pricing
        self.stock = stock
        self.active = active
    }
}

/// One choice in a select (a category, a product).
public struct RecordOption: Sendable, Equatable {
    public let id: Int64
    public let label: String

    public init(id: Int64, label: String) {
        self.id = id
        self.label = label
    }
}

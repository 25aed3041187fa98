public import Foundation

/// A product line of the frozen version that can no longer be reserved for the period.
public struct UnavailableItem: Sendable, Equatable, Codable {
    public let productID: Int64
    public let description: String
    /// Units the version asks for (all its lines for this product together).
    public let requested: Int
    /// Units still free on the tightest day of the period.
    public let available: Int

    public init(productID: Int64, description: String, requested: Int, available: Int) {
        self.productID = productID
        self.description = description
        self.requested = requested
        self.available = available
    }

    enum CodingKeys: String, CodingKey {
        case productID = "product_id"
        case description, requested, available
    }
}

/// One signing attempt refused because stock ran out: when, and what was short.
public struct RefusedSigningAttempt: Sendable, Equatable {
    public let at: Date
    public let items: [UnavailableItem]

    public init(at: Date, items: [UnavailableItem]) {
        self.at = at
        self.items = items
    }
}

/// One item to pack: a reserved product line.
public struct PackingItem: Sendable, Equatable {
    public let productID: ProductID
    public let sku: String
    public let description: String
    public let quantity: Int

    public init(productID: ProductID, sku: String, description: String, quantity: Int) {
        self.productID = productID
        self.sku = sku
        self.description = description
        self.quantity = quantity
    }
}

/// One line of a quotation as staff entered it: what, how many, how priced. Its money is computed
/// by ``QuotationTotals/compute(lines:period:discount:shipping:vatRate:)``.
public struct QuotationLine: Sendable, Hashable {
    /// What the line rents or sells.
    public enum Item: Sendable, Hashable {
        case product(ProductID)
        case addon(AddonID)
        /// A free-text line (no catalogue item).
        case custom
    }

    public let item: Item
    public let description: String
    public let quantity: Int
    public let pricing: LinePricing
    public let unitPrice: Money
    /// Days charged instead of the period's (only for `perDay`; ignored otherwise).
    public let daysOverride: Int?
    public let discount: Discount

    /// Throws ``QuotationError``: `.emptyDescription`, `.invalidQuantity` (quantity < 1),
    /// `.invalidDays` (override < 1), `.negativeUnitPrice`, `.pricingDoesNotMatchItem` (products
    /// are `perDay`/`perRental`, add-ons `flat`/`perUnit`; custom lines may use any).
    public init(
        item: Item, description: String, quantity: Int, pricing: LinePricing, unitPrice: Money,
        daysOverride: Int? = nil, discount: Discount = .none
    ) throws(QuotationError) {
        guard description.contains(where: { !$0.isWhitespace }) else { throw .emptyDescription }
        guard quantity > 0 else { throw .invalidQuantity(quantity) }
        if let daysOverride, daysOverride < 1 { throw .invalidDays(daysOverride) }
        guard !unitPrice.isNegative else { throw .negativeUnitPrice(unitPrice) }
        switch item {
        case .product: guard pricing.isProductPricing else { throw .pricingDoesNotMatchItem(pricing) }
        case .addon: guard pricing.isAddonPricing else { throw .pricingDoesNotMatchItem(pricing) }
        case .custom: break
        }
        self.item = item
        self.description = description
        self.quantity = quantity
        self.pricing = pricing
        self.unitPrice = unitPrice
        self.daysOverride = daysOverride
        self.discount = discount
    }

    /// Days charged in `period`: the override or the period's days for `perDay`, 1 otherwise.
    public func chargedDays(in period: RentalPeriod) -> Int {
        pricing == .perDay ? (daysOverride ?? period.days) : 1
    }

    /// The line before its discount (see ``LinePricing``). Throws ``QuotationError/overflow``.
    public func gross(in period: RentalPeriod) throws(QuotationError) -> Money {
        do {
            switch pricing {
            case .perDay:
                return try unitPrice.multiplied(by: Int64(quantity)).multiplied(by: Int64(chargedDays(in: period)))
            case .perRental, .perUnit:
                return try unitPrice.multiplied(by: Int64(quantity))
            case .flat:
                return unitPrice
            }
        } catch {
            throw .overflow
        }
    }
}

extension QuotationLine: Codable {
    enum CodingKeys: String, CodingKey {
        case productID = "productId"
        case addonID = "addonId"
        case description, quantity, pricing, unitPrice, daysOverride,
            discount
    }

    /// Decoding validates like ``init(item:description:quantity:pricing:unitPrice:daysOverride:discount:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let product = try container.decodeIfPresent(ProductID.self, forKey: .productID)
        let addon = try container.decodeIfPresent(AddonID.self, forKey: .addonID)
        let item: Item
        switch (product, addon) {
        case (let product?, nil): item = .product(product)
        case (nil, let addon?): item = .addon(addon)
        case (nil, nil): item = .custom
        case (_?, _?):
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "A line is a product or an add-on, not both."))
        }
        do {
            try self.init(
                item: item,
                description: try container.decode(String.self, forKey: .description),
                quantity: try container.decode(Int.self, forKey: .quantity),
                pricing: try container.decode(LinePricing.self, forKey: .pricing),
                unitPrice: try container.decode(Money.self, forKey: .unitPrice),
                daysOverride: try container.decodeIfPresent(Int.self, forKey: .daysOverride),
                discount: try container.decode(Discount.self, forKey: .discount))
        } catch let error as QuotationError {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    /// Absent values (`productId` of an add-on line, no `daysOverride`) are left out of the JSON.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch item {
        case .product(let id): try container.encode(id, forKey: .productID)
        case .addon(let id): try container.encode(id, forKey: .addonID)
        case .custom: break
        }
        try container.encode(description, forKey: .description)
        try container.encode(quantity, forKey: .quantity)
        try container.encode(pricing, forKey: .pricing)
        try container.encode(unitPrice, forKey: .unitPrice)
        try container.encodeIfPresent(daysOverride, forKey: .daysOverride)
        try container.encode(discount, forKey: .discount)
    }
}

/// How a line's price grows. Raw values are the database's `pricing` column.
///
/// | pricing | line gross |
/// |---|---|
/// | `perDay` (products) | unit price × quantity × days (the period's, unless the line overrides them) |
/// | `perRental` (products) | unit price × quantity |
/// | `perUnit` (add-ons) | unit price × quantity |
/// | `flat` (add-ons: delivery, setup) | unit price, once |
public enum LinePricing: String, Sendable, Hashable, CaseIterable, Codable {
    case perDay = "per_day"
    case perRental = "per_rental"
    case flat
    case perUnit = "per_unit"

    /// Pricings a product line may use.
    public var isProductPricing: Bool { self == .perDay || self == .perRental }
    /// Pricings an add-on line may use.
    public var isAddonPricing: Bool { self == .flat || self == .perUnit }
}

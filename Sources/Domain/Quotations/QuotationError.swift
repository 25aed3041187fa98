/// Why a quotation's lines or totals are not valid. Line numbers are 0-based positions.
public enum QuotationError: Error, Sendable, Equatable, CustomStringConvertible {
    case emptyDescription
    case invalidQuantity(Int)
    case invalidDays(Int)
    case negativeUnitPrice(Money)
    /// A product line priced `flat`/`perUnit`, or an add-on line priced `perDay`/`perRental`.
    case pricingDoesNotMatchItem(LinePricing)
    /// A percentage outside 0–100 % or a negative amount.
    case invalidDiscount
    /// A fixed discount larger than what it discounts.
    case discountExceedsAmount(discount: Money, amount: Money)
    /// Line `line`'s fixed discount is larger than the line.
    case lineDiscountExceedsLine(line: Int, discount: Money, amount: Money)
    /// The quotation's discount is larger than the lines' subtotal.
    case discountExceedsSubtotal(discount: Money, subtotal: Money)
    case negativeShipping(Money)
    case invalidVersion(Int)
    case overflow

    public var description: String {
        switch self {
        case .emptyDescription: "Every line needs a description."
        case .invalidQuantity(let q): "The quantity must be at least 1 (got \(q))."
        case .invalidDays(let d): "The number of days must be at least 1 (got \(d))."
        case .negativeUnitPrice: "A unit price cannot be negative."
        case .pricingDoesNotMatchItem(let p): "The pricing \(p.rawValue) does not fit this kind of line."
        case .invalidDiscount: "A discount must be between 0 and 100 %, or a positive amount."
        case .discountExceedsAmount: "The discount is larger than the amount it discounts."
        case .lineDiscountExceedsLine(let line, _, _): "The discount on line \(line + 1) is larger than the line."
        case .discountExceedsSubtotal: "The discount is larger than the sum of the lines."
        case .negativeShipping: "Shipping cannot be negative."
        case .invalidVersion(let v): "A version number starts at 1 (got \(v))."
        case .overflow: "The amounts are too large."
        }
    }
}

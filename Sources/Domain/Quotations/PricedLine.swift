/// A quotation line with its money worked out for a period: what the customer sees on each row.
/// Invariant: `total = gross − discount`.
public struct PricedLine: Sendable, Hashable, Codable {
    public let line: QuotationLine
    /// Days charged (1 for everything but `perDay`).
    public let days: Int
    /// Before the line's discount.
    public let gross: Money
    /// The line's discount in öre (a percentage rounded half-up).
    public let discount: Money
    /// Excluding VAT.
    public let total: Money

    init(line: QuotationLine, days: Int, gross: Money, discount: Money, total: Money) {
        self.line = line
        self.days = days
        self.gross = gross
        self.discount = discount
        self.total = total
    }
}

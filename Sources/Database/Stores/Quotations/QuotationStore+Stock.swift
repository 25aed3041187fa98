public import Domain

/// Stock against reservations for a quotation's products and period: what the editor shows per
/// line and what sending checks, through `StockStore` (the same query signing re-checks with).
extension QuotationStore {
    /// The lines checked against stock for `period`. - Throws: `DatabaseError`.
    public static func stockCheck(
        _ connection: Connection, lines: [QuotationLine], period: RentalPeriod
    ) throws -> StockCheck {
        let products = lines.compactMap { line -> ProductID? in
            if case .product(let id) = line.item { return id }
            return nil
        }
        return StockCheck(
            lines: lines, availability: try StockStore.availability(connection, products: products, period: period))
    }
}

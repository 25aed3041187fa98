public import Domain

/// Stock against reservations for a quotation's products and period: what the editor shows per
/// line and what sending checks. The same rule as the signing transaction (`SigningStore.sign`):
/// bookings that reserve stock (`BookingState.reservesStock`), inclusive periods.
public enum QuotationStockStore {
    /// Availability of each product for `period`. Products that do not exist are left out.
    /// - Throws: `DatabaseError`.
    public static func availability(_ connection: Connection, products: some Sequence<ProductID>, period: RentalPeriod)
        throws -> [ProductID: Availability]
    {
        let ids = Set(products.map(\.rawValue)).sorted()
        guard !ids.isEmpty else { return [:] }
        let idArray = "{" + ids.map(String.init).joined(separator: ",") + "}"
        let stockRows = try connection.query("SELECT id, stock FROM products WHERE id = ANY(\(idArray)::bigint[])")
        let reservedRows = try connection.query(
            """
            SELECT bl.product_id, bl.quantity, bl.period_start::text AS period_start, bl.period_end::text AS period_end
              FROM booking_lines bl JOIN bookings b ON b.id = bl.booking_id
             WHERE bl.product_id = ANY(\(idArray)::bigint[])
               AND b.state IN (\(unsafeRaw: SigningStore.reservingStatesSQL))
               AND bl.period_start <= \(period.end.iso)::date AND bl.period_end >= \(period.start.iso)::date
            """)
        var reservations: [Int64: [Reservation]] = [:]
        for row in reservedRows {
            let reserved = try RentalPeriod(
                start: try CalendarDate(iso: try row.decode("period_start")),
                end: try CalendarDate(iso: try row.decode("period_end")))
            reservations[try row.decode("product_id"), default: []].append(
                Reservation(quantity: try row.decode("quantity"), period: reserved))
        }
        var result: [ProductID: Availability] = [:]
        for row in stockRows {
            let id: Int64 = try row.decode("id")
            result[ProductID(rawValue: id)] = Availability.compute(
                stock: try row.decode("stock"), reservations: reservations[id] ?? [], period: period)
        }
        return result
    }

    /// The lines checked against stock for `period`. - Throws: `DatabaseError`.
    public static func check(_ connection: Connection, lines: [QuotationLine], period: RentalPeriod) throws -> StockCheck {
        let products = lines.compactMap { line -> ProductID? in
            if case .product(let id) = line.item { return id }
            return nil
        }
        return StockCheck(lines: lines, availability: try availability(connection, products: products, period: period))
    }
}

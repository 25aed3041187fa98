public import Domain

/// Stock and reservations: the one query behind every availability the product shows — the
/// quotation editor's lines, the stock rule when sending, the re-check when signing and the
/// product page's strip. A booking line reserves when its booking's state holds stock
/// (`BookingState.reservesStock`) and its period overlaps (inclusive dates).
public enum StockStore {
    /// The booking states that hold stock, as a PostgreSQL text array (a bound parameter).
    static let reservingStates: String =
        "{" + BookingState.allCases.filter(\.reservesStock).map(\.rawValue).joined(separator: ",") + "}"

    /// The stock of each product that exists. With `locking`, the product rows are locked in id
    /// order, so concurrent signers for the last unit serialise.
    static func stockQuery(_ ids: String, locking: Bool) -> Query {
        locking
            ? "SELECT id, stock FROM products WHERE id = ANY(\(ids)::bigint[]) ORDER BY id FOR UPDATE"
            : "SELECT id, stock FROM products WHERE id = ANY(\(ids)::bigint[])"
    }

    static func stock(from rows: [Row]) throws(DatabaseError) -> [ProductID: Int] {
        var stock: [ProductID: Int] = [:]
        for row in rows { stock[ProductID(rawValue: try row.decode("id"))] = try row.decode("stock") }
        return stock
    }

    /// The booking lines of `products` that reserve stock during `period`, per product, by start
    /// date. One query on `booking_lines (product_id, period_start, period_end)`.
    /// - Throws: `DatabaseError`.
    public static func reservations(
        _ connection: Connection, products: some Sequence<ProductID>, period: RentalPeriod
    )
        throws(DatabaseError) -> [ProductID: [ReservingBooking]]
    {
        let ids = idArray(products)
        guard ids != "{}" else { return [:] }
        return try reservations(from: try connection.query(reservationsQuery(ids, period: period)))
    }

    static func reservationsQuery(_ ids: String, period: RentalPeriod) -> Query {
        """
        SELECT bl.product_id, b.id, b.number, b.state, bl.quantity, bl.period_start::text AS period_start,
               bl.period_end::text AS period_end, c.display_name
          FROM booking_lines bl
          JOIN bookings b ON b.id = bl.booking_id
          JOIN customers c ON c.id = b.customer_id
         WHERE bl.product_id = ANY(\(ids)::bigint[])
           AND b.state = ANY(\(reservingStates)::text[])
           AND bl.period_start <= \(period.end.iso)::date AND bl.period_end >= \(period.start.iso)::date
         ORDER BY bl.period_start, b.number, bl.id
        """
    }

    static func reservations(from rows: [Row]) throws(DatabaseError) -> [ProductID: [ReservingBooking]] {
        var result: [ProductID: [ReservingBooking]] = [:]
        for row in rows {
            guard let state = BookingState(rawValue: try row.decode("state")) else {
                throw DatabaseError(
                    .decoding(column: "state"), message: "unknown booking state", safeDetail: "bookings.state")
            }
            let period: RentalPeriod
            do {
                period = try RentalPeriod(
                    start: try CalendarDate(iso: try row.decode("period_start")),
                    end: try CalendarDate(iso: try row.decode("period_end")))
            } catch {
                throw DatabaseError(
                    .decoding(column: "period_start"), message: "bad period", safeDetail: "booking_lines")
            }
            result[ProductID(rawValue: try row.decode("product_id")), default: []].append(
                ReservingBooking(
                    id: BookingID(rawValue: try row.decode("id")), number: try row.decode("number"),
                    customerName: try row.decode("display_name"), state: state, period: period,
                    quantity: try row.decode("quantity")))
        }
        return result
    }

    /// Availability of each product that exists for `period` (`locking` as in `stockQuery`).
    /// - Throws: `DatabaseError`.
    public static func availability(
        _ connection: Connection, products: some Sequence<ProductID>, period: RentalPeriod, locking: Bool = false
    ) throws(DatabaseError) -> [ProductID: Availability] {
        let ids = idArray(products)
        guard ids != "{}" else { return [:] }
        // Stock and reservations in one round trip. With `locking`, the first statement locks the
        // product rows before the second reads the reservations (a pipeline runs them in order).
        let results = try connection.pipeline([
            stockQuery(ids, locking: locking), reservationsQuery(ids, period: period),
        ])
        return availability(
            stock: try stock(from: results[0]), reserved: try reservations(from: results[1]), period: period)
    }

    /// Availability from what `stockQuery` and `reservationsQuery` read.
    static func availability(
        stock: [ProductID: Int], reserved: [ProductID: [ReservingBooking]], period: RentalPeriod
    ) -> [ProductID: Availability] {
        var result: [ProductID: Availability] = [:]
        for (product, units) in stock {
            result[product] = Availability.compute(
                stock: units,
                reservations: (reserved[product] ?? []).map { Reservation(quantity: $0.quantity, period: $0.period) },
                period: period)
        }
        return result
    }

    static func idArray(_ products: some Sequence<ProductID>) -> String {
        "{" + Set(products.map(\.rawValue)).sorted().map(String.init).joined(separator: ",") + "}"
    }
}

public import Domain

/// A product's availability day by day, for the strip on its page.
extension CatalogStore {
    /// Units reserved on each day of `period` (lines of bookings whose state holds stock:
    /// `BookingState.reservesStock`) against `stock`, and the booking lines doing it, by start date.
    /// One query on `booking_lines (product_id, period_start, period_end)`.
    /// - Throws: `DatabaseError`.
    public static func availability(
        _ connection: Connection, product: ProductID, stock: Int, period: RentalPeriod
    ) throws -> (availability: Availability, bookings: [ReservingBooking]) {
        let rows = try connection.query(
            """
            SELECT b.id, b.number, b.state, bl.quantity, bl.period_start::text AS period_start,
                   bl.period_end::text AS period_end, c.display_name
              FROM booking_lines bl
              JOIN bookings b ON b.id = bl.booking_id
              JOIN customers c ON c.id = b.customer_id
             WHERE bl.product_id = \(product.rawValue)
               AND b.state IN (\(unsafeRaw: SigningStore.reservingStatesSQL))
               AND bl.period_start <= \(period.end.iso)::date AND bl.period_end >= \(period.start.iso)::date
             ORDER BY bl.period_start, b.number, bl.id
            """)
        var bookings: [ReservingBooking] = []
        for row in rows {
            let stateText: String = try row.decode("state")
            guard let state = BookingState(rawValue: stateText) else {
                throw DatabaseError(.decoding(column: "state"), message: "unknown booking state", safeDetail: "bookings.state")
            }
            bookings.append(
                ReservingBooking(
                    id: BookingID(rawValue: try row.decode("id")), number: try row.decode("number"),
                    customerName: try row.decode("display_name"), state: state,
                    period: try RentalPeriod(
                        start: try CalendarDate(iso: try row.decode("period_start")),
                        end: try CalendarDate(iso: try row.decode("period_end"))),
                    quantity: try row.decode("quantity")))
        }
        let availability = Availability.compute(
            stock: stock, reservations: bookings.map { Reservation(quantity: $0.quantity, period: $0.period) }, period: period)
        return (availability, bookings)
    }
}

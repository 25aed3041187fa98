public import Domain

/// A product's availability day by day, for the strip on its page.
extension CatalogStore {
    /// Units reserved on each day of `period` against `stock`, and the booking lines doing it, by
    /// start date (`StockStore.reservations`, the query every availability uses).
    /// - Throws: `DatabaseError`.
    public static func availability(
        _ connection: Connection, product: ProductID, stock: Int, period: RentalPeriod
    ) throws -> (availability: Availability, bookings: [ReservingBooking]) {
        let bookings = try StockStore.reservations(connection, products: [product], period: period)[product] ?? []
        let availability = Availability.compute(
            stock: stock, reservations: bookings.map { Reservation(quantity: $0.quantity, period: $0.period) },
            period: period)
        return (availability, bookings)
    }
}

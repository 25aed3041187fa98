/// How many units of one product are free for a requested period, and day by day.
///
/// Pure: the caller loads the product's stock and the reservations that may overlap (confirmed,
/// packed and delivered bookings), and this works out the rest. The signing transaction uses the
/// same rule: a line fits when `quantity <= available`.
public struct Availability: Sendable, Hashable {
    /// One day of the strip shown next to a quotation line.
    public struct Day: Sendable, Hashable {
        public let date: CalendarDate
        public let reserved: Int
        public let stock: Int

        /// `stock − reserved`, never below 0.
        public var available: Int { max(0, stock - reserved) }
        public var isOverbooked: Bool { reserved > stock }
    }

    public let period: RentalPeriod
    public let stock: Int
    /// The most units reserved on any one day of the period.
    public let maxReserved: Int
    /// Every day of the period with what is reserved on it.
    public let days: [Day]

    /// Units free on every day of the period: `stock − maxReserved`, never below 0.
    public var available: Int { max(0, stock - maxReserved) }

    /// Whether `quantity` more units can be reserved for the whole period.
    public func canReserve(_ quantity: Int) -> Bool { quantity <= available }

    /// Reservations outside `period` are ignored; those that overlap count on the days they share
    /// (inclusive ends: a booking returned on the day another starts still holds its units that day).
    /// Negative quantities count as 0. O(days + reservations).
    public static func compute(stock: Int, reservations: [Reservation], period: RentalPeriod) -> Availability {
        let first = period.start.daysSinceEpoch
        var change = [Int](repeating: 0, count: period.days + 1)  // difference array over the period's days
        for reservation in reservations where reservation.quantity > 0 {
            guard let shared = reservation.period.intersection(period) else { continue }
            change[shared.start.daysSinceEpoch - first] += reservation.quantity
            change[shared.end.daysSinceEpoch - first + 1] -= reservation.quantity
        }
        var running = 0
        var days: [Day] = []
        days.reserveCapacity(period.days)
        for (offset, date) in period.dates.enumerated() {
            running += change[offset]
            days.append(Day(date: date, reserved: running, stock: stock))
        }
        return Availability(
            period: period, stock: stock, maxReserved: days.map(\.reserved).max() ?? 0, days: days)
    }
}

/// What a booking means on one calendar day: the equipment goes out, comes back, both, or is out.
public enum CalendarEntryKind: Sendable, Equatable, Comparable {
    /// The first day of the period: deliver.
    case delivery
    /// A one-day rental: deliver and pick up the same day.
    case deliveryAndPickup
    /// The last day: pick up.
    case pickup
    /// A day in between: the equipment is with the customer.
    case onHire
}

/// One booking on one day of the calendar.
public struct CalendarEntry: Sendable, Equatable {
    public let booking: CalendarBooking
    public let kind: CalendarEntryKind

    public init(booking: CalendarBooking, kind: CalendarEntryKind) {
        self.booking = booking
        self.kind = kind
    }
}

/// The calendar's days filled with bookings: each booking appears on every day of its period
/// within the shown days, as a delivery, a pickup or on hire.
public enum CalendarAgenda {
    /// Entries per day for `days`, each day's in the order a planner works through them:
    /// deliveries, same-day rentals, pickups, then what is out on hire; by booking number within a kind.
    public static func entries(for days: [CalendarDate], bookings: [CalendarBooking]) -> [CalendarDate: [CalendarEntry]]
    {
        guard let first = days.first, let last = days.last else { return [:] }
        var byDay: [CalendarDate: [CalendarEntry]] = [:]
        for booking in bookings {
            let period = booking.period
            let start = max(period.start, first)
            let end = min(period.end, last)
            guard start <= end else { continue }
            var day = start
            while day <= end {
                byDay[day, default: []].append(CalendarEntry(booking: booking, kind: kind(of: period, on: day)))
                guard let next = try? day.adding(days: 1) else { break }
                day = next
            }
        }
        for (day, entries) in byDay {
            byDay[day] = entries.sorted { ($0.kind, $0.booking.number) < ($1.kind, $1.booking.number) }
        }
        return byDay
    }

    /// What `period` means on `day` (a day inside the period).
    public static func kind(of period: RentalPeriod, on day: CalendarDate) -> CalendarEntryKind {
        switch (day == period.start, day == period.end) {
        case (true, true): .deliveryAndPickup
        case (true, false): .delivery
        case (false, true): .pickup
        case (false, false): .onHire
        }
    }
}

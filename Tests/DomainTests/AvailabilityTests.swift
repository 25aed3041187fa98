import Testing

@testable import Domain

@Suite("Availability")
struct AvailabilityTests {
    /// 10 chairs in stock; the week of 1–12 June 2026 has four bookings.
    func bookings() throws -> [Reservation] {
        [
            Reservation(quantity: 5, period: try period("2026-06-01", "2026-06-03")),  // before the request
            Reservation(quantity: 4, period: try period("2026-06-05", "2026-06-07")),
            Reservation(quantity: 3, period: try period("2026-06-07", "2026-06-09")),  // out the day the other returns
            Reservation(quantity: 2, period: try period("2026-06-09", "2026-06-12")),  // after the request
        ]
    }

    @Test func overlappingBookingsCountOnTheDaysTheyShare() throws {
        let availability = Availability.compute(
            stock: 10, reservations: try bookings(), period: try period("2026-06-06", "2026-06-08"))
        #expect(availability.days.map(\.date.iso) == ["2026-06-06", "2026-06-07", "2026-06-08"])
        #expect(availability.days.map(\.reserved) == [4, 7, 3])
        #expect(availability.days.allSatisfy { $0.stock == 10 })
        #expect(availability.maxReserved == 7)
        #expect(availability.available == 3)
        #expect(availability.canReserve(3))
        #expect(!availability.canReserve(4))
    }

    @Test func aFreePeriodHasTheWholeStock() throws {
        let availability = Availability.compute(
            stock: 10, reservations: try bookings(), period: try period("2026-06-20", "2026-06-21"))
        #expect(availability.maxReserved == 0)
        #expect(availability.available == 10)
        #expect(Availability.compute(stock: 4, reservations: [], period: try weekend()).available == 4)
    }

    @Test func overbookedDaysShowAndNothingIsAvailable() throws {
        let availability = Availability.compute(
            stock: 6, reservations: try bookings(), period: try period("2026-06-01", "2026-06-12"))
        #expect(availability.maxReserved == 7)
        #expect(availability.available == 0)
        #expect(availability.days.filter(\.isOverbooked).map(\.date.iso) == ["2026-06-07"])
        #expect(availability.days.map(\.reserved) == [5, 5, 5, 0, 4, 4, 7, 3, 5, 2, 2, 2])
        #expect(availability.days.first { $0.date.iso == "2026-06-07" }?.available == 0)
    }

    @Test func theLastUnitGoesOnce() throws {
        let request = try weekend()
        var reservations: [Reservation] = []
        let first = Availability.compute(stock: 1, reservations: reservations, period: request)
        #expect(first.canReserve(1))
        reservations.append(Reservation(quantity: 1, period: request))
        #expect(!Availability.compute(stock: 1, reservations: reservations, period: request).canReserve(1))
    }
}

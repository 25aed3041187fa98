import Testing

@testable import Domain

@Suite("Calendar pages: months, weeks and what each day shows")
struct CalendarWindowTests {
    @Test func aMonthIsWholeWeeksFromMondayToSunday() throws {
        // June 2026 starts on a Monday and ends on a Tuesday.
        let june = try CalendarWindow(.month, containing: try date("2026-06-19"))
        #expect(june.first == (try date("2026-06-01")))
        #expect(june.last == (try date("2026-07-05")))
        #expect(june.days.count == 35)
        #expect(june.weeks.count == 5 && june.weeks.allSatisfy { $0.count == 7 && $0[0].isoWeekday == 1 })
        #expect(june.previous == (try date("2026-05-01")))
        #expect(june.next == (try date("2026-07-01")))
        let lastOfJune = try date("2026-06-30")
        let firstOfJuly = try date("2026-07-01")
        #expect(june.isInFocus(lastOfJune) && !june.isInFocus(firstOfJuly))

        // February 2026 begins on a Sunday: the grid starts on Monday 26 January.
        let february = try CalendarWindow(.month, containing: try date("2026-02-10"))
        #expect(february.first == (try date("2026-01-26")))
        #expect(february.last == (try date("2026-03-01")))
        #expect(february.days.count == 35)

        // A month needing six rows: August 2026 starts on a Saturday and has 31 days.
        #expect(try CalendarWindow(.month, containing: try date("2026-08-31")).days.count == 42)
    }

    @Test func januaryAndDecemberStepAcrossTheYear() throws {
        let january = try CalendarWindow(.month, containing: try date("2027-01-15"))
        #expect(january.previous == (try date("2026-12-01")))
        let december = try CalendarWindow(.month, containing: try date("2026-12-31"))
        #expect(december.next == (try date("2027-01-01")))
    }

    @Test func aWeekRunsMondayToSundayAndStepsSevenDays() throws {
        let week = try CalendarWindow(.week, containing: try date("2026-06-21"))  // a Sunday
        #expect(week.first == (try date("2026-06-15")))
        #expect(week.last == (try date("2026-06-21")))
        #expect(week.previous == (try date("2026-06-14")))
        #expect(week.next == (try date("2026-06-28")))
        #expect(week.period == (try period("2026-06-15", "2026-06-21")))
    }

    @Test func isoWeekNumbersFollowTheSwedishCalendar() throws {
        #expect(try date("2026-06-19").isoWeek == (2026, 25))
        #expect(try date("2025-12-29").isoWeek == (2026, 1), "the week of the year's first Thursday")
        #expect(try date("2027-01-01").isoWeek == (2026, 53), "2026 has 53 weeks")
        #expect(try date("2021-01-03").isoWeek == (2020, 53))
        #expect(try date("2024-12-30").isoWeek == (2025, 1))
    }

    @Test func theCalendarsEndsAreRefusedNotCrashed() throws {
        #expect(throws: CalendarDateError.self) { try CalendarWindow(.month, containing: try date("9999-12-15")) }
        #expect(throws: CalendarDateError.self) { try CalendarWindow(.week, containing: try date("0001-01-01")) }
    }

    static func booking(_ id: Int64, _ number: String, _ start: String, _ end: String) throws -> CalendarBooking {
        CalendarBooking(
            id: BookingID(rawValue: id), number: number, state: .confirmed, title: nil, period: try period(start, end),
            customerName: "Kund \(id)", deliveryAddress: PostalAddress())
    }

    @Test func aBookingShowsAsDeliveryOnHireAndPickupOnItsDays() throws {
        let week = try CalendarWindow(.week, containing: try date("2026-06-17"))
        let long = try Self.booking(1, "EG-2026-0001", "2026-06-12", "2026-06-16")  // began the week before
        let party = try Self.booking(2, "EG-2026-0002", "2026-06-19", "2026-06-21")
        let oneDay = try Self.booking(3, "EG-2026-0003", "2026-06-19", "2026-06-19")
        let later = try Self.booking(4, "EG-2026-0004", "2026-06-23", "2026-06-24")
        let agenda = CalendarAgenda.entries(for: week.days, bookings: [party, later, oneDay, long])

        #expect(agenda[try date("2026-06-15")]?.map(\.kind) == [.onHire])
        #expect(agenda[try date("2026-06-16")]?.map(\.kind) == [.pickup])
        #expect(agenda[try date("2026-06-17")] == nil)
        #expect(agenda[try date("2026-06-19")]?.map(\.booking.number) == ["EG-2026-0002", "EG-2026-0003"])
        #expect(agenda[try date("2026-06-19")]?.map(\.kind) == [.delivery, .deliveryAndPickup])
        #expect(agenda[try date("2026-06-20")]?.map(\.kind) == [.onHire])
        #expect(agenda[try date("2026-06-21")]?.map(\.kind) == [.pickup])
        #expect(!agenda.values.joined().contains { $0.booking.id.rawValue == 4 }, "outside the week")
        #expect(agenda.values.map(\.count).reduce(0, +) == 6, "2 + 3 + 1 days")
    }

    @Test func theWorkflowOffersTheNextStepAndCancellingWhileStillInTheWarehouse() {
        #expect(BookingState.confirmed.nextStates == [.packed, .cancelled])
        #expect(BookingState.packed.nextStates == [.delivered, .cancelled])
        #expect(BookingState.delivered.nextStates == [.returned])
        #expect(BookingState.returned.nextStates == [.closed])
        #expect(BookingState.closed.nextStates.isEmpty && BookingState.cancelled.nextStates.isEmpty)
        #expect(BookingState.workflow.compactMap(\.workflowStep) == [1, 2, 3, 4, 5])
    }

    @Test func revenueComparesLikeForLikeWithLastMonth() {
        func revenue(_ this: Int64, _ toDate: Int64) -> RevenueComparison {
            RevenueComparison(
                thisMonth: Money(ore: this), lastMonth: Money(ore: 99_999_00), lastMonthToDate: Money(ore: toDate))
        }
        #expect(revenue(120_00, 100_00).changePercent == 20)
        #expect(revenue(50_00, 100_00).changePercent == -50)
        #expect(revenue(100_50, 100_00).changePercent == 1, "0.5 % rounds away from zero")
        #expect(revenue(100_00, 100_00).changePercent == 0)
        #expect(revenue(100_00, 0).changePercent == nil, "nothing to compare with")
    }
}

import Testing

@testable import Domain

@Suite("Calendar dates and rental periods")
struct RentalPeriodTests {
    @Test func rentalDaysAreInclusive() throws {
        #expect(try date("2026-06-05").isoWeekday == 5)  // a Friday
        #expect(try period("2026-06-05", "2026-06-05").days == 1)  // Fri–Fri
        #expect(try period("2026-06-05", "2026-06-07").days == 3)  // Fri–Sun
        #expect(try period("2026-12-30", "2027-01-02").days == 4)  // over New Year
        #expect(try period("2028-02-28", "2028-03-01").days == 3)  // leap day
        #expect(try period("2027-02-28", "2027-03-01").days == 2)
        #expect(RentalPeriod(day: try date("2026-06-05")).days == 1)
    }

    @Test func endBeforeStartIsRefused() throws {
        let start = try date("2026-06-07")
        let end = try date("2026-06-05")
        #expect(throws: RentalPeriodError.endBeforeStart(start: start, end: end)) {
            try RentalPeriod(start: start, end: end)
        }
    }

    @Test func periodsSharingADayOverlap() throws {
        let weekend = try weekend()
        #expect(weekend.overlaps(try period("2026-06-07", "2026-06-09")))  // returned Sunday, next out Sunday
        #expect(weekend.overlaps(try period("2026-06-01", "2026-06-30")))
        #expect(weekend.overlaps(weekend))
        #expect(!weekend.overlaps(try period("2026-06-08", "2026-06-09")))
        #expect(!weekend.overlaps(try period("2026-06-01", "2026-06-04")))
        #expect(
            weekend.intersection(try period("2026-06-06", "2026-06-20")) == (try period("2026-06-06", "2026-06-07")))
        #expect(weekend.dates.map(\.iso) == ["2026-06-05", "2026-06-06", "2026-06-07"])
    }

    @Test func datesValidateAndReadISO() throws {
        #expect(throws: CalendarDateError.invalidDate(year: 2026, month: 2, day: 29)) { try date("2026-02-29") }
        #expect(try date("2028-02-29").iso == "2028-02-29")
        #expect(throws: CalendarDateError.malformed("2026-6-5")) { try date("2026-6-5") }
        #expect(throws: CalendarDateError.malformed("2026-06-05T10:00")) { try date("2026-06-05T10:00") }
        #expect(throws: CalendarDateError.invalidDate(year: 2026, month: 13, day: 1)) { try date("2026-13-01") }
        #expect(try date("0999-01-02").iso == "0999-01-02")
        #expect(try date("1970-01-01").daysSinceEpoch == 0)
        #expect(try date("2000-03-01").daysSinceEpoch == 11_017)
        #expect(try date("2026-06-05") < date("2026-06-06"))
        #expect(try date("2025-12-31") < date("2026-01-01"))
    }

    @Test func dayNumbersWalkEveryDayOfFourCenturies() throws {
        var current = try date("1899-12-31")
        for _ in 0..<(400 * 365 + 97) {
            let next = try current.adding(days: 1)
            let expected: CalendarDate
            if current.day < CalendarDate.daysInMonth(year: current.year, month: current.month) {
                expected = try CalendarDate(year: current.year, month: current.month, day: current.day + 1)
            } else if current.month < 12 {
                expected = try CalendarDate(year: current.year, month: current.month + 1, day: 1)
            } else {
                expected = try CalendarDate(year: current.year + 1, month: 1, day: 1)
            }
            guard next == expected else {
                Issue.record("\(current) + 1 day gave \(next), expected \(expected)")
                return
            }
            current = next
        }
        #expect(current.iso == "2299-12-31")
    }
}

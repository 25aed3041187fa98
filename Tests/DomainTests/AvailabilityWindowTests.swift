import Testing

@testable import Domain

@Suite("Availability window")
struct AvailabilityWindowTests {
    @Test func defaultsToTwoWeeksFromToday() throws {
        let window = try AvailabilityWindow.period(from: nil, to: nil, today: date("2026-06-01"))
        #expect(window.start.iso == "2026-06-01")
        #expect(window.end.iso == "2026-06-14")
        let fromOnly = try AvailabilityWindow.period(from: "2026-12-28", to: "", today: date("2026-06-01"))
        #expect(fromOnly.end.iso == "2027-01-10")
    }

    @Test func atMostSixtyTwoDays() throws {
        let longest = try AvailabilityWindow.period(from: "2026-06-01", to: "2026-08-01", today: date("2026-01-01"))
        #expect(longest.days == 62)
        #expect(throws: AvailabilityWindow.Invalid(problems: [.to: .periodTooLong(maximumDays: 62)])) {
            try AvailabilityWindow.period(from: "2026-06-01", to: "2026-08-02", today: date("2026-01-01"))
        }
    }

    @Test func badDatesAreNamed() throws {
        #expect(throws: AvailabilityWindow.Invalid(problems: [.from: .invalidDate, .to: .invalidDate])) {
            try AvailabilityWindow.period(from: "2026-02-30", to: "tomorrow", today: date("2026-01-01"))
        }
        #expect(throws: AvailabilityWindow.Invalid(problems: [.to: .endBeforeStart])) {
            try AvailabilityWindow.period(from: "2026-06-10", to: "2026-06-09", today: date("2026-01-01"))
        }
    }
}

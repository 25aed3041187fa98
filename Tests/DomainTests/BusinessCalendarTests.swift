import Foundation
import Testing

@testable import Domain

@Suite("The business calendar: days, weeks and times in Europe/Stockholm")
struct BusinessCalendarTests {
    /// An instant written in UTC, `2026-03-29T01:00:00Z`.
    private func utc(_ text: String) throws -> Date {
        try #require(ISO8601DateFormatter().date(from: text))
    }

    @Test("day and time of day agree with the calendar's own components, across DST changes and years")
    func fastConversionMatchesTheCalendar() throws {
        var instants: [Date] = []
        // Every 17 minutes around the spring and autumn changes of 2026, and every 7 hours 13 minutes
        // from 1975 to 2060.
        for change in [try utc("2026-03-29T01:00:00Z"), try utc("2026-10-25T01:00:00Z")] {
            for step in -100...100 { instants.append(change.addingTimeInterval(Double(step) * 17 * 60)) }
        }
        var instant = try utc("1975-01-01T00:00:00Z")
        while instant < (try utc("2060-01-01T00:00:00Z")) {
            instants.append(instant)
            instant = instant.addingTimeInterval(7 * 3600 + 13 * 60 + 0.5)
        }
        for instant in instants {
            let parts = BusinessCalendar.calendar.dateComponents(
                [.year, .month, .day, .hour, .minute, .second], from: instant)
            let day = BusinessCalendar.day(of: instant)
            #expect([day.year, day.month, day.day] == [parts.year, parts.month, parts.day])
            let time = BusinessCalendar.timeOfDay(instant)
            #expect([time.hour, time.minute, time.second] == [parts.hour, parts.minute, parts.second])
        }
    }

    @Test func theDayChangesAtMidnightInStockholmNotInUTC() throws {
        // 23:30 UTC on 31 December is already New Year's Day in Stockholm (CET, UTC+1).
        #expect(BusinessCalendar.day(of: try utc("2026-12-31T23:30:00Z")) == (try date("2027-01-01")))
        #expect(BusinessCalendar.day(of: try utc("2026-12-31T22:59:59Z")) == (try date("2026-12-31")))
        // In summer (CEST, UTC+2) the day begins at 22:00 UTC.
        #expect(BusinessCalendar.day(of: try utc("2026-06-30T22:00:00Z")) == (try date("2026-07-01")))
        #expect(BusinessCalendar.today(at: try utc("2026-06-30T21:59:59Z")) == (try date("2026-06-30")))
    }

    @Test func daysAreTwentyThreeOrTwentyFiveHoursLongWhenTheClocksChange() throws {
        // Clocks spring forward at 02:00 CET on 29 March 2026 and fall back at 03:00 CEST on 25 October.
        let spring = try date("2026-03-29")
        #expect(BusinessCalendar.startOfDay(spring) == (try utc("2026-03-28T23:00:00Z")))
        #expect(BusinessCalendar.endOfDay(spring) == (try utc("2026-03-29T22:00:00Z")))
        #expect(BusinessCalendar.endOfDay(spring).timeIntervalSince(BusinessCalendar.startOfDay(spring)) == 23 * 3600)

        let autumn = try date("2026-10-25")
        #expect(BusinessCalendar.startOfDay(autumn) == (try utc("2026-10-24T22:00:00Z")))
        #expect(BusinessCalendar.endOfDay(autumn) == (try utc("2026-10-25T23:00:00Z")))
        #expect(BusinessCalendar.endOfDay(autumn).timeIntervalSince(BusinessCalendar.startOfDay(autumn)) == 25 * 3600)

        // The end of one day is the start of the next, on an ordinary day too.
        let ordinary = try date("2026-06-19")
        #expect(BusinessCalendar.endOfDay(ordinary) == BusinessCalendar.startOfDay(try ordinary.adding(days: 1)))
        #expect(BusinessCalendar.day(of: BusinessCalendar.startOfDay(ordinary)) == ordinary)
        #expect(BusinessCalendar.day(of: BusinessCalendar.endOfDay(ordinary).addingTimeInterval(-1)) == ordinary)
    }

    @Test func theZoneIsNamedCETInWinterAndCESTInSummer() throws {
        #expect(BusinessCalendar.zoneAbbreviation(at: try utc("2026-01-15T12:00:00Z")) == "CET")
        #expect(BusinessCalendar.zoneAbbreviation(at: try utc("2026-07-15T12:00:00Z")) == "CEST")
        // Either side of the switches: 01:59:59 UTC is still CET until 01:00 UTC on the spring day.
        #expect(BusinessCalendar.zoneAbbreviation(at: try utc("2026-03-29T00:59:59Z")) == "CET")
        #expect(BusinessCalendar.zoneAbbreviation(at: try utc("2026-03-29T01:00:00Z")) == "CEST")
        #expect(BusinessCalendar.zoneAbbreviation(at: try utc("2026-10-25T00:59:59Z")) == "CEST")
        #expect(BusinessCalendar.zoneAbbreviation(at: try utc("2026-10-25T01:00:00Z")) == "CET")
    }

    @Test func timesOfDayAreStockholmWallClockTimes() throws {
        let winter = BusinessCalendar.timeOfDay(try utc("2026-12-24T13:05:09Z"))
        #expect(winter.hour == 14 && winter.minute == 5 && winter.second == 9)
        let summer = BusinessCalendar.timeOfDay(try utc("2026-06-01T12:03:12Z"))
        #expect(summer.hour == 14 && summer.minute == 3 && summer.second == 12)
        // The hour after the spring switch: 01:00 UTC is 03:00 CEST (02:00 never happens).
        #expect(BusinessCalendar.timeOfDay(try utc("2026-03-29T01:00:00Z")).hour == 3)
    }

    @Test func weekNumbersFollowISO8601AcrossTheYearBoundary() throws {
        // 2026 has 53 weeks (it starts on a Thursday): 31 December 2026 and 1–3 January 2027 are week 53.
        #expect(try date("2026-12-31").isoWeek == (2026, 53))
        #expect(try date("2027-01-03").isoWeek == (2026, 53))
        #expect(try date("2027-01-04").isoWeek == (2027, 1))
        // 29 December 2025 (a Monday) already belongs to week 1 of 2026.
        #expect(try date("2025-12-28").isoWeek == (2025, 52))
        #expect(try date("2025-12-29").isoWeek == (2026, 1))
        // 2020 had 53 weeks too; 2021 did not.
        #expect(try date("2020-12-31").isoWeek == (2020, 53))
        #expect(try date("2021-12-31").isoWeek == (2021, 52))
        // The week of an instant is the week of its Stockholm day: late Sunday evening in UTC is Monday here.
        #expect(BusinessCalendar.isoWeek(of: try utc("2027-01-03T23:30:00Z")) == (2027, 1))
    }

    @Test func weekNumbersAgreeWithFoundationsISOCalendarForYears() throws {
        var iso = Calendar(identifier: .iso8601)
        iso.timeZone = TimeZone(identifier: "UTC")!
        var day = try date("2019-12-01")
        let last = try date("2032-01-31")
        while day <= last {
            let noon = try #require(
                iso.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 12)))
            let parts = iso.dateComponents([.yearForWeekOfYear, .weekOfYear], from: noon)
            #expect(day.isoWeek == (parts.yearForWeekOfYear!, parts.weekOfYear!), "\(day)")
            // The business calendar numbers weeks the same way.
            #expect(
                BusinessCalendar.calendar.component(.weekOfYear, from: BusinessCalendar.startOfDay(day))
                    == parts.weekOfYear)
            day = try day.adding(days: 1)
        }
    }

    @Test func monthBoundsClampTheSameTimeLastMonth() throws {
        let bounds = BusinessCalendar.monthBounds(try utc("2026-03-31T10:00:00Z"))
        #expect(bounds.thisMonthStart == (try utc("2026-02-28T23:00:00Z")))
        #expect(bounds.lastMonthStart == (try utc("2026-01-31T23:00:00Z")))
        // 31 March has no twin in February: the same wall-clock time on its last day stands in.
        #expect(bounds.sameTimeLastMonth == (try utc("2026-02-28T11:00:00Z")))
    }
}

public import Foundation

/// The business's clock: the company works in Europe/Stockholm, so its days, weeks, months and
/// years begin at midnight there. Instants are stored in UTC; every conversion between an instant
/// and a day, and every time of day shown to people, goes through this one calendar.
///
/// Pure: nothing here reads the clock except the defaulted `now` of ``today(at:)``.
public enum BusinessCalendar {
    /// The IANA name of the business's zone, as printed next to times and in iCalendar feeds.
    public static let timeZoneIdentifier = "Europe/Stockholm"

    /// The zone itself. Falls back to UTC only on a system without time-zone data.
    public static let timeZone: TimeZone = TimeZone(identifier: timeZoneIdentifier) ?? .gmt

    /// Gregorian, in ``timeZone``, weeks starting on Monday with ISO 8601 week numbering.
    public static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.firstWeekday = 2
        calendar.minimumDaysInFirstWeek = 4
        return calendar
    }()

    /// The day it is in Stockholm at `now`.
    public static func today(at now: Date = Date()) -> CalendarDate { day(of: now) }

    /// The day it is in Stockholm at `instant`.
    public static func day(of instant: Date) -> CalendarDate {
        let (days, _) = localDayAndSecond(instant)
        if let day = try? CalendarDate(daysSinceEpoch: days) { return day }
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return (try? CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1))
            ?? (try! CalendarDate(year: 1970, month: 1, day: 1))  // unreachable: Foundation gives real dates
    }

    /// The Stockholm wall clock at `instant` as whole days since 1970-01-01 and the second of that
    /// day: the instant shifted by the zone's offset then (from the zone's data). The same answer
    /// as the calendar's components, without their cost, which showed in every list's profile.
    static func localDayAndSecond(_ instant: Date) -> (days: Int, second: Int) {
        let utc = Int(instant.timeIntervalSince1970.rounded(.down))
        let local = utc + timeZone.secondsFromGMT(for: instant)
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        return (days, local - days * 86_400)
    }

    /// Midnight in Stockholm at the start of `day`, as an instant.
    public static func startOfDay(_ day: CalendarDate) -> Date {
        calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))
            ?? Date(timeIntervalSince1970: 0)
    }

    /// Midnight in Stockholm at the end of `day` (the start of the next day), as an instant: the
    /// exclusive upper bound of the day. A day is 23 hours long when clocks spring forward and 25
    /// when they fall back.
    public static func endOfDay(_ day: CalendarDate) -> Date {
        let start = startOfDay(day)
        return calendar.date(byAdding: .day, value: 1, to: start) ?? start
    }

    /// The ISO 8601 week of the Stockholm day at `instant`: `(2026, 53)` for 2027-01-01.
    public static func isoWeek(of instant: Date) -> (year: Int, week: Int) { day(of: instant).isoWeek }

    /// The time of day in Stockholm at `instant`.
    public static func timeOfDay(_ instant: Date) -> (hour: Int, minute: Int, second: Int) {
        let second = localDayAndSecond(instant).second
        return (second / 3600, second % 3600 / 60, second % 60)
    }

    /// `CET` in winter, `CEST` in summer: the zone's abbreviation at `instant`. Derived from the
    /// offset rather than the platform's locale data, which may print `GMT+1` instead.
    public static func zoneAbbreviation(at instant: Date) -> String {
        switch timeZone.secondsFromGMT(for: instant) {
        case 3600: "CET"
        case 7200: "CEST"
        case let seconds:
            seconds == 0 ? "UTC" : "UTC\(seconds < 0 ? "-" : "+")\(abs(seconds) / 3600)"
        }
    }

    /// The instants the revenue comparison needs: the starts of last month and this month, and the
    /// same point of last month as `now` is of this one (the 31st clamps to a shorter month's end).
    public static func monthBounds(_ now: Date) -> (lastMonthStart: Date, thisMonthStart: Date, sameTimeLastMonth: Date)
    {
        let parts = calendar.dateComponents([.year, .month], from: now)
        let thisMonthStart = calendar.date(from: parts) ?? now
        let lastMonthStart = calendar.date(byAdding: .month, value: -1, to: thisMonthStart) ?? thisMonthStart
        let sameTime = calendar.date(byAdding: .month, value: -1, to: now) ?? thisMonthStart
        return (lastMonthStart, thisMonthStart, min(max(sameTime, lastMonthStart), thisMonthStart))
    }
}

import Domain
import Foundation

/// The business's clock: days and months begin at midnight in Europe/Stockholm (instants are
/// stored in UTC). Deliveries "today", the calendar's today and the revenue months all use it.
enum Stockholm {
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Stockholm") ?? .gmt
        calendar.firstWeekday = 2
        return calendar
    }()

    /// The day it is in Stockholm at `instant`.
    static func day(_ instant: Date = Date()) -> CalendarDate {
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return (try? CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1))
            ?? (try! CalendarDate(year: 1970, month: 1, day: 1))  // unreachable: Foundation gives real dates
    }

    /// Midnight in Stockholm at the start of `day`.
    static func startOfDay(_ day: CalendarDate) -> Date {
        calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day)) ?? Date(timeIntervalSince1970: 0)
    }

    /// The instants the revenue comparison needs: the starts of last month and this month, and
    /// the same point of last month as `now` is of this one (the 31st clamps to a shorter month's end).
    static func monthBounds(_ now: Date = Date()) -> (lastMonthStart: Date, thisMonthStart: Date, sameTimeLastMonth: Date) {
        let parts = calendar.dateComponents([.year, .month], from: now)
        let thisMonthStart = calendar.date(from: parts) ?? now
        let lastMonthStart = calendar.date(byAdding: .month, value: -1, to: thisMonthStart) ?? thisMonthStart
        let sameTime = calendar.date(byAdding: .month, value: -1, to: now) ?? thisMonthStart
        return (lastMonthStart, thisMonthStart, min(max(sameTime, lastMonthStart), thisMonthStart))
    }
}

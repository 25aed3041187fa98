/// The days a report covers, both ends included. A page's period comes from its GET form; what is
/// missing or unreadable falls back to the last twelve months (the current month and the eleven
/// before it), so a bare link always shows something sensible.
public struct ReportPeriod: Sendable, Hashable {
    public let from: CalendarDate
    public let to: CalendarDate

    /// Ends given the wrong way round are swapped.
    public init(from: CalendarDate, to: CalendarDate) {
        self.from = min(from, to)
        self.to = max(from, to)
    }

    /// The first day of the month eleven months before `today`, to `today`.
    public static func lastTwelveMonths(endingOn today: CalendarDate) -> ReportPeriod {
        let months = today.year * 12 + (today.month - 1) - 11
        let start = (try? CalendarDate(year: months / 12, month: months % 12 + 1, day: 1)) ?? today
        return ReportPeriod(from: start, to: today)
    }

    /// The period a form asked for: ISO dates (`2026-01-31`); an end left out is the default's.
    /// A period longer than ten years is cut to the ten years before its end (every query stays bounded).
    public static func reading(from: String?, to: String?, today: CalendarDate) -> ReportPeriod {
        let fallback = lastTwelveMonths(endingOn: today)
        let start = from.flatMap { try? CalendarDate(iso: $0) } ?? fallback.from
        let end = to.flatMap { try? CalendarDate(iso: $0) } ?? fallback.to
        var period = ReportPeriod(from: start, to: end)
        if period.days > 3653, let cut = try? period.to.adding(days: -3652) {
            period = ReportPeriod(from: cut, to: period.to)
        }
        return period
    }

    /// Days in the period, both ends counted.
    public var days: Int { to.days(since: from) + 1 }

    /// The months the period touches, oldest first, as `YYYY-MM`.
    public var months: [String] {
        var result: [String] = []
        var year = from.year
        var month = from.month
        while year < to.year || (year == to.year && month <= to.month) {
            result.append(Self.monthKey(year: year, month: month))
            month += 1
            if month > 12 {
                month = 1
                year += 1
            }
        }
        return result
    }

    /// `YYYY-MM`, the key months are grouped by in every report.
    public static func monthKey(year: Int, month: Int) -> String {
        let y = String(year)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + (month < 10 ? "-0\(month)" : "-\(month)")
    }
}

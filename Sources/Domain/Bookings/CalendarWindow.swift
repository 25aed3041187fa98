/// The days a calendar page shows: a month as whole weeks (Monday to Sunday, as in Sweden) or one
/// week, with the dates the previous and next pages start from.
public struct CalendarWindow: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case month, week
    }

    public let kind: Kind
    /// The date asked for.
    public let anchor: CalendarDate
    /// Every day shown, Monday first; whole weeks (a month grid has 4 to 6 of them).
    public let days: [CalendarDate]
    /// The anchor of the page before and after (the first of the month, or the same weekday a week away).
    public let previous: CalendarDate
    public let next: CalendarDate

    /// Throws ``CalendarDateError/outOfRange`` at the very ends of the calendar (years 1 and 9999).
    public init(_ kind: Kind, containing anchor: CalendarDate) throws(CalendarDateError) {
        self.kind = kind
        self.anchor = anchor
        switch kind {
        case .month:
            let first = try CalendarDate(year: anchor.year, month: anchor.month, day: 1)
            let last = try CalendarDate(
                year: anchor.year, month: anchor.month,
                day: CalendarDate.daysInMonth(year: anchor.year, month: anchor.month))
            let gridStart = try first.adding(days: 1 - first.isoWeekday)
            let gridEnd = try last.adding(days: 7 - last.isoWeekday)
            days = try Self.range(gridStart, gridEnd)
            previous =
                anchor.month == 1
                ? try CalendarDate(year: anchor.year - 1, month: 12, day: 1)
                : try CalendarDate(year: anchor.year, month: anchor.month - 1, day: 1)
            next = try last.adding(days: 1)
        case .week:
            let monday = try anchor.adding(days: 1 - anchor.isoWeekday)
            days = try Self.range(monday, try monday.adding(days: 6))
            previous = try anchor.adding(days: -7)
            next = try anchor.adding(days: 7)
        }
    }

    public var first: CalendarDate { days[0] }
    public var last: CalendarDate { days[days.count - 1] }

    /// The shown days as a period (for the overlap query).
    public var period: RentalPeriod { (try? RentalPeriod(start: first, end: last)) ?? RentalPeriod(day: first) }

    /// Whether `day` belongs to the page's own month or week (a month grid's leading and trailing
    /// days from the neighbouring months are shown dimmed).
    public func isInFocus(_ day: CalendarDate) -> Bool {
        switch kind {
        case .month: day.year == anchor.year && day.month == anchor.month
        case .week: day >= first && day <= last
        }
    }

    /// The weeks of the page, seven days each.
    public var weeks: [[CalendarDate]] {
        stride(from: 0, to: days.count, by: 7).map { Array(days[$0..<min($0 + 7, days.count)]) }
    }

    private static func range(_ from: CalendarDate, _ to: CalendarDate) throws(CalendarDateError) -> [CalendarDate] {
        var days: [CalendarDate] = []
        var day = from
        while day <= to {
            days.append(day)
            day = try day.adding(days: 1)
        }
        return days
    }
}

extension CalendarDate {
    /// The ISO 8601 week (Monday first; week 1 holds the year's first Thursday), as Swedish
    /// calendars number them: `(2026, 1)` for 2025-12-29.
    public var isoWeek: (year: Int, week: Int) {
        let thursday = (try? adding(days: 4 - isoWeekday)) ?? self
        let januaryFirst = (try? CalendarDate(year: thursday.year, month: 1, day: 1)) ?? thursday
        return (thursday.year, thursday.days(since: januaryFirst) / 7 + 1)
    }
}

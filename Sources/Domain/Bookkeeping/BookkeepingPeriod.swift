/// The days an SIE export covers: both ends included, inside one calendar year, which is the
/// fiscal year the file declares (`#RAR 0`).
public struct BookkeepingPeriod: Sendable, Hashable {
    public let from: CalendarDate
    public let to: CalendarDate

    public enum Problem: Error, Sendable, Equatable {
        /// A date is not `YYYY-MM-DD`.
        case notADate
        /// `to` before `from`.
        case backwards
        /// The two ends are in different years.
        case acrossYears
    }

    public init(from: CalendarDate, to: CalendarDate) throws(Problem) {
        guard from <= to else { throw .backwards }
        guard from.year == to.year else { throw .acrossYears }
        self.from = from
        self.to = to
    }

    /// From a form's or a command's text.
    public init(from: String, to: String) throws(Problem) {
        guard let first = try? CalendarDate(iso: from), let last = try? CalendarDate(iso: to) else { throw .notADate }
        try self.init(from: first, to: last)
    }

    /// The whole year the period is in.
    public var fiscalYear: RentalPeriod {
        // January 1 and December 31 of a year that has a valid date always exist.
        try! RentalPeriod(
            start: try CalendarDate(year: from.year, month: 1, day: 1),
            end: try CalendarDate(year: from.year, month: 12, day: 31))
    }

    /// The year so far: January 1 to `today`.
    public static func yearToDate(_ today: CalendarDate) -> BookkeepingPeriod {
        let start = (try? CalendarDate(year: today.year, month: 1, day: 1)) ?? today
        return (try? BookkeepingPeriod(from: start, to: today)) ?? BookkeepingPeriod(unchecked: today)
    }

    private init(unchecked day: CalendarDate) {
        from = day
        to = day
    }

    /// `sie-2026-01-01-2026-11-30.si`
    public var fileName: String { "eventgaraget-\(from.iso)-\(to.iso).si" }
}

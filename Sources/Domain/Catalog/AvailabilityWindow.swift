/// The period a product's day-by-day availability strip shows, read from the page's `from` and
/// `to` parameters: by default today and the 13 days after it, never more than 62 days (two
/// months of rows stay readable on a tablet and cost one indexed query).
public enum AvailabilityWindow {
    public static let defaultDays = 14
    public static let maximumDays = 62

    public enum Field: String, Sendable, CaseIterable { case from, to }

    public struct Invalid: Error, Sendable, Equatable {
        public let problems: [Field: RecordFieldProblem]
    }

    /// `from` empty: `today`; `to` empty: `defaultDays` days from `from`, inclusive.
    /// - Throws: ``Invalid``: `.invalidDate` for text that is not an existing `YYYY-MM-DD`,
    ///   `.endBeforeStart`, `.periodTooLong(maximumDays:)`.
    public static func period(
        from fromText: String?, to toText: String?, today: CalendarDate
    ) throws(Invalid) -> RentalPeriod {
        func read(_ text: String?, _ field: Field) -> Result<CalendarDate?, RecordFieldProblem> {
            let trimmed = RecordFieldRules.trimmed(text ?? "")
            guard !trimmed.isEmpty else { return .success(nil) }
            do { return .success(try CalendarDate(iso: trimmed)) } catch { return .failure(.invalidDate) }
        }
        var problems: [Field: RecordFieldProblem] = [:]
        var start = today
        var end: CalendarDate?
        switch read(fromText, .from) {
        case .success(let date): start = date ?? today
        case .failure(let problem): problems[.from] = problem
        }
        switch read(toText, .to) {
        case .success(let date): end = date
        case .failure(let problem): problems[.to] = problem
        }
        guard problems.isEmpty else { throw Invalid(problems: problems) }
        let last: CalendarDate
        if let end {
            last = end
        } else {
            do { last = try start.adding(days: defaultDays - 1) } catch {
                throw Invalid(problems: [.from: .invalidDate])
            }
        }
        guard last >= start else { throw Invalid(problems: [.to: .endBeforeStart]) }
        guard last.days(since: start) < maximumDays else {
            throw Invalid(problems: [.to: .periodTooLong(maximumDays: maximumDays)])
        }
        do { return try RentalPeriod(start: start, end: last) } catch {
            throw Invalid(problems: [.to: .endBeforeStart])
        }
    }
}

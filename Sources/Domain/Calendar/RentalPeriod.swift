/// The days a customer has the equipment: from `start` to `end`, both included. A one-day rental
/// has `start == end`; Friday to Sunday is 3 days.
public struct RentalPeriod: Sendable, Hashable, Codable {
    public let start: CalendarDate
    public let end: CalendarDate

    /// Throws ``RentalPeriodError/endBeforeStart`` when `end < start`.
    public init(start: CalendarDate, end: CalendarDate) throws(RentalPeriodError) {
        guard end >= start else { throw .endBeforeStart(start: start, end: end) }
        self.start = start
        self.end = end
    }

    /// One day.
    public init(day: CalendarDate) {
        self.start = day
        self.end = day
    }

    /// Rental days, inclusive: `end − start + 1` (always ≥ 1).
    public var days: Int { end.days(since: start) + 1 }

    /// Whether the two periods share at least one day (inclusive ends: one ending on the day the
    /// other starts overlaps, because both have the equipment that day).
    public func overlaps(_ other: RentalPeriod) -> Bool { start <= other.end && other.start <= end }

    public func contains(_ date: CalendarDate) -> Bool { start <= date && date <= end }

    /// The days both periods share, or `nil`.
    public func intersection(_ other: RentalPeriod) -> RentalPeriod? {
        guard overlaps(other) else { return nil }
        return try? RentalPeriod(start: max(start, other.start), end: min(end, other.end))
    }

    /// Every day of the period, in order.
    public var dates: [CalendarDate] {
        let first = start.daysSinceEpoch
        return (0..<days).compactMap { try? CalendarDate(daysSinceEpoch: first + $0) }
    }

    enum CodingKeys: String, CodingKey { case start, end }

    /// Decoding validates like ``init(start:end:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        do {
            try self.init(
                start: try container.decode(CalendarDate.self, forKey: .start),
                end: try container.decode(CalendarDate.self, forKey: .end))
        } catch let error as RentalPeriodError {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }
}

public enum RentalPeriodError: Error, Sendable, Equatable, CustomStringConvertible {
    case endBeforeStart(start: CalendarDate, end: CalendarDate)

    public var description: String {
        switch self {
        case .endBeforeStart(let start, let end): "The rental ends (\(end)) before it starts (\(start))."
        }
    }
}

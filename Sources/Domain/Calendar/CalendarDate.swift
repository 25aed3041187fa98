/// A day in the proleptic Gregorian calendar (year, month, day) with no time and no time zone:
/// rental periods, valid-until dates and PostgreSQL `date` columns. Convert instants to a
/// `CalendarDate` at the edge, in Europe/Stockholm.
public struct CalendarDate: Sendable, Hashable, Comparable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Throws ``CalendarDateError/invalidDate`` for days that do not exist (`2026-02-29`) or years
    /// outside `1...9999`.
    public init(year: Int, month: Int, day: Int) throws(CalendarDateError) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Self.daysInMonth(year: year, month: month)).contains(day)
        else { throw .invalidDate(year: year, month: month, day: day) }
        self.year = year
        self.month = month
        self.day = day
    }

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `YYYY-MM-DD` exactly (ISO 8601 calendar date, as PostgreSQL prints `date`).
    /// Throws ``CalendarDateError/malformed`` or ``CalendarDateError/invalidDate``.
    public init(iso text: String) throws(CalendarDateError) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
            throw .malformed(text)
        }
        func number(_ range: Range<Int>) throws(CalendarDateError) -> Int {
            var value = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { throw .malformed(text) }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        try self.init(year: try number(0..<4), month: try number(5..<7), day: try number(8..<10))
    }

    /// `YYYY-MM-DD`.
    public var iso: String {
        // Digits written straight into ten bytes: this is printed for every date on every list.
        guard (0...9999).contains(year) else {
            func pad(_ value: Int, _ width: Int) -> String {
                let digits = String(value)
                return String(repeating: "0", count: max(0, width - digits.count)) + digits
            }
            return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        }
        return String(unsafeUninitializedCapacity: 10) { bytes in
            func digit(_ value: Int) -> UInt8 { UInt8(truncatingIfNeeded: 0x30 + value % 10) }
            bytes[0] = digit(year / 1000)
            bytes[1] = digit(year / 100)
            bytes[2] = digit(year / 10)
            bytes[3] = digit(year)
            bytes[4] = UInt8(ascii: "-")
            bytes[5] = digit(month / 10)
            bytes[6] = digit(month)
            bytes[7] = UInt8(ascii: "-")
            bytes[8] = digit(day / 10)
            bytes[9] = digit(day)
            return 10
        }
    }

    /// Days since 1970-01-01 (negative before). Howard Hinnant's `days_from_civil`.
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `daysSinceEpoch` days after 1970-01-01. Throws ``CalendarDateError/outOfRange``
    /// outside years 1...9999.
    public init(daysSinceEpoch: Int) throws(CalendarDateError) {
        guard (Self.minimumDay...Self.maximumDay).contains(daysSinceEpoch) else { throw .outOfRange }
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(unchecked: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// The date `days` later (earlier when negative). Throws ``CalendarDateError/outOfRange``.
    public func adding(days: Int) throws(CalendarDateError) -> CalendarDate {
        let (target, overflow) = daysSinceEpoch.addingReportingOverflow(days)
        guard !overflow else { throw .outOfRange }
        return try CalendarDate(daysSinceEpoch: target)
    }

    /// Whole days from `other` to `self` (positive when `self` is later).
    public func days(since other: CalendarDate) -> Int { daysSinceEpoch - other.daysSinceEpoch }

    /// 1 = Monday … 7 = Sunday (ISO 8601).
    public var isoWeekday: Int {
        // 1970-01-01 was a Thursday (4).
        let offset = (daysSinceEpoch % 7 + 7) % 7
        return (offset + 3) % 7 + 1
    }

    public static func isLeapYear(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static let minimumDay = CalendarDate(unchecked: 1, 1, 1).daysSinceEpoch
    static let maximumDay = CalendarDate(unchecked: 9999, 12, 31).daysSinceEpoch

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

extension CalendarDate: CustomStringConvertible {
    public var description: String { iso }
}

extension CalendarDate: Codable {
    /// Encoded as the ISO string `YYYY-MM-DD`.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(iso: text) } catch {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}

public enum CalendarDateError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidDate(year: Int, month: Int, day: Int)
    case malformed(String)
    case outOfRange

    public var description: String {
        switch self {
        case .invalidDate(let y, let m, let d): "There is no date \(y)-\(m)-\(d)."
        case .malformed(let text): "Not a date in the form YYYY-MM-DD: \(text)"
        case .outOfRange: "The date is outside the years 1–9999."
        }
    }
}

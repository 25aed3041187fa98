/// The value axis of a chart: round tick values ("nice numbers": 1, 2 or 5 × 10ⁿ apart) that
/// cover the data, zero included, with about `target` intervals.
public struct AxisScale: Sendable, Hashable {
    /// The tick values, lowest first; the first is the axis' minimum and the last its maximum.
    public let ticks: [Int64]

    public var lower: Int64 { ticks.first ?? 0 }
    public var upper: Int64 { ticks.last ?? 1 }
    public var step: Int64 { ticks.count > 1 ? ticks[1] - ticks[0] : 1 }

    /// - Parameters:
    ///   - minimum, maximum: the data's extent (zero is always included).
    ///   - target: at most this many intervals between ticks (4–6 reads well).
    ///   - minimumStep: the smallest tick distance that makes sense in the unit (100 öre = 1 kr).
    public init(minimum: Int64, maximum: Int64, target: Int = 5, minimumStep: Int64 = 1) {
        let low = min(0, minimum)
        var high = max(0, maximum)
        if high == low { high = low + max(1, minimumStep) }
        let range = high.subtractingReportingOverflow(low)
        let span = range.overflow ? Int64.max : range.partialValue
        let intervals = Int64(max(1, target))
        var step = max(1, minimumStep)
        // The smallest 1-2-5 step (at least `minimumStep`) that needs no more than `intervals` of them.
        search: for power in Self.powersOfTen {
            for factor: Int64 in [1, 2, 5] {
                let (candidate, overflow) = power.multipliedReportingOverflow(by: factor)
                if overflow { break search }
                guard candidate >= minimumStep else { continue }
                step = candidate
                if Self.ceilDiv(span, candidate) <= intervals { break search }
            }
        }
        let first = Self.floorDiv(low, step)
        let last = Self.ceilDiv(high, step)
        ticks = (first...max(first + 1, last)).map { $0 * step }
    }

    /// Where `value` falls between the axis' ends, from 0 (lower) to 1 (upper).
    public func fraction(_ value: Int64) -> Double {
        let span = Double(upper) - Double(lower)
        return span > 0 ? (Double(value) - Double(lower)) / span : 0
    }

    static let powersOfTen: [Int64] = (0...18).map { exponent in
        (0..<exponent).reduce(Int64(1)) { value, _ in value * 10 }
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    static func ceilDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) == (b < 0)) ? q + 1 : q
    }
}

extension ChartData.Unit {
    /// The smallest tick distance worth drawing: whole kronor, whole things, whole per cent, whole days.
    public var minimumStep: Int64 {
        switch self {
        case .money: 100
        case .count: 1
        case .percent: 100
        case .tenthsOfDays: 10
        case .hundredths: 1
        }
    }

    /// A value for an axis or a table cell, as the rest of the app prints it: money as in
    /// ``Money/formatted(_:)`` (in whole kronor on an axis, `wholeKronor`), per cent with a
    /// decimal when it has one, days with one decimal.
    public func format(_ value: Int64, _ language: Language, wholeKronor: Bool = false) -> String {
        let decimal = language == .sv ? "," : "."
        let group = language == .sv ? "\u{00A0}" : ","
        switch self {
        case .money:
            guard wholeKronor else { return Money(ore: value).formatted(language) }
            let kronor = Money.grouped(value.magnitude / 100, separator: group)
            let sign = value < 0 ? "-" : ""
            return language == .sv ? "\(sign)\(kronor)\u{00A0}kr" : "\(sign)SEK\u{00A0}\(kronor)"
        case .count:
            return (value < 0 ? "-" : "") + Money.grouped(value.magnitude, separator: group)
        case .percent:
            let whole = value.magnitude / 100
            let tenths = (value.magnitude % 100) / 10
            let sign = value < 0 ? "-" : ""
            return tenths == 0 ? "\(sign)\(whole)\u{00A0}%" : "\(sign)\(whole)\(decimal)\(tenths)\u{00A0}%"
        case .tenthsOfDays:
            let sign = value < 0 ? "-" : ""
            return "\(sign)\(value.magnitude / 10)\(decimal)\(value.magnitude % 10)"
        case .hundredths:
            let sign = value < 0 ? "-" : ""
            let whole = Money.grouped(value.magnitude / 100, separator: group)
            let cents = value.magnitude % 100
            guard cents != 0 else { return sign + whole }
            let digits = cents % 10 == 0 ? String(cents / 10) : (cents < 10 ? "0\(cents)" : String(cents))
            return "\(sign)\(whole)\(decimal)\(digits)"
        }
    }
}

/// An amount of Swedish money in whole öre (1 kr = 100 öre), stored as `Int64`.
///
/// Money never traps: every operation that could overflow is a checked method that throws
/// ``MoneyError/overflow``. There are deliberately no `+`/`-`/`*` operators.
public struct Money: Sendable, Hashable, Comparable {
    /// The amount in öre. Negative amounts are allowed (credits); quotations validate their own signs.
    public let ore: Int64

    public init(ore: Int64) { self.ore = ore }

    public static let zero = Money(ore: 0)

    /// Whole kronor. Throws ``MoneyError/overflow`` when `kronor × 100` does not fit in `Int64`.
    public static func kronor(_ kronor: Int64) throws(MoneyError) -> Money {
        let (value, overflow) = kronor.multipliedReportingOverflow(by: 100)
        guard !overflow else { throw .overflow }
        return Money(ore: value)
    }

    public var isNegative: Bool { ore < 0 }
    public var isZero: Bool { ore == 0 }

    /// Throws ``MoneyError/overflow``.
    public func adding(_ other: Money) throws(MoneyError) -> Money {
        let (value, overflow) = ore.addingReportingOverflow(other.ore)
        guard !overflow else { throw .overflow }
        return Money(ore: value)
    }

    /// Throws ``MoneyError/overflow``.
    public func subtracting(_ other: Money) throws(MoneyError) -> Money {
        let (value, overflow) = ore.subtractingReportingOverflow(other.ore)
        guard !overflow else { throw .overflow }
        return Money(ore: value)
    }

    /// Throws ``MoneyError/overflow``.
    public func multiplied(by factor: Int64) throws(MoneyError) -> Money {
        let (value, overflow) = ore.multipliedReportingOverflow(by: factor)
        guard !overflow else { throw .overflow }
        return Money(ore: value)
    }

    /// `self × basisPoints / 10 000`, rounded to whole öre half away from zero (half-up for positive
    /// amounts): 12.5 % of 4 öre is 0.5 öre → 1 öre. The intermediate product is 128-bit, so only a
    /// result outside `Int64` throws ``MoneyError/overflow``.
    public func portion(basisPoints: Int) throws(MoneyError) -> Money {
        guard let value = RoundingArithmetic.multiplyDivideHalfUp(ore, Int64(basisPoints), 10_000) else {
            throw .overflow
        }
        return Money(ore: value)
    }

    /// The sum of `amounts`. Throws ``MoneyError/overflow``.
    public static func sum(_ amounts: some Sequence<Money>) throws(MoneyError) -> Money {
        var total = Money.zero
        for amount in amounts { total = try total.adding(amount) }
        return total
    }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.ore < rhs.ore }
}

extension Money: Codable {
    /// Encoded as the bare integer of öre.
    public init(from decoder: any Decoder) throws {
        self.init(ore: try decoder.singleValueContainer().decode(Int64.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(ore)
    }
}

/// Integer arithmetic with one rounding step, used by every percentage in the domain (discounts, VAT).
enum RoundingArithmetic {
    /// `value × numerator / denominator` rounded half away from zero, computed with a 128-bit
    /// intermediate so that large amounts do not overflow before the division.
    /// `nil` when `denominator <= 0` or the result does not fit in `Int64`.
    static func multiplyDivideHalfUp(_ value: Int64, _ numerator: Int64, _ denominator: Int64) -> Int64? {
        guard denominator > 0 else { return nil }
        let negative = (value < 0) != (numerator < 0)
        let product = value.magnitude.multipliedFullWidth(by: numerator.magnitude)
        let divisor = UInt64(denominator)
        guard product.high < divisor else { return nil }  // the quotient would not fit in 64 bits
        var (quotient, remainder) = divisor.dividingFullWidth(product)
        if remainder >= divisor - remainder {  // remainder ≥ divisor / 2, without overflow
            let (next, overflow) = quotient.addingReportingOverflow(1)
            guard !overflow else { return nil }
            quotient = next
        }
        if negative {
            guard quotient <= UInt64(Int64.max) + 1 else { return nil }
            return quotient == UInt64(Int64.max) + 1 ? Int64.min : -Int64(quotient)
        }
        guard quotient <= UInt64(Int64.max) else { return nil }
        return Int64(quotient)
    }
}

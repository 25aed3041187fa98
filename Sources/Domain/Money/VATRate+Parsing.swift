extension VATRate {
    /// Reads a rate as staff type it, in percent: `25`, `12,5`, `12.5`, `6 %`, `0`. At most two
    /// decimals (a basis point); between 0 and 100.
    /// - Throws: `VATRateParseError`.
    public init(percentText input: String) throws(VATRateParseError) {
        var text = Substring(input.filter { !$0.isWhitespace })
        if text.hasSuffix("%") { text = text.dropLast() }
        guard !text.isEmpty else { throw .empty }
        let parts = text.split(
            separator: text.contains(",") ? "," : ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0]
        let fraction = parts.count > 1 ? parts[1] : ""
        guard !whole.isEmpty, whole.count <= 3, whole.allSatisfy(\.isASCIIDigit),
            fraction.allSatisfy(\.isASCIIDigit), !(parts.count > 1 && fraction.isEmpty)
        else { throw .notANumber }
        guard fraction.count <= 2 else { throw .tooPrecise }
        let basisPoints = Int(whole)! * 100 + Int(fraction.padding(toLength: 2))!
        do { try self.init(basisPoints: basisPoints) } catch { throw .outOfRange }
    }

    /// The rate as the form shows it again: `25`, `12,5` (Swedish) or `12.5` (English), no sign.
    public func percentText(_ language: Language) -> String {
        let whole = basisPoints / 100
        let fraction = basisPoints % 100
        guard fraction != 0 else { return "\(whole)" }
        let digits = fraction % 10 == 0 ? "\(fraction / 10)" : (fraction < 10 ? "0\(fraction)" : "\(fraction)")
        return "\(whole)\(language == .sv ? "," : ".")\(digits)"
    }
}

public enum VATRateParseError: Error, Sendable, Equatable {
    case empty
    case notANumber
    /// More than two decimals.
    case tooPrecise
    /// Above 100 %.
    case outOfRange
}

extension Character {
    /// 0–9 only (`isNumber` alone also takes other scripts' digits and fractions).
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension Substring {
    fileprivate func padding(toLength length: Int) -> String {
        String(self) + String(repeating: "0", count: Swift.max(0, length - count))
    }
}

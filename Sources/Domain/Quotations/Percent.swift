/// A percentage as staff type it into a discount or VAT field, read into basis points
/// (`12,5` → 1250) and printed back for editing (1250 → `12,5` in Swedish, `12.5` in English).
public enum Percent {
    /// Reads `25`, `12,5`, `12.5`, `7.25 %`, `0`: at most two decimals, `,` or `.` as the decimal
    /// mark, an optional `%` after the number. Throws ``PercentParseError``: `.empty`, `.malformed`
    /// (anything else, including a sign or grouping), `.tooManyDecimals`, `.outOfRange` (above 100 %).
    public static func basisPoints(parsing input: String) throws(PercentParseError) -> Int {
        var text = Substring(input.trimmingWhitespace)
        if text.hasSuffix("%") { text = text.dropLast() }
        text = Substring(String(text).trimmingWhitespace)
        guard !text.isEmpty else { throw .empty }
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "," || $0 == "." })
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty, whole.count <= 3,
            whole.allSatisfy({ $0.isASCII && $0.isNumber })
        else { throw .malformed }
        var fraction = parts.count == 2 ? parts[1] : ""
        if parts.count == 2, fraction.isEmpty { throw .malformed }
        guard fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw .malformed }
        guard fraction.count <= 2 else { throw .tooManyDecimals }
        while fraction.count < 2 { fraction.append("0") }
        guard let units = Int(whole), let hundredths = Int(fraction) else { throw .malformed }
        let value = units * 100 + hundredths
        guard value <= 10_000 else { throw .outOfRange }
        return value
    }

    /// The basis points as they go back into a form field: `25`, `12,5` / `12.5`, `7,25` / `7.25`.
    public static func editingText(basisPoints: Int, language: Language) -> String {
        let whole = basisPoints / 100
        let fraction = basisPoints % 100
        guard fraction != 0 else { return String(whole) }
        let digits = fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0\(fraction)" : String(fraction))
        return "\(whole)\(language == .sv ? "," : ".")\(digits)"
    }
}

/// Why a percentage field could not be read (see ``Percent/basisPoints(parsing:)``).
public enum PercentParseError: Error, Sendable, Equatable, CustomStringConvertible {
    case empty
    case malformed
    case tooManyDecimals
    case outOfRange

    public var description: String {
        switch self {
        case .empty: "Enter a percentage."
        case .malformed: "Write the percentage as a number, such as 10 or 12,5."
        case .tooManyDecimals: "Use at most two decimals."
        case .outOfRange: "A percentage is between 0 and 100."
        }
    }
}

extension Money {
    /// The amount as it goes back into a price field: no grouping, two decimals, the language's
    /// decimal mark (`1234,50` / `1234.50`), so ``init(parsing:)`` reads it back unchanged.
    public func editingText(_ language: Language) -> String {
        let magnitude = ore.magnitude
        let cents = magnitude % 100
        return "\(ore < 0 ? "-" : "")\(magnitude / 100)\(language == .sv ? "," : ".")\(cents < 10 ? "0" : "")\(cents)"
    }
}

/// Arithmetic on ``Money`` left the range of `Int64` öre (about ±92 233 billion kronor).
public enum MoneyError: Error, Sendable, Equatable, CustomStringConvertible {
    case overflow

    public var description: String { "The amount is too large." }
}

/// Why staff input could not be read as an amount (see ``Money/init(parsing:)``).
public enum MoneyParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nothing but whitespace (or only a currency sign).
    case empty
    /// A character that is neither a digit, a separator, a sign nor a currency word.
    case invalidCharacter(Character)
    /// More than two digits after the decimal separator (öre has two).
    case tooManyDecimals
    /// A lone `,` or `.` followed by exactly three digits: `1,234` could be 1 234 kr or 1,234 kr.
    case ambiguousSeparator
    /// Digit groups that are not groups of three (`12 34`), or a separator in the wrong place.
    case misplacedSeparator
    /// The amount does not fit in `Int64` öre.
    case overflow

    public var description: String {
        switch self {
        case .empty: "Enter an amount."
        case .invalidCharacter(let c): "The amount contains an unexpected character: \(c)"
        case .tooManyDecimals: "Use at most two decimals."
        case .ambiguousSeparator: "Write the amount as 1234 or 1 234,00."
        case .misplacedSeparator: "The amount's separators are in the wrong place."
        case .overflow: "The amount is too large."
        }
    }
}

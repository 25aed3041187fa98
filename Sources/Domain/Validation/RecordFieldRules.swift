/// The small text rules the record forms share: trimming, lengths, email, phone, country codes.
/// Pure; the checks return a problem or nil.
enum RecordFieldRules {
    /// Leading and trailing whitespace (including newlines and no-break spaces) removed.
    static func trimmed(_ text: String) -> String {
        var slice = Substring(text)
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return String(slice)
    }

    /// `.tooLong` when `text` has more than `maximum` characters.
    static func length(_ text: String, _ maximum: Int) -> RecordFieldProblem? {
        text.lengthForLimits > maximum ? .tooLong(maximum: maximum) : nil
    }

    /// A single line: no control characters (tabs and newlines included).
    static func isSingleLine(_ text: String) -> Bool {
        !text.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    /// An address the mailer can send to: `EmailAddressRule`, the one rule.
    static func isEmail(_ text: String) -> Bool { EmailAddressRule.isValid(text) }

    /// Digits with the usual separators (`031-70 80 90`, `+46 (0)70 123 45 67`), 5 to 20 digits.
    static func isPhone(_ text: String) -> Bool {
        let allowed: Set<Character> = [" ", "+", "-", "(", ")", "/", "."]
        var digits = 0
        for character in text {
            if character.isASCII, character.isNumber {
                digits += 1
            } else if !allowed.contains(character) {
                return false
            }
        }
        return (5...20).contains(digits)
    }

    /// Two ASCII letters (already upper-cased by the caller).
    static func isCountryCode(_ text: String) -> Bool {
        text.count == 2 && text.allSatisfy { $0.isASCII && $0.isUppercase }
    }

    /// ASCII digits only.
    static func digits(of text: String) -> String { String(text.filter { $0.isASCII && $0.isNumber }) }
}

extension RecordFieldRules {
    /// Control characters (a pasted tab or newline in a one-line field) become spaces.
    static func singleLine(_ text: String) -> String {
        guard !isSingleLine(text) else { return text }
        return String(
            String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
    }
}

extension RecordFieldRules {
    /// The largest price a catalogue item may have: 10 000 000 kr.
    static let maximumPrice = Money(ore: 1_000_000_000)

    /// A price as staff type it (`1 250,50`, `1250.5`, `450 kr`): required, not negative, at most
    /// ``maximumPrice``.
    static func price(_ text: String) -> Result<Money, RecordFieldProblem> {
        guard !text.isEmpty else { return .failure(.required) }
        let money: Money
        do { money = try Money(parsing: text) } catch { return .failure(.amount(error)) }
        if money.isNegative { return .failure(.negativeAmount) }
        if money > maximumPrice { return .failure(.amountTooLarge(maximum: maximumPrice)) }
        return .success(money)
    }

    /// A whole number in `range` (digits only, an optional leading `-`; spaces between digit groups allowed).
    static func wholeNumber(_ text: String, in range: ClosedRange<Int>) -> Result<Int, RecordFieldProblem> {
        guard !text.isEmpty else { return .failure(.required) }
        let compact = text.filter { $0 != " " && $0 != "\u{00A0}" }
        guard let value = Int(compact) else { return .failure(.notWholeNumber) }
        guard range.contains(value) else {
            return .failure(.outOfRange(minimum: range.lowerBound, maximum: range.upperBound))
        }
        return .success(value)
    }

    /// An optional reference picked from a select: empty is nil; otherwise a positive id.
    static func optionalID(_ text: String) -> Result<Int64?, RecordFieldProblem> {
        guard !text.isEmpty else { return .success(nil) }
        guard let value = Int64(text), value > 0, String(value) == text else { return .failure(.invalidChoice) }
        return .success(value)
    }
}

extension Money {
    /// The amount as a price field shows it for editing: no grouping, no currency, the language's
    /// decimal mark only when there are öre (`1250`, `1250,50`, `1250.50`); `Money(parsing:)` reads it back.
    public func inputText(_ language: Language) -> String {
        let sign = ore < 0 ? "-" : ""
        let kronor = ore.magnitude / 100
        let cents = ore.magnitude % 100
        guard cents != 0 else { return "\(sign)\(kronor)" }
        return "\(sign)\(kronor)\(language == .sv ? "," : ".")\(cents < 10 ? "0" : "")\(cents)"
    }
}

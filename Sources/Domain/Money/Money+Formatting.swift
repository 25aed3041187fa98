extension Money {
    /// The amount for people, always with two decimals:
    /// Swedish `1 234,50 kr`, English `SEK 1,234.50`; negative amounts get a leading `-`.
    ///
    /// The spaces in Swedish digit groups and before `kr` (and after `SEK`) are NO-BREAK SPACE
    /// (U+00A0), so an amount never wraps across lines in a table, email or PDF.
    public func formatted(_ language: Language) -> String {
        let magnitude = ore.magnitude
        let kronor = magnitude / 100
        let cents = magnitude % 100
        let centsText = cents < 10 ? "0\(cents)" : "\(cents)"
        let sign = ore < 0 ? "-" : ""
        switch language {
        case .sv:
            return "\(sign)\(Self.grouped(kronor, separator: "\u{00A0}")),\(centsText)\u{00A0}kr"
        case .en:
            return "\(sign)SEK\u{00A0}\(Self.grouped(kronor, separator: ",")).\(centsText)"
        }
    }

    /// Digits of `value` in groups of three: `1234567` → `1 234 567`.
    static func grouped(_ value: UInt64, separator: String) -> String {
        let digits = Array(String(value))
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result += separator }
            result.append(digit)
        }
        return result
    }
}

extension Money {
    /// Reads an amount as staff type it into a price field: `1234`, `1234,50`, `1 234.5`,
    /// `1.234,50`, `SEK 1,234.50`, `1 234 kr`, `100:-`, with an optional leading `-`.
    ///
    /// Rules: spaces (also no-break and thin spaces) group digits; when both `,` and `.` appear the
    /// last one is the decimal separator; a single `,` or `.` followed by one or two digits is the
    /// decimal separator, repeated ones group digits; groups after the first have three digits.
    /// Throws ``MoneyParseError``: `.ambiguousSeparator` for `1,234` (is that 1 234 kr or 1,234 kr?),
    /// `.tooManyDecimals` for `1,234` written after a grouped integer part or for `0,505`, and so on.
    public init(parsing input: String) throws(MoneyParseError) {
        var text = Substring(input)
        Self.trim(&text)
        var negative = false
        if let first = text.first, first == "-" || first == "\u{2212}" {
            negative = true
            text = text.dropFirst()
            Self.trim(&text)
        }
        Self.stripCurrency(&text)
        if !negative, let first = text.first, first == "-" || first == "\u{2212}" {
            negative = true
            text = text.dropFirst()
            Self.trim(&text)
        }
        guard !text.isEmpty else { throw .empty }

        var hasSpaceGroups = false
        for character in text {
            if character.isASCII, character.isNumber || character == "," || character == "." { continue }
            if Self.groupingSpaces.contains(character) {
                hasSpaceGroups = true
                continue
            }
            throw .invalidCharacter(character)
        }

        // Which mark (if any) separates the öre?
        let commas = text.filter { $0 == "," }.count
        let dots = text.filter { $0 == "." }.count
        var decimalMark: Character?
        if commas > 0, dots > 0 {
            decimalMark = text.last(where: { $0 == "," || $0 == "." })
            if (decimalMark == "," ? commas : dots) > 1 { throw .misplacedSeparator }
        } else if commas + dots == 1 {
            let mark: Character = commas == 1 ? "," : "."
            let halves = text.split(separator: mark, omittingEmptySubsequences: false)
            switch halves[1].count {
            case 0: throw .misplacedSeparator
            case 1, 2: decimalMark = mark
            case 3:
                // `1,234` could group thousands; `0,505`, `1234,567` and `1 234,567` cannot.
                let before = halves[0]
                if !hasSpaceGroups, (1...3).contains(before.count), before.first != "0" { throw .ambiguousSeparator }
                throw .tooManyDecimals
            default: throw .tooManyDecimals
            }
        }

        var integerPart = text
        var fractionPart: Substring = ""
        if let decimalMark, let index = text.lastIndex(of: decimalMark) {
            integerPart = text[..<index]
            fractionPart = text[text.index(after: index)...]
            guard fractionPart.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw .misplacedSeparator }
            guard fractionPart.count <= 2 else { throw .tooManyDecimals }
            guard !fractionPart.isEmpty else { throw .misplacedSeparator }
        }

        let groups = integerPart.split(
            omittingEmptySubsequences: false,
            whereSeparator: { $0 == "," || $0 == "." || Self.groupingSpaces.contains($0) })
        if groups.count > 1 {
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else {
                throw .misplacedSeparator
            }
        }
        let digits = groups.joined()
        guard !digits.isEmpty || !fractionPart.isEmpty else { throw .empty }

        var value: Int64 = 0
        for digit in digits + fractionPart.padding(toTwoWith: "0") {
            let (shifted, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = shifted.addingReportingOverflow(Int64(digit.wholeNumberValue!))
            guard !o1, !o2 else { throw .overflow }
            value = next
        }
        self.init(ore: negative ? -value : value)
    }

    private static let groupingSpaces: Set<Character> = [" ", "\u{00A0}", "\u{202F}", "\u{2009}", "'"]

    private static func trim(_ text: inout Substring) {
        while let first = text.first, first.isWhitespace { text = text.dropFirst() }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
    }

    /// Removes one `kr`, `SEK` or `:-` around the number.
    private static func stripCurrency(_ text: inout Substring) {
        let lower = text.lowercased()
        if lower.hasPrefix("sek") {
            text = text.dropFirst(3)
        } else if lower.hasSuffix("sek") || lower.hasSuffix(":-") {
            text = text.dropLast(lower.hasSuffix("sek") ? 3 : 2)
        } else if lower.hasSuffix("kr") {
            text = text.dropLast(2)
        }
        trim(&text)
    }
}

extension Substring {
    fileprivate func padding(toTwoWith pad: Character) -> String {
        var result = String(self)
        while result.count < 2 { result.append(pad) }
        return result
    }
}

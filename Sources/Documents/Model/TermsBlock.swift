/// One block of the agreement's terms, already structured.
///
/// The terms are stored as sanitised HTML (p, br, strong/b, em/i, ul/ol/li, h2–h4). This module does
/// not parse HTML (no libxml2 here): the caller, which owns the sanitiser, walks the tree and maps
/// `h2`–`h4` to `.heading`, `p` to `.paragraph` (a `br` becomes `"\n"`), each `li` to `.bullet`
/// (`number` set inside an `ol`), and drops the inline emphasis.
public enum TermsBlock: Sendable, Equatable {
    /// `level` 2…4, as in `h2`…`h4`; other values are treated as the nearest.
    case heading(String, level: Int = 2)
    case paragraph(String)
    /// A list item; `number` is its position in an ordered list, `nil` for a bullet.
    case bullet(String, number: Int? = nil)

    /// Plain text to blocks, for terms kept as text: blank lines separate paragraphs, lines starting
    /// with "- ", "* " or "• " are bullets, "1. " numbered items, a line starting with "## " a heading;
    /// other line breaks inside a paragraph are kept.
    public static func blocks(fromPlainText text: String) -> [TermsBlock] {
        var blocks: [TermsBlock] = []
        var paragraph: [String] = []
        func flush() {
            if !paragraph.isEmpty { blocks.append(.paragraph(paragraph.joined(separator: "\n"))) }
            paragraph = []
        }
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.drop { $0 == " " || $0 == "\t" || $0 == "\r" }
            let trimmed = String(line).trimmingTrailingWhitespace()
            if trimmed.isEmpty {
                flush()
            } else if let rest = trimmed.dropPrefix(["- ", "* ", "• "]) {
                flush()
                blocks.append(.bullet(rest))
            } else if let (number, rest) = trimmed.numberedItem() {
                flush()
                blocks.append(.bullet(rest, number: number))
            } else if let rest = trimmed.dropPrefix(["## "]) {
                flush()
                blocks.append(.heading(rest))
            } else {
                paragraph.append(trimmed)
            }
        }
        flush()
        return blocks
    }
}

extension String {
    fileprivate func trimmingTrailingWhitespace() -> String {
        var s = Substring(self)
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s = s.dropLast() }
        return String(s)
    }

    fileprivate func dropPrefix(_ prefixes: [String]) -> String? {
        for prefix in prefixes where hasPrefix(prefix) { return String(dropFirst(prefix.count)) }
        return nil
    }

    /// "12. Text" → (12, "Text").
    fileprivate func numberedItem() -> (Int, String)? {
        let digits = prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 4, let number = Int(digits) else { return nil }
        let rest = dropFirst(digits.count)
        guard rest.hasPrefix(". ") else { return nil }
        return (number, String(rest.dropFirst(2)))
    }
}

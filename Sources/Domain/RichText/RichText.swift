/// Rich text as structured blocks: what the sanitiser allows in terms and descriptions (`p`,
/// `h2`–`h4`, `ul`/`ol`/`li`, `blockquote`, `table`, `hr`, `br`; `strong`/`b`, `em`/`i`, `u`, `s`,
/// `a`, `img`), read once by the sanitiser (`Sanitizer.RichTextReader`) and drawn by the PDF, so
/// the signed PDF shows what the signing page showed (finding L7: what you see is what you sign).
public enum RichBlock: Sendable, Equatable {
    /// `level` 2…4, as in `h2`…`h4`.
    case heading([RichRun], level: Int)
    case paragraph([RichRun])
    /// A list item: `marker` is "•" or its number in an ordered list ("3."), `depth` 1 for a
    /// top-level list. A second paragraph in the same item has an empty marker.
    case listItem([RichRun], marker: String, depth: Int)
    /// A paragraph inside a `blockquote`.
    case quote([RichRun])
    /// Rows of cells; `header` rows come from `th` cells.
    case table([RichTableRow])
    /// `hr`.
    case rule
}

public struct RichTableRow: Sendable, Equatable {
    public var cells: [[RichRun]]
    public var header: Bool

    public init(cells: [[RichRun]], header: Bool = false) {
        self.cells = cells
        self.header = header
    }
}

/// A piece of text with one style. A line break is a run whose text is "\n".
public struct RichRun: Sendable, Equatable {
    public var text: String
    public var bold = false
    public var italic = false
    public var underline = false
    public var strike = false
    /// The target of a link (`a href`).
    public var link: String?
    /// An image: `text` is its alternative text.
    public var image = false

    public init(
        _ text: String, bold: Bool = false, italic: Bool = false, underline: Bool = false, strike: Bool = false,
        link: String? = nil, image: Bool = false
    ) {
        self.text = text
        self.bold = bold
        self.italic = italic
        self.underline = underline
        self.strike = strike
        self.link = link
        self.image = image
    }

    /// The same style, another text.
    public func with(text: String) -> RichRun {
        var copy = self
        copy.text = text
        return copy
    }

    public func sameStyle(as other: RichRun) -> Bool {
        bold == other.bold && italic == other.italic && underline == other.underline && strike == other.strike
            && link == other.link && image == other.image
    }
}

extension RichBlock {
    /// Plain text to blocks, for terms kept as text: blank lines separate paragraphs, lines starting
    /// with "- ", "* " or "• " are bullets, "1. " numbered items, a line starting with "## " a
    /// heading; other line breaks inside a paragraph are kept.
    public static func blocks(fromPlainText text: String) -> [RichBlock] {
        var blocks: [RichBlock] = []
        var paragraph: [String] = []
        func flush() {
            if !paragraph.isEmpty { blocks.append(.paragraph([RichRun(paragraph.joined(separator: "\n"))])) }
            paragraph = []
        }
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = String(rawLine.drop { $0 == " " || $0 == "\t" || $0 == "\r" }).trimmingTrailingSpace()
            if trimmed.isEmpty {
                flush()
            } else if let rest = ["- ", "* ", "• "].first(where: trimmed.hasPrefix).map({ trimmed.dropFirst($0.count) })
            {
                flush()
                blocks.append(.listItem([RichRun(String(rest))], marker: "•", depth: 1))
            } else if let (number, rest) = trimmed.numberedItem() {
                flush()
                blocks.append(.listItem([RichRun(rest)], marker: "\(number).", depth: 1))
            } else if trimmed.hasPrefix("## ") {
                flush()
                blocks.append(.heading([RichRun(String(trimmed.dropFirst(3)))], level: 2))
            } else {
                paragraph.append(trimmed)
            }
        }
        flush()
        return blocks
    }

    /// The text of the block's runs, images as their alternative text in brackets, links followed
    /// by their target when it is not the text itself: what a reader of either rendering can read.
    public var readableText: String {
        func text(_ runs: [RichRun]) -> String {
            runs.map { run in
                if run.image { return "[" + (run.text.isEmpty ? "…" : run.text) + "]" }
                if let link = run.link, link != run.text { return run.text + " (" + link + ")" }
                return run.text
            }.joined()
        }
        switch self {
        case .heading(let runs, _), .paragraph(let runs), .quote(let runs): return text(runs)
        case .listItem(let runs, let marker, _): return (marker.isEmpty ? "" : marker + " ") + text(runs)
        case .table(let rows): return rows.map { $0.cells.map(text).joined(separator: " ") }.joined(separator: "\n")
        case .rule: return ""
        }
    }
}

extension String {
    fileprivate func trimmingTrailingSpace() -> String {
        var s = Substring(self)
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s = s.dropLast() }
        return String(s)
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

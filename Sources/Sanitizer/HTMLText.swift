// Implementation-only for the reason given in LibXML2Workarounds.swift.
import CLibXML2

/// Turns the HTML of a received email into readable plain text, for reading and for the
/// inquiry extractor when a message has no text alternative.
///
/// Parsed with libxml2 (as the sanitiser parses). Block elements end lines (paragraphs,
/// headings, lists, tables and quotes with a blank line around them), `<br>` breaks a line,
/// `<li>` becomes "- " (or "1. " in an ordered list), table cells are separated by spaces and
/// rows by line breaks, a link reads "text (url)" when the text is not the address itself,
/// `<hr>` becomes Outlook's line of underscores, and every line inside `<blockquote>` starts
/// with "> " so `ReplySplitter` sees the history (Gmail's `gmail_quote`). Script, style, head
/// and other invisible content is dropped; entities are decoded; whitespace collapses as a
/// browser collapses it (except in `<pre>`); there is never more than one blank line in a row.
///
/// Thread-safe; it only computes, in time linear in the input.
public enum HTMLText {
    public static func plainText(fromHTML html: String) -> String {
        guard !html.isEmpty else { return "" }
        LibXML2Workarounds.parserInitialized
        let input = LibXML2Workarounds.parserInput(for: html)
        let document = input.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                htmlReadMemory(chars.baseAddress, Int32(chars.count), nil, "UTF-8", LibXML2Workarounds.parseOptions)
            }
        }
        guard let document else { return "" }
        defer { xmlFreeDoc(document) }
        var writer = PlainTextWriter()
        writer.walk(from: document.pointee.children)
        return writer.finish()
    }
}

/// What leaving an element does, remembered on the walk's stack.
private enum Closing {
    case none
    case block
    case paragraph
    case list
    case quote
    case preformatted
    case link(href: String, textStart: Int)
}

private struct PlainTextWriter {
    private var lines: [String] = []
    private var line = ""
    /// A space is due before the next text on this line.
    private var spaceDue = false
    /// A blank line is due before the next line with content.
    private var blankDue = false
    private var quoteDepth = 0
    /// The quote depth of the last line written.
    private var lastDepth = 0
    private var preDepth = 0
    /// Open lists, innermost last: ordered ones count their items.
    private var lists: [(ordered: Bool, next: Int)] = []
    /// The text of open links, so a link can tell whether its text is its address.
    private var linkText = ""
    private var openLinks = 0

    private static let dropped: Set<String> = [
        "script", "style", "head", "title", "noscript", "template", "svg", "math", "object", "iframe", "select",
        "textarea", "button", "img", "video", "audio", "canvas", "map", "xml",
    ]
    private static let paragraphs: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "pre", "dl", "blockquote", "ul", "ol", "figure", "address",
    ]
    private static let blocks: Set<String> = [
        "div", "tr", "dt", "dd", "section", "article", "header", "footer", "nav", "aside", "main", "center", "form",
        "fieldset", "legend", "details", "summary", "figcaption", "caption", "tbody", "thead", "tfoot", "body",
        "html",
    ]

    /// An explicit stack, as the sanitiser walks, so input depth never costs call stack.
    mutating func walk(from first: xmlNodePtr?) {
        var frames: [(next: xmlNodePtr?, closing: Closing)] = [(first, .none)]
        while let top = frames.indices.last {
            guard let node = frames[top].next else {
                close(frames.removeLast().closing)
                continue
            }
            frames[top].next = node.pointee.next
            switch node.pointee.type {
            case XML_TEXT_NODE:
                if let content = node.pointee.content { text(String(cString: content)) }
            case XML_ELEMENT_NODE:
                let name = node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
                if Self.dropped.contains(name) { continue }
                if let closing = open(name, node) { frames.append((node.pointee.children, closing)) }
            default:
                continue
            }
        }
        endLine()
    }

    /// Starts `name`; nil for an element that has no content to walk (`br`, `hr`).
    private mutating func open(_ name: String, _ node: xmlNodePtr) -> Closing? {
        switch name {
        case "br":
            breakLine()
            return nil
        case "hr":
            paragraphBreak()
            emit("________________________________")
            blankDue = true
            return nil
        case "li":
            endLine()
            let depth = max(1, lists.count)
            var marker = "- "
            if let last = lists.indices.last, lists[last].ordered {
                marker = "\(lists[last].next). "
                lists[last].next += 1
            }
            line = String(repeating: "  ", count: depth - 1) + marker
            return .block
        case "ul", "ol":
            if lists.isEmpty { paragraphBreak() } else { endLine() }
            lists.append((ordered: name == "ol", next: 1))
            return .list
        case "blockquote":
            paragraphBreak()
            quoteDepth += 1
            return .quote
        case "pre":
            paragraphBreak()
            preDepth += 1
            return .preformatted
        case "td", "th":
            if !line.isEmpty { spaceDue = true }
            return Closing.none
        case "a":
            openLinks += 1
            return .link(href: Self.attribute(node, "href") ?? "", textStart: linkText.count)
        default:
            if Self.paragraphs.contains(name) {
                paragraphBreak()
                return .paragraph
            }
            if Self.blocks.contains(name) {
                endLine()
                return .block
            }
            return Closing.none
        }
    }

    private mutating func close(_ closing: Closing) {
        switch closing {
        case .none:
            break
        case .block:
            endLine()
        case .paragraph:
            paragraphBreak()
        case .list:
            lists.removeLast()
            if lists.isEmpty { paragraphBreak() } else { endLine() }
        case .quote:
            paragraphBreak()
            quoteDepth -= 1
        case .preformatted:
            paragraphBreak()
            preDepth -= 1
        case .link(let href, let textStart):
            openLinks -= 1
            let shown = String(linkText.dropFirst(textStart)).trimmingSpaces
            if openLinks == 0 { linkText = "" }
            guard !shown.isEmpty, let address = Self.shownAddress(href),
                Self.comparable(address) != Self.comparable(shown)
            else { return }
            text(" (\(address))")
        }
    }

    private mutating func text(_ content: String) {
        if preDepth > 0 {
            var first = true
            for piece in content.split(separator: "\n", omittingEmptySubsequences: false) {
                if !first { breakLine() }
                first = false
                append(String(piece).replacingTabs)
            }
            return
        }
        var word = ""
        for scalar in content.unicodeScalars {
            switch scalar.value {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0C, 0xA0:
                if !word.isEmpty {
                    append(word)
                    word = ""
                }
                spaceDue = true
            case 0x200B, 0x200C, 0x200D, 0xFEFF, 0xAD, 0x00...0x1F, 0x7F:
                continue
            default:
                word.unicodeScalars.append(scalar)
            }
        }
        if !word.isEmpty { append(word) }
    }

    private mutating func append(_ piece: String) {
        guard !piece.isEmpty else { return }
        if spaceDue, !line.isEmpty, line.last != " " { line += " " }
        spaceDue = false
        line += piece
        if openLinks > 0 { linkText += (linkText.isEmpty ? "" : " ") + piece }
    }

    /// Ends the current line if it has text.
    private mutating func endLine() {
        spaceDue = false
        guard !line.trimmingSpaces.isEmpty else {
            line = ""
            return
        }
        emit(line)
        line = ""
    }

    /// `<br>`: ends the line even when it is empty (an empty line is a blank line).
    private mutating func breakLine() {
        spaceDue = false
        if line.trimmingSpaces.isEmpty {
            line = ""
            emit("")
        } else {
            emit(line)
            line = ""
        }
    }

    private mutating func paragraphBreak() {
        endLine()
        blankDue = true
    }

    private mutating func emit(_ text: String) {
        var content = text
        while content.last == " " { content.removeLast() }
        if content.isEmpty {
            // At most one blank line in a row, none at the start.
            guard let last = lines.last, !Self.isBlank(last) else { return }
            lines.append(Self.prefix(quoteDepth).trimmingSpaces)
            lastDepth = quoteDepth
            blankDue = false
            return
        }
        if blankDue, let last = lines.last, !Self.isBlank(last) {
            // Between a quote and what is outside it, the blank line belongs to the outer level.
            lines.append(Self.prefix(min(quoteDepth, lastDepth)).trimmingSpaces)
        }
        blankDue = false
        lines.append(Self.prefix(quoteDepth) + content)
        lastDepth = quoteDepth
    }

    private static func prefix(_ depth: Int) -> String { String(repeating: "> ", count: depth) }

    private static func isBlank(_ line: String) -> Bool { line.allSatisfy { $0 == ">" || $0 == " " } }

    mutating func finish() -> String {
        endLine()
        while let last = lines.last, Self.isBlank(last) { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    // MARK: - Links

    /// The address a link shows in brackets: web, mail and phone links only.
    private static func shownAddress(_ href: String) -> String? {
        let trimmed = href.trimmingSpaces
        let lower = trimmed.lowercased()
        guard
            lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:")
                || lower.hasPrefix("tel:")
        else { return nil }
        if lower.hasPrefix("mailto:") || lower.hasPrefix("tel:") {
            return String(trimmed.drop { $0 != ":" }.dropFirst())
        }
        return trimmed
    }

    /// An address or link text without scheme, `www.`, trailing slash and case, for comparing.
    private static func comparable(_ text: String) -> String {
        var value = Substring(text.lowercased())
        for prefix in ["https://", "http://", "mailto:", "tel:", "www."] where value.hasPrefix(prefix) {
            value = value.dropFirst(prefix.count)
        }
        while value.last == "/" { value = value.dropLast() }
        return String(value)
    }

    private static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        var attribute = node.pointee.properties
        while let current = attribute {
            attribute = current.pointee.next
            guard let raw = current.pointee.name, String(cString: raw).lowercased() == name else { continue }
            return Scrubber.value(of: current)
        }
        return nil
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }

    fileprivate var replacingTabs: String {
        String(self.map { $0 == "\t" ? " " : $0 }).replacingCR
    }

    private var replacingCR: String { String(self.filter { $0 != "\r" }) }
}

// Implementation-only for the reason given in LibXML2Workarounds.swift.
import CLibXML2
public import Domain

/// Reads sanitised markup into `RichBlock`s for the PDF (finding L7: the signed PDF shows what the
/// signing page showed, element by element). The input is the sanitiser's own output, so every
/// element is one `AllowList` knows, nested as it allows; the walk's depth is bounded by
/// `HTMLSanitizer.maximumNestingDepth`. Whitespace is collapsed as a browser collapses it.
public enum RichTextReader {
    public static func blocks(_ html: SanitizedHTML) -> [RichBlock] {
        guard !html.markup.isEmpty else { return [] }
        LibXML2Workarounds.parserInitialized
        let input = LibXML2Workarounds.parserInput(for: html.markup)
        let document = input.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                htmlReadMemory(chars.baseAddress, Int32(chars.count), nil, "UTF-8", LibXML2Workarounds.parseOptions)
            }
        }
        guard let document else { return [] }
        defer { xmlFreeDoc(document) }
        var reader = Reader()
        reader.children(of: document.pointee.children)
        reader.flush()
        return reader.blocks
    }
}

private struct Reader {
    var blocks: [RichBlock] = []
    var runs: [RichRun] = []
    var style = RichRun("")
    /// Open lists, innermost last: ordered ones count their items.
    var lists: [(ordered: Bool, next: Int)] = []
    /// The marker of the list item being read, until its first block is out.
    var itemMarker: String?
    var quoteDepth = 0
    var headingLevel: Int?
    var tableRows: [RichTableRow]?
    var row: RichTableRow?

    mutating func children(of first: xmlNodePtr?) {
        var node = first
        while let current = node {
            visit(current)
            node = current.pointee.next
        }
    }

    mutating func visit(_ node: xmlNodePtr) {
        switch node.pointee.type {
        case XML_TEXT_NODE:
            if let content = node.pointee.content { text(String(cString: content)) }
        case XML_ELEMENT_NODE:
            element(node)
        default:
            // The document's own wrapper nodes (html, body) come as elements; nothing else is left.
            break
        }
    }

    mutating func element(_ node: xmlNodePtr) {
        let name = node.pointee.name.map { String(cString: $0) } ?? ""
        let saved = style
        defer { style = saved }
        switch name {
        case "strong", "b": style.bold = true
        case "em", "i": style.italic = true
        case "u": style.underline = true
        case "s": style.strike = true
        case "a": style.link = attribute(node, "href")
        case "br":
            runs.append(style.with(text: "\n"))
            return
        case "img":
            let alt = attribute(node, "alt") ?? ""
            var image = style
            image.image = true
            runs.append(image.with(text: alt))
            return
        case "hr":
            flush()
            blocks.append(.rule)
            return
        case "p":
            flush()
            children(of: node.pointee.children)
            flush()
            return
        case "h2", "h3", "h4":
            flush()
            headingLevel = Int(String(name.dropFirst())) ?? 2
            children(of: node.pointee.children)
            flush()
            headingLevel = nil
            return
        case "ul", "ol":
            flush()
            lists.append((ordered: name == "ol", next: 1))
            children(of: node.pointee.children)
            flush()
            lists.removeLast()
            return
        case "li":
            flush()
            if let last = lists.indices.last {
                itemMarker = lists[last].ordered ? "\(lists[last].next)." : "•"
                lists[last].next += 1
            } else {
                itemMarker = "•"
            }
            children(of: node.pointee.children)
            flush()
            itemMarker = nil
            return
        case "blockquote":
            flush()
            quoteDepth += 1
            children(of: node.pointee.children)
            flush()
            quoteDepth -= 1
            return
        case "table":
            flush()
            tableRows = []
            children(of: node.pointee.children)
            if let rows = tableRows, !rows.isEmpty { blocks.append(.table(rows)) }
            tableRows = nil
            return
        case "tr":
            row = RichTableRow(cells: [])
            children(of: node.pointee.children)
            if let row, !row.cells.isEmpty { tableRows?.append(row) }
            row = nil
            return
        case "td", "th":
            runs = []
            children(of: node.pointee.children)
            row?.cells.append(Self.normalized(runs))
            if name == "th" { row?.header = true }
            runs = []
            return
        default:
            // html, body, thead, tbody: their children are the content.
            break
        }
        children(of: node.pointee.children)
    }

    mutating func text(_ text: String) {
        // Whitespace collapses to one space, as in a browser (line breaks come from `br` only).
        var collapsed = ""
        var lastWasSpace = false
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" {
                if !lastWasSpace { collapsed.unicodeScalars.append(" ") }
                lastWasSpace = true
            } else {
                collapsed.unicodeScalars.append(scalar)
                lastWasSpace = false
            }
        }
        guard !collapsed.isEmpty else { return }
        runs.append(style.with(text: collapsed))
    }

    /// Ends the block being read, as the kind the context says.
    mutating func flush() {
        guard row == nil else { return }  // inside a table cell the cell collects
        let content = Self.normalized(runs)
        runs = []
        guard !content.isEmpty else { return }
        if let level = headingLevel {
            blocks.append(.heading(content, level: level))
        } else if let marker = itemMarker {
            blocks.append(.listItem(content, marker: marker, depth: max(1, lists.count)))
            itemMarker = ""
        } else if quoteDepth > 0 {
            blocks.append(.quote(content))
        } else {
            blocks.append(.paragraph(content))
        }
    }

    /// Neighbouring runs of one style merged, spaces at the block's ends and around line breaks
    /// dropped, double spaces between runs made single; empty when there is no text (an image
    /// with empty alternative text still counts, as the page shows it).
    static func normalized(_ runs: [RichRun]) -> [RichRun] {
        var merged: [RichRun] = []
        for run in runs {
            var text = run.text
            let previousEndsBlank = merged.last.map { $0.text.hasSuffix(" ") || $0.text == "\n" } ?? true
            if previousEndsBlank, text.hasPrefix(" ") { text.removeFirst() }
            if text == "\n", var last = merged.last, last.text.hasSuffix(" ") {
                last.text.removeLast()
                merged[merged.count - 1] = last
            }
            guard !text.isEmpty || run.image else { continue }
            if let last = merged.last, last.sameStyle(as: run), text != "\n", last.text != "\n", !run.image {
                merged[merged.count - 1].text += text
            } else {
                merged.append(run.with(text: text))
            }
        }
        while let last = merged.last, last.text == "\n" || (last.text.hasSuffix(" ") && !last.image) {
            if last.text == "\n" {
                merged.removeLast()
            } else {
                merged[merged.count - 1].text.removeLast()
                if merged[merged.count - 1].text.isEmpty { merged.removeLast() }
            }
        }
        return merged
    }

    func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        var attribute = node.pointee.properties
        while let current = attribute {
            attribute = current.pointee.next
            guard let raw = current.pointee.name, String(cString: raw) == name else { continue }
            return Scrubber.value(of: current)
        }
        return nil
    }
}

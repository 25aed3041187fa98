// Implementation-only for the reason given in LibXML2Workarounds.swift.
import CLibXML2

/// The walk: parses with libxml2, then copies what `AllowList` allows into fresh markup.
///
/// Each element is kept (written with its checked attributes), unwrapped (tags skipped, children
/// walked) or dropped with everything inside it. Text is escaped; comments, CDATA, processing
/// instructions and every other node type are dropped. The walk uses an explicit stack, so the
/// depth of the input costs heap memory, never call stack.
struct Scrubber {
    private var writer: HTMLWriter
    /// The kept elements currently open in the output, innermost last.
    private var open: [AllowList.Element] = []
    /// How many of `open` are links (a link inside a link is unwrapped).
    private var openLinks = 0

    private init(capacity: Int) {
        writer = HTMLWriter(capacity: capacity)
    }

    /// Sanitised markup for `html`.
    static func scrub(_ html: String) throws(SanitizerError) -> String {
        LibXML2Workarounds.parserInitialized
        let input = LibXML2Workarounds.parserInput(for: html)
        let document = input.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                htmlReadMemory(chars.baseAddress, Int32(chars.count), nil, "UTF-8", LibXML2Workarounds.parseOptions)
            }
        }
        guard let document else { throw .parserFailed }
        defer { xmlFreeDoc(document) }

        var scrubber = Scrubber(capacity: html.utf8.count + html.utf8.count / 4)
        // The whole document, not just <body>: libxml2 may put content beside it.
        scrubber.walk(from: document.pointee.children)
        return String(decoding: scrubber.writer.bytes, as: UTF8.self)
    }

    /// One level of the walk: the next sibling to visit, and the kept element to close when the
    /// siblings run out (nil for an unwrapped element).
    private struct Frame {
        var next: xmlNodePtr?
        let opened: AllowList.Element?
    }

    private enum Decision {
        case keep(AllowList.Element, attributes: [HTMLWriter.Attribute])
        case unwrap
        case drop
    }

    private mutating func walk(from first: xmlNodePtr?) {
        var frames = [Frame(next: first, opened: nil)]
        while let top = frames.indices.last {
            guard let node = frames[top].next else {
                if let element = frames.removeLast().opened { close(element) }
                continue
            }
            frames[top].next = node.pointee.next

            switch node.pointee.type {
            case XML_TEXT_NODE:
                if let content = node.pointee.content { writer.text(String(cString: content)) }
            case XML_ELEMENT_NODE:
                switch decision(for: node) {
                case .drop:
                    break
                case .unwrap:
                    frames.append(Frame(next: node.pointee.children, opened: nil))
                case .keep(let element, let attributes):
                    writer.startTag(element, attributes: attributes)
                    // Void elements have no children in libxml2's tree (it knows br, hr, img).
                    if !element.isVoid {
                        open.append(element)
                        if element == .a { openLinks += 1 }
                        frames.append(Frame(next: node.pointee.children, opened: element))
                    }
                }
            default:
                // Comments, CDATA (script/style bodies), processing instructions, DTD nodes.
                break
            }
        }
    }

    private mutating func close(_ element: AllowList.Element) {
        writer.endTag(element)
        open.removeLast()
        if element == .a { openLinks -= 1 }
    }

    private func decision(for node: xmlNodePtr) -> Decision {
        guard let rawName = node.pointee.name else { return .drop }
        // libxml2 lower-cases HTML element names and removes any namespace prefix.
        let name = String(cString: rawName)
        if AllowList.droppedWithContent.contains(name) { return .drop }
        guard let element = AllowList.Element(rawValue: name) else { return .unwrap }

        let parentContent = open.last?.content ?? .flow
        let fits =
            parentContent.allows(element)
            && !(element == .a && openLinks > 0)
            && (element.isVoid || open.count < HTMLSanitizer.maximumNestingDepth)
        // A misplaced element still contributes its text; a misplaced void element has none.
        guard fits else { return element.isVoid ? .drop : .unwrap }

        let attributes = acceptedAttributes(of: node, for: element)
        // An image without a usable source shows nothing (and alt text alone is no image).
        if element == .img, !attributes.contains(where: { $0.name == "src" }) { return .drop }
        return .keep(element, attributes: attributes)
    }

    /// The element's allowed attributes whose values pass their rules, in `AllowList` order, plus
    /// the fixed `rel` on links. Everything else (`on*`, `style`, `class`, `rel`, `target`...) goes.
    private func acceptedAttributes(of node: xmlNodePtr, for element: AllowList.Element) -> [HTMLWriter.Attribute] {
        let rules = element.attributes
        var values: [String: String] = [:]
        var attribute = node.pointee.properties
        while let current = attribute {
            attribute = current.pointee.next
            guard let rawName = current.pointee.name else { continue }
            let name = String(cString: rawName)
            // libxml2 keeps only the first of duplicate attributes, as browsers do; so do we.
            if values[name] == nil, rules.contains(where: { $0.name == name }) {
                values[name] = Self.value(of: current)
            }
        }
        var accepted: [HTMLWriter.Attribute] = []
        for (name, rule) in rules {
            if let raw = values[name], let value = rule.accept(raw) { accepted.append((name, value)) }
        }
        if element == .a { accepted.append(("rel", AllowList.linkRel)) }
        return accepted
    }

    /// An attribute's value, entities already decoded by libxml2. It is held as text children
    /// (normally one); a valueless attribute (`<td colspan>`) has none and reads as "".
    static func value(of attribute: xmlAttrPtr) -> String {
        var value = ""
        var child = attribute.pointee.children
        while let current = child {
            if let content = current.pointee.content { value += String(cString: content) }
            child = current.pointee.next
        }
        return value
    }
}

public import Sanitizer

/// A piece of HTML as a value. Text is escaped when rendered; tag and attribute names are
/// `StaticString`s, so they can only come from code, never from data; the only raw markup is a
/// `SanitizedHTML`, which only the sanitiser makes.
public struct Node: Sendable {
    enum Kind: Sendable {
        case element(name: StaticString, attributes: [Attribute], children: [Node])
        case void(name: StaticString, attributes: [Attribute])
        case text(String)
        case sanitized(SanitizedHTML)
        case fragment([Node])
        /// Markup written in this module's source, such as the doctype. Never built from data.
        case literal(StaticString)
        /// Nodes rendered earlier (`RenderedHTML`), inserted as they are.
        case rendered(RenderedHTML)
    }

    let kind: Kind

    init(_ kind: Kind) { self.kind = kind }

    /// Escaped text.
    public static func text(_ string: String) -> Node { Node(.text(string)) }

    /// Sanitised rich text, inserted as it is.
    public static func sanitized(_ html: SanitizedHTML) -> Node { Node(.sanitized(html)) }

    public static func fragment(_ nodes: [Node]) -> Node { Node(.fragment(nodes)) }

    static func literal(_ markup: StaticString) -> Node { Node(.literal(markup)) }

    /// A fragment rendered earlier, inserted as it is.
    public static func rendered(_ html: RenderedHTML) -> Node { Node(.rendered(html)) }

    /// Renders to UTF-8 bytes.
    public func render(into buffer: inout [UInt8]) {
        switch kind {
        case .text(let string):
            HTMLEscape.append(string, to: &buffer)
        case .element(let name, let attributes, let children):
            openTag(name, attributes, into: &buffer)
            for child in children { child.render(into: &buffer) }
            buffer.append(contentsOf: [UInt8(ascii: "<"), UInt8(ascii: "/")])
            append(name, to: &buffer)
            buffer.append(UInt8(ascii: ">"))
        case .void(let name, let attributes):
            openTag(name, attributes, into: &buffer)
        case .sanitized(let html):
            buffer.append(contentsOf: html.markup.utf8)
        case .fragment(let nodes):
            for node in nodes { node.render(into: &buffer) }
        case .literal(let markup):
            append(markup, to: &buffer)
        case .rendered(let html):
            buffer.append(contentsOf: html.bytes)
        }
    }

    /// The rendered bytes.
    public func rendered() -> [UInt8] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(8192)
        render(into: &buffer)
        return buffer
    }

    /// This node rendered once, to be inserted into later pages as it is (`Node.rendered`).
    public func renderedFragment() -> RenderedHTML {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(4096)
        render(into: &buffer)
        return RenderedHTML(bytes: buffer)
    }

    private func openTag(_ name: StaticString, _ attributes: [Attribute], into buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "<"))
        append(name, to: &buffer)
        for attribute in attributes { attribute.render(into: &buffer) }
        buffer.append(UInt8(ascii: ">"))
    }
}

/// Markup this module rendered from nodes, kept to be inserted again: for parts of a page that
/// are the same on every request (a frozen agreement, say), so they are escaped and built once.
/// Only `Node.renderedFragment()` makes one, so it holds nothing but escaped, well-formed output.
public struct RenderedHTML: Sendable {
    let bytes: [UInt8]

    /// Its size in bytes, for caches that bound their memory.
    public var byteCount: Int { bytes.count }
}

@inline(__always)
func append(_ string: StaticString, to buffer: inout [UInt8]) {
    string.withUTF8Buffer { buffer.append(contentsOf: $0) }
}

/// SVG elements for the charts, written like the HTML ones: names are literals, every value is
/// escaped. Elements are never self-closing (`<rect …></rect>`), which both HTML's foreign
/// content and an XML parser read the same way.
enum SVG {
    static func svg(_ a: [Attribute], @NodeBuilder _ c: () -> [Node]) -> Node { element("svg", a, c) }
    static func g(_ a: Attribute..., @NodeBuilder content c: () -> [Node]) -> Node { element("g", a, c) }
    static func defs(@NodeBuilder _ c: () -> [Node]) -> Node { element("defs", [], c) }
    static func title(_ a: Attribute..., text: String) -> Node { element("title", a) { text } }
    static func desc(_ a: Attribute..., text: String) -> Node { element("desc", a) { text } }
    static func rect(_ a: Attribute..., @NodeBuilder content c: () -> [Node] = { [] }) -> Node {
        element("rect", a, c)
    }
    static func line(_ a: Attribute...) -> Node { element("line", a) {} }
    static func path(_ a: Attribute..., @NodeBuilder content c: () -> [Node] = { [] }) -> Node {
        element("path", a, c)
    }
    static func circle(_ a: Attribute..., @NodeBuilder content c: () -> [Node] = { [] }) -> Node {
        element("circle", a, c)
    }
    static func polyline(_ a: Attribute...) -> Node { element("polyline", a) {} }
    static func pattern(_ a: Attribute..., @NodeBuilder content c: () -> [Node]) -> Node { element("pattern", a, c) }
    static func text(_ a: Attribute..., content: String) -> Node { element("text", a) { content } }

    /// A coordinate with at most one decimal (`12`, `12.5`), enough for a 720-unit view box.
    static func n(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = tenths.magnitude
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }
}

extension Attribute {
    /// A number-valued presentation attribute (`x`, `width`, …).
    static func num(_ name: StaticString, _ value: Double) -> Attribute { .attr(name, SVG.n(value)) }
}

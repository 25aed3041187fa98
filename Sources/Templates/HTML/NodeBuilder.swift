/// Builds children for elements: `div(.class("card")) { h2 { title }; p { text } }`.
/// Strings become escaped text; `if`, `switch` and `for` work as in any result builder.
///
/// Inside a block every part is one `Node` (several become a fragment), so a block of k children
/// costs one array, not one per child plus the joins; `buildFinalResult` hands the element its
/// children as an array.
@resultBuilder
public enum NodeBuilder {
    public static func buildBlock(_ parts: Node...) -> Node { parts.count == 1 ? parts[0] : .fragment(parts) }
    public static func buildExpression(_ node: Node) -> Node { node }
    public static func buildExpression(_ nodes: [Node]) -> Node { .fragment(nodes) }
    public static func buildExpression(_ text: String) -> Node { .text(text) }
    public static func buildOptional(_ node: Node?) -> Node { node ?? .fragment([]) }
    public static func buildEither(first node: Node) -> Node { node }
    public static func buildEither(second node: Node) -> Node { node }
    public static func buildArray(_ nodes: [Node]) -> Node { .fragment(nodes) }
    public static func buildLimitedAvailability(_ node: Node) -> Node { node }
    public static func buildFinalResult(_ node: Node) -> [Node] { node.asChildren }
}

extension Node {
    /// The node as a list of children: a fragment's own list, or just the node.
    var asChildren: [Node] {
        if case .fragment(let nodes) = kind { return nodes }
        return [self]
    }
}

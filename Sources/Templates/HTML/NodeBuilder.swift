/// Builds children for elements: `div(.class("card")) { h2 { title }; p { text } }`.
/// Strings become escaped text; `if`, `switch` and `for` work as in any result builder.
@resultBuilder
public enum NodeBuilder {
    public static func buildBlock(_ parts: [Node]...) -> [Node] { parts.flatMap { $0 } }
    public static func buildExpression(_ node: Node) -> [Node] { [node] }
    public static func buildExpression(_ nodes: [Node]) -> [Node] { nodes }
    public static func buildExpression(_ text: String) -> [Node] { [.text(text)] }
    public static func buildOptional(_ nodes: [Node]?) -> [Node] { nodes ?? [] }
    public static func buildEither(first nodes: [Node]) -> [Node] { nodes }
    public static func buildEither(second nodes: [Node]) -> [Node] { nodes }
    public static func buildArray(_ groups: [[Node]]) -> [Node] { groups.flatMap { $0 } }
    public static func buildLimitedAvailability(_ nodes: [Node]) -> [Node] { nodes }
}

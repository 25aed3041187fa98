// The element vocabulary of the pages. Each is a thin call to `element` or `void`; add one
// here when a page needs it, rather than passing tag names around.

func element(_ name: StaticString, _ attributes: [Attribute], @NodeBuilder _ content: () -> [Node]) -> Node {
    Node(.element(name: name, attributes: attributes, children: content()))
}

func void(_ name: StaticString, _ attributes: [Attribute]) -> Node {
    Node(.void(name: name, attributes: attributes))
}

func html(_ a: Attribute..., @NodeBuilder content c: () -> [Node]) -> Node { element("html", a, c) }
func head(@NodeBuilder content c: () -> [Node]) -> Node { element("head", [], c) }
func body(_ a: Attribute..., @NodeBuilder content c: () -> [Node]) -> Node { element("body", a, c) }
func title(_ text: String) -> Node { element("title", []) { text } }
func meta(_ a: Attribute...) -> Node { void("meta", a) }
func link(_ a: Attribute...) -> Node { void("link", a) }
func script(_ a: Attribute...) -> Node { element("script", a) {} }
func header(_ a: Attribute..., @NodeBuilder content c: () -> [Node]) -> Node { element("header", a, c) }
func footer(_ a: Attribute..., @NodeBuilder content c: () -> [Node]) -> Node { element("footer", a, c) }
func main(_ a: Attribute..., @NodeBuilder content c: () -> [Node]) -> Node { element("main", a, c) }
func nav(_ a: Attribute..., @NodeBuilder content c: () -> [Node]) -> Node { element("nav", a, c) }
func section(_ a: Attribute..., @NodeBuilder content c: () -> [Node]) -> Node { element("section", a, c) }
func div(_ a: Attribute..., @NodeBuilder content c: () -> [Node]) -> Node { element("div", a, c) }
func span(_ a: Attribute..., @NodeBuilder content c: () -> [Node]) -> Node { element("span", a, c) }
func h1(_ a: Attribute..., @NodeBuilder content c: () -> [Node]) -> Node { element("h1", a, c) }
func h2(_ a: Attribute..., @NodeBuilder content c: () -> [Node]) -> Node { element("h2", a, c) }
func h3(_ a: Attribute..., @NodeBuilder content c: () -> [Node]) -> Node { element("h3", a, c) }
func p(_ a: Attribute..., @NodeBuilder content c: () -> [Node]) -> Node { element("p", a, c) }
func a(_ a: Attribute..., @NodeBuilder content c: () -> [Node]) -> Node { element("a", a, c) }
func ul(_ a: Attribute..., @NodeBuilder content c: () -> [Node]) -> Node { element("ul", a, c) }
func ol(_ a: Attribute..., @NodeBuilder content c: () -> [Node]) -> Node { element("ol", a, c) }
func li(_ a: Attribute..., @NodeBuilder content c: () -> [Node]) -> Node { element("li", a, c) }
func strong(_ a: Attribute..., @NodeBuilder content c: () -> [Node]) -> Node { element("strong", a, c) }
func small(_ a: Attribute..., @NodeBuilder content c: () -> [Node]) -> Node { element("small", a, c) }
func code(_ a: Attribute..., @NodeBuilder content c: () -> [Node]) -> Node { element("code", a, c) }
func form(_ a: Attribute..., @NodeBuilder content c: () -> [Node]) -> Node { element("form", a, c) }
func label(_ a: Attribute..., @NodeBuilder content c: () -> [Node]) -> Node { element("label", a, c) }
func button(_ a: Attribute..., @NodeBuilder content c: () -> [Node]) -> Node { element("button", a, c) }
func input(_ a: Attribute...) -> Node { void("input", a) }
func br() -> Node { void("br", []) }
func dl(_ a: Attribute..., @NodeBuilder content c: () -> [Node]) -> Node { element("dl", a, c) }
func dt(_ a: Attribute..., @NodeBuilder content c: () -> [Node]) -> Node { element("dt", a, c) }
func dd(_ a: Attribute..., @NodeBuilder content c: () -> [Node]) -> Node { element("dd", a, c) }
func fieldset(_ a: Attribute..., @NodeBuilder content c: () -> [Node]) -> Node { element("fieldset", a, c) }
func legend(_ a: Attribute..., @NodeBuilder content c: () -> [Node]) -> Node { element("legend", a, c) }
func select(_ a: Attribute..., @NodeBuilder content c: () -> [Node]) -> Node { element("select", a, c) }
func select(_ a: [Attribute], @NodeBuilder content c: () -> [Node]) -> Node { element("select", a, c) }
func option(_ a: Attribute..., @NodeBuilder content c: () -> [Node]) -> Node { element("option", a, c) }
/// `<option value="…">`, marked `selected` when it is the current choice.
func option(value: String, selected: Bool, @NodeBuilder content c: () -> [Node]) -> Node {
    element("option", [.attr("value", value)] + (selected ? [.flag("selected")] : []), c)
}

// Tables. Rows and cells also take a computed attribute list, for classes that depend on the data.
func table(_ a: Attribute..., @NodeBuilder content c: () -> [Node]) -> Node { element("table", a, c) }
func thead(_ a: Attribute..., @NodeBuilder content c: () -> [Node]) -> Node { element("thead", a, c) }
func tbody(_ a: Attribute..., @NodeBuilder content c: () -> [Node]) -> Node { element("tbody", a, c) }
func tfoot(_ a: Attribute..., @NodeBuilder content c: () -> [Node]) -> Node { element("tfoot", a, c) }
func tr(_ a: Attribute..., @NodeBuilder content c: () -> [Node]) -> Node { element("tr", a, c) }
func tr(_ a: [Attribute], @NodeBuilder content c: () -> [Node]) -> Node { element("tr", a, c) }
func th(_ a: Attribute..., @NodeBuilder content c: () -> [Node]) -> Node { element("th", a, c) }
func th(_ a: [Attribute], @NodeBuilder content c: () -> [Node]) -> Node { element("th", a, c) }
func td(_ a: Attribute..., @NodeBuilder content c: () -> [Node]) -> Node { element("td", a, c) }
func td(_ a: [Attribute], @NodeBuilder content c: () -> [Node]) -> Node { element("td", a, c) }

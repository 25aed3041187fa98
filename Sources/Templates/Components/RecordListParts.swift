import Routing

/// Pieces the customers, products and add-ons lists share: the search bar and the pager.
enum RecordListParts {
    /// A GET form to `route` with a search box `q` and a "show hidden ones too" checkbox (`flag=1`).
    static func filters(
        _ route: Route, search: String, searchLabel: String, flag: String, flagLabel: String, flagOn: Bool,
        _ s: Strings,
        extra: Node = .fragment([])
    ) -> Node {
        form(.class("filters"), .attr("method", "get"), .action(SafeURL(route)), .attr("role", "search")) {
            div(.class("field")) {
                label(.attr("for", "f-q")) { searchLabel }
                input(
                    .attr("type", "search"), .id("f-q"), .attr("name", "q"), .attr("value", search),
                    .attr("maxlength", "100"))
            }
            div(.class("field checkbox")) {
                void(
                    "input",
                    [.attr("type", "checkbox"), .id("f-\(flag)"), .attr("name", flag), .attr("value", "1")]
                        + (flagOn ? [.flag("checked")] : []))
                label(.attr("for", "f-\(flag)")) { flagLabel }
            }
            extra
            div(.class("field")) {
                button(.class("button secondary"), .attr("type", "submit")) { s.search }
            }
        }
    }

    /// "Next page" (when there is one) and "First page" (when not on it).
    static func pager(next: Route?, first: Route?, _ s: Strings) -> Node {
        guard next != nil || first != nil else { return .fragment([]) }
        return nav(.class("pager"), .attr("aria-label", s.recordPagerLabel)) {
            if let first { a(.href(SafeURL(first))) { s.firstPage } }
            if let next { a(.href(SafeURL(next)), .attr("rel", "next")) { s.nextPage } }
        }
    }

    /// A table header cell; `number` right-aligns it.
    static func th(_ text: String, number: Bool = false) -> Node {
        DataTable.column(text, numeric: number)
    }

    static func td(number: Bool = false, @NodeBuilder _ content: () -> [Node]) -> Node {
        element("td", number ? [.class("number")] : [], content)
    }

    /// `<div class="page-head"><h1>…</h1><div class="actions">…</div></div>`.
    static func head(_ title: String, badges: [Node] = [], @NodeBuilder actions: () -> [Node]) -> Node {
        div(.class("page-head")) {
            h1 {
                title
                for badge in badges {
                    " "
                    badge
                }
            }
            div(.class("actions")) { actions() }
        }
    }
}

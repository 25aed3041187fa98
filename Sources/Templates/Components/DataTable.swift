/// A list of records as a table that scrolls sideways on narrow screens:
/// `<div class="table-scroll"><table …><thead><tr>…</tr></thead><tbody>…</tbody></table></div>`.
/// The header cells and the rows are the page's; the frame is the same everywhere.
enum DataTable {
    static func render(
        _ attributes: Attribute..., @NodeBuilder header: () -> [Node], @NodeBuilder rows: () -> [Node]
    ) -> Node {
        div(.class("table-scroll")) {
            element("table", attributes) {
                thead {
                    tr { header() }
                }
                tbody { rows() }
            }
        }
    }

    /// A column heading (`<th scope="col">`); `numeric` right-aligns it like its cells.
    static func column(_ title: String, numeric: Bool = false) -> Node {
        th(numeric ? [.class("number"), .attr("scope", "col")] : [.attr("scope", "col")]) { title }
    }
}

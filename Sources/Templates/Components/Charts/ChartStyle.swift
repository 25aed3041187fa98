/// How series look: colours of clearly different lightness (they stay apart printed in greyscale)
/// and, from the second series on, a pattern over the colour (stripes, dots, lines, a grid), so
/// the series stay apart without colour at all; lines get a dash and a marker shape of their own.
enum ChartStyle {
    /// Dark, mid, light, … in turn, so neighbours differ in lightness as well as hue.
    static let colours = ["#1f5f4a", "#d9a23b", "#7aa7c7", "#5c2d50", "#a8d5ba", "#8c5a2b", "#c9c9c9", "#2b3a67"]
    static let dashes = ["", "7 4", "2 3", "9 3 2 3"]

    static func colour(_ index: Int) -> String { colours[index % colours.count] }

    /// The fill of series `index`: its colour, or its pattern (defined by ``definitions(id:count:)``).
    static func fill(_ index: Int, id: String) -> String { index == 0 ? colour(0) : "url(#\(id)-p\(index))" }

    /// One pattern per series after the first: the series' colour under white marks.
    static func definitions(id: String, count: Int) -> Node {
        SVG.defs {
            for index in 1..<max(1, count) {
                SVG.pattern(
                    .id("\(id)-p\(index)"), .attr("patternUnits", "userSpaceOnUse"), .attr("width", "8"),
                    .attr("height", "8")
                ) {
                    SVG.rect(.attr("width", "8"), .attr("height", "8"), .attr("fill", colour(index)))
                    marks(index)
                }
            }
        }
    }

    private static func marks(_ index: Int) -> Node {
        let white: [Attribute] = [.attr("stroke", "#ffffff"), .attr("stroke-width", "1.6"), .attr("fill", "none")]
        switch index % 4 {
        case 1: return element("path", [.attr("d", "M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4")] + white) {}
        case 2: return SVG.circle(.attr("cx", "4"), .attr("cy", "4"), .attr("r", "1.6"), .attr("fill", "#ffffff"))
        case 3: return element("path", [.attr("d", "M0,2 h8 M0,6 h8")] + white) {}
        default: return element("path", [.attr("d", "M4,0 v8 M0,4 h8")] + white) {}
        }
    }

    /// A marker of its own shape per series, centred on a point: circle, square, triangle, diamond.
    static func marker(_ index: Int, x: Double, y: Double, tooltip: String) -> Node {
        let colour = colour(index)
        let common: [Attribute] = [.attr("fill", colour), .attr("stroke", "#ffffff"), .attr("stroke-width", "1")]
        let tip = SVG.title(text: tooltip)
        switch index % 4 {
        case 0: return element("circle", [.num("cx", x), .num("cy", y), .attr("r", "4")] + common) { tip }
        case 1:
            return element(
                "rect", [.num("x", x - 4), .num("y", y - 4), .attr("width", "8"), .attr("height", "8")] + common
            ) { tip }
        case 2:
            return element("path", [.attr("d", "M\(SVG.n(x)),\(SVG.n(y - 5)) l5,9 h-10 z")] + common) { tip }
        default:
            return element("path", [.attr("d", "M\(SVG.n(x)),\(SVG.n(y - 5)) l5,5 l-5,5 l-5,-5 z")] + common) { tip }
        }
    }
}

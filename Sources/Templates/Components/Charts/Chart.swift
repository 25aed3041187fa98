public import Domain

/// A chart to draw: what it shows (``ChartData``), how (bars, stacked or side by side, or lines),
/// and the words that make it accessible. Drawn as inline SVG by ``ChartView`` with its data
/// table behind a `<details>` toggle, so it works without JavaScript, prints, and reads aloud.
public struct Chart: Sendable {
    public enum Kind: Sendable, Hashable {
        /// One bar per label; several series stacked on each other (negative parts below zero).
        case stackedBars
        /// One bar per label and series, side by side.
        case groupedBars
        /// One line per series through its values.
        case lines
    }

    public var kind: Kind
    public var data: ChartData
    /// Unique on the page: the SVG's ids (title, description, patterns) start with it.
    public var id: String
    /// The chart's `<title>` and the data table's caption.
    public var title: String
    /// The chart's `<desc>`: what it shows in a sentence, with the figures that matter.
    public var summary: String

    public init(kind: Kind, data: ChartData, id: String, title: String, summary: String) {
        self.kind = kind
        self.data = data
        self.id = id
        self.title = title
        self.summary = summary
    }
}

/// Draws a ``Chart``: pure functions from values to escaped markup, no I/O.
enum ChartView {
    static let width = 720.0
    static let height = 360.0
    static let left = 92.0
    static let right = 16.0
    static let characterWidth = 6.6

    /// The chart in a `<figure>`, followed by its data table behind "Show the figures"; for data
    /// with nothing in it, a sentence saying so instead of an empty frame.
    static func figure(_ chart: Chart, _ s: Strings) -> Node {
        element("figure", [.class("chart"), .id(chart.id)]) {
            if chart.data.isEmpty {
                p(.class("chart-empty"), .attr("role", "status")) { s.charts.noData(chart.title) }
            } else {
                svg(chart, s.language)
                element("details", [.class("chart-data")]) {
                    element("summary", []) { s.charts.showTable }
                    table(chart, s)
                }
            }
        }
    }

    /// The data table: a row per label, a column per series (and the total for stacked bars).
    static func table(_ chart: Chart, _ s: Strings) -> Node {
        let data = chart.data
        let showTotal = chart.kind == .stackedBars && data.series.count > 1
        let totals = data.totals
        return div(.class("table-scroll")) {
            element("table", [.class("list")]) {
                element("caption", []) { chart.title }
                thead {
                    tr {
                        th(.attr("scope", "col")) { "" }
                        for series in data.series { th(.attr("scope", "col"), .class("num")) { series.name } }
                        if showTotal { th(.attr("scope", "col"), .class("num")) { s.charts.total } }
                    }
                }
                tbody {
                    for (index, label) in data.labels.enumerated() {
                        tr {
                            th(.attr("scope", "row")) { label }
                            for series in data.series {
                                td(.class("num")) { data.unit.format(series.values[index], s.language) }
                            }
                            if showTotal { td(.class("num")) { data.unit.format(totals[index], s.language) } }
                        }
                    }
                }
            }
        }
    }

    /// The SVG: title and description first (what a screen reader announces), the legend, the
    /// value axis with round ticks, the labels, then the marks, each with a tooltip `<title>`.
    static func svg(_ chart: Chart, _ language: Language) -> Node {
        let data = chart.data
        let stacked = chart.kind == .stackedBars
        let extent = data.extent(stacked: stacked)
        let scale = AxisScale(minimum: extent.min, maximum: extent.max, minimumStep: data.unit.minimumStep)
        let legend = legendLayout(data.series.map(\.name))
        let top = 14.0 + (data.series.count > 1 ? Double(legend.rows) * 22 + 6 : 0)
        let labels = data.labels.map { truncated($0, 18) }
        let band = (width - left - right) / Double(max(1, labels.count))
        let widest = Double(labels.map(\.count).max() ?? 0) * characterWidth
        let rotate = widest > band - 6
        let bottom = height - (rotate ? min(110, 24 + widest * 0.65) : 30)
        let y: (Int64) -> Double = { bottom - scale.fraction($0) * (bottom - top) }
        return SVG.svg(
            [
                .attr("xmlns", "http://www.w3.org/2000/svg"), .attr("viewBox", "0 0 720 360"), .attr("role", "img"),
                .attr("aria-labelledby", "\(chart.id)-title \(chart.id)-desc"), .class("chart-svg"),
                .attr("font-size", "12"), .attr("font-family", "system-ui, sans-serif"),
            ]
        ) {
            SVG.title(.id("\(chart.id)-title"), text: chart.title)
            SVG.desc(.id("\(chart.id)-desc"), text: chart.summary)
            if chart.kind != .lines { ChartStyle.definitions(id: chart.id, count: data.series.count) }
            // The value axis: a grid line and a label per tick; zero darker.
            SVG.g(.class("axis y"), .attr("aria-hidden", "true")) {
                for tick in scale.ticks {
                    SVG.line(
                        .num("x1", left), .num("x2", width - right), .num("y1", y(tick)), .num("y2", y(tick)),
                        .attr("stroke", tick == 0 ? "#50595f" : "#d5dbd8"), .attr("stroke-width", "1"))
                    SVG.text(
                        .num("x", left - 8), .num("y", y(tick)), .attr("dy", "0.32em"), .attr("text-anchor", "end"),
                        .attr("fill", "#1d2327"),
                        content: data.unit.format(tick, language, wholeKronor: true))
                }
            }
            // The category axis.
            SVG.g(.class("axis x"), .attr("aria-hidden", "true")) {
                for (index, label) in labels.enumerated() {
                    let x = left + band * (Double(index) + 0.5)
                    if rotate {
                        SVG.text(
                            .num("x", x), .num("y", bottom + 14), .attr("text-anchor", "end"), .attr("fill", "#1d2327"),
                            .attr("transform", "rotate(-40 \(SVG.n(x)) \(SVG.n(bottom + 14)))"), content: label)
                    } else {
                        SVG.text(
                            .num("x", x), .num("y", bottom + 18), .attr("text-anchor", "middle"),
                            .attr("fill", "#1d2327"), content: label)
                    }
                }
            }
            switch chart.kind {
            case .stackedBars, .groupedBars: bars(chart, band: band, y: y, language)
            case .lines: lines(chart, band: band, y: y, language)
            }
            if data.series.count > 1 { legendNode(chart, legend) }
        }
    }

    static func tooltip(_ chart: Chart, series: Int, label: Int, _ language: Language) -> String {
        let data = chart.data
        let name = data.series.count > 1 ? "\(data.series[series].name) · " : ""
        return "\(name)\(data.labels[label]): \(data.unit.format(data.series[series].values[label], language))"
    }

    static func bars(_ chart: Chart, band: Double, y: (Int64) -> Double, _ language: Language) -> Node {
        let data = chart.data
        let count = Double(max(1, data.series.count))
        var marks: [Node] = []
        for label in data.labels.indices {
            let start = left + band * Double(label)
            // Stacked: positive parts go up from zero, negative ones down, each on the last.
            var up: Int64 = 0
            var down: Int64 = 0
            for (index, series) in data.series.enumerated() where series.values[label] != 0 {
                let value = series.values[label]
                var from: Int64 = 0
                var x = start + band * 0.1 + band * 0.8 / count * Double(index)
                var barWidth = band * 0.8 / count
                if chart.kind == .stackedBars {
                    from = value >= 0 ? up : down
                    if value >= 0 { up &+= value } else { down &+= value }
                    x = start + band * 0.18
                    barWidth = band * 0.64
                }
                let to = from &+ value
                marks.append(
                    SVG.rect(
                        .num("x", x), .num("y", min(y(from), y(to))), .num("width", max(1, barWidth - 1)),
                        .num("height", max(1, abs(y(from) - y(to)))),
                        .attr("fill", ChartStyle.fill(index, id: chart.id)), .attr("stroke", "#1d2327"),
                        .attr("stroke-width", "0.5")
                    ) {
                        SVG.title(text: tooltip(chart, series: index, label: label, language))
                    })
            }
        }
        return element("g", [.class("marks")]) { Node.fragment(marks) }
    }

    static func lines(_ chart: Chart, band: Double, y: (Int64) -> Double, _ language: Language) -> Node {
        let data = chart.data
        return SVG.g(.class("marks")) {
            for (index, series) in data.series.enumerated() {
                let points = series.values.indices.map { (left + band * (Double($0) + 0.5), y(series.values[$0])) }
                let dash = ChartStyle.dashes[index % ChartStyle.dashes.count]
                element(
                    "polyline",
                    [
                        .attr("points", points.map { "\(SVG.n($0.0)),\(SVG.n($0.1))" }.joined(separator: " ")),
                        .attr("fill", "none"), .attr("stroke", ChartStyle.colour(index)), .attr("stroke-width", "2.5"),
                    ] + (dash.isEmpty ? [] : [.attr("stroke-dasharray", dash)])
                ) {}
                for (label, point) in points.enumerated() {
                    ChartStyle.marker(
                        index, x: point.0, y: point.1, tooltip: tooltip(chart, series: index, label: label, language))
                }
            }
        }
    }

    /// Where each legend entry goes: left to right, wrapping to a new row when the plot is full.
    static func legendLayout(_ names: [String]) -> (positions: [(x: Double, y: Double)], rows: Int) {
        var positions: [(x: Double, y: Double)] = []
        var x = left
        var row = 0
        for name in names {
            let entry = 22 + Double(truncated(name, 28).count) * characterWidth + 16
            if x + entry > width - right, x > left {
                x = left
                row += 1
            }
            positions.append((x, 14 + Double(row) * 22))
            x += entry
        }
        return (positions, names.isEmpty ? 0 : row + 1)
    }

    static func legendNode(_ chart: Chart, _ layout: (positions: [(x: Double, y: Double)], rows: Int)) -> Node {
        SVG.g(.class("legend"), .attr("aria-hidden", "true")) {
            for (index, series) in chart.data.series.enumerated() {
                let position = layout.positions[index]
                if chart.kind == .lines {
                    let dash = ChartStyle.dashes[index % ChartStyle.dashes.count]
                    element(
                        "line",
                        [
                            .num("x1", position.x), .num("x2", position.x + 16), .num("y1", position.y + 6),
                            .num("y2", position.y + 6), .attr("stroke", ChartStyle.colour(index)),
                            .attr("stroke-width", "2.5"),
                        ] + (dash.isEmpty ? [] : [.attr("stroke-dasharray", dash)])
                    ) {}
                    ChartStyle.marker(index, x: position.x + 8, y: position.y + 6, tooltip: series.name)
                } else {
                    SVG.rect(
                        .num("x", position.x), .num("y", position.y), .attr("width", "14"), .attr("height", "14"),
                        .attr("fill", ChartStyle.fill(index, id: chart.id)), .attr("stroke", "#1d2327"),
                        .attr("stroke-width", "0.5"))
                }
                SVG.text(
                    .num("x", position.x + 22), .num("y", position.y + 7), .attr("dy", "0.32em"),
                    .attr("fill", "#1d2327"), content: truncated(series.name, 28))
            }
        }
    }

    /// At most `limit` characters, with an ellipsis when cut (the full text is in the table and tooltip).
    static func truncated(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}

import Domain
import Foundation
import FoundationXML
import Testing

@testable import Templates

/// The SVG charts: well-formed XML (read back by Foundation's libxml2-based parser), accessible
/// (role, title, description, a data table behind a toggle), escaped, and a sentence instead of a
/// broken frame when there is nothing to draw.
@Suite("Charts")
struct ChartTests {
    static let hostile = "Tält <&\"> 'Scen'"

    static func chart(_ kind: Chart.Kind, _ data: ChartData) -> Chart {
        Chart(kind: kind, data: data, id: "c1", title: "Intäkter <per> månad", summary: "Sammanlagt & mer")
    }

    static let data = ChartData(
        labels: ["jan 2026", "feb 2026", hostile],
        series: [
            ChartData.Series(name: hostile, values: [120_000, -40_000, 0]),
            ChartData.Series(name: "Ljud", values: [30_000, 80_000, 15_000]),
            ChartData.Series(name: "Övrigt", values: [5_000, 0, 1]),
        ], unit: .money)

    func render(_ node: Node) -> String { String(decoding: node.rendered(), as: UTF8.self) }

    /// The `<svg>…</svg>` part of a figure.
    func svg(_ html: String) throws -> String {
        let start = try #require(html.range(of: "<svg"))
        let end = try #require(html.range(of: "</svg>"))
        return String(html[start.lowerBound..<end.upperBound])
    }

    final class Collector: NSObject, XMLParserDelegate {
        var elements: [String] = []
        var texts: [String] = []
        var attributes: [[String: String]] = []
        var current = ""
        /// Each element's own text, whole (the parser hands it over in pieces).
        func flush() {
            if !current.isEmpty { texts.append(current) }
            current = ""
        }
        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String]
        ) {
            flush()
            elements.append(name)
            self.attributes.append(attributes)
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            flush()
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }
    }

    func parse(_ xml: String) -> (ok: Bool, collector: Collector, error: String) {
        let parser = XMLParser(data: Data(xml.utf8))
        let collector = Collector()
        parser.delegate = collector
        let ok = parser.parse()
        return (ok, collector, parser.parserError.map { "\($0)" } ?? "")
    }

    @Test(arguments: [Chart.Kind.stackedBars, .groupedBars, .lines])
    func everyKindIsWellFormedAccessibleXML(_ kind: Chart.Kind) throws {
        let html = render(ChartView.figure(Self.chart(kind, Self.data), Strings(.sv)))
        let xml = try svg(html)
        let parsed = parse(xml)
        #expect(parsed.ok, "\(parsed.error)\n\(xml)")
        #expect(parsed.collector.elements.prefix(3) == ["svg", "title", "desc"])
        #expect(parsed.collector.attributes[0]["role"] == "img")
        #expect(parsed.collector.attributes[0]["aria-labelledby"] == "c1-title c1-desc")
        // The hostile name comes back as text, whole: escaped, not markup.
        #expect(parsed.collector.texts.joined().contains(Self.hostile))
        #expect(!xml.contains("<&") && xml.contains("Tält &lt;&amp;&quot;&gt; &#39;Scen&#39;"))
        #expect(parsed.collector.texts.joined().contains("Intäkter <per> månad"))
        // The toggle: a <details> table with every series and label.
        #expect(html.contains("<details class=\"chart-data\"><summary>Visa siffrorna som tabell</summary>"))
        #expect(html.contains("<caption>Intäkter &lt;per&gt; månad</caption>"))
        #expect(html.contains("-400,00\u{00A0}kr"))
    }

    @Test func stackedBarsHaveALegendPatternsAndRoundTicks() throws {
        let xml = try svg(render(ChartView.figure(Self.chart(.stackedBars, Self.data), Strings(.sv))))
        let parsed = parse(xml)
        let texts = parsed.collector.texts
        // Up 1 550 kr, down 400 kr: ticks every 500 kr from -500 to 2 000.
        for tick in ["-500\u{00A0}kr", "0\u{00A0}kr", "500\u{00A0}kr", "2\u{00A0}000\u{00A0}kr"] {
            #expect(texts.contains(tick), "\(tick) in \(texts)")
        }
        #expect(parsed.collector.elements.filter { $0 == "pattern" }.count == 2, "the 2nd and 3rd series")
        #expect(xml.contains("fill=\"url(#c1-p1)\"") && xml.contains("class=\"legend\""))
        #expect(texts.contains("Ljud") && texts.contains("Övrigt"))
    }

    @Test func anEmptyChartSaysSoInsteadOfDrawing() {
        for data in [
            ChartData(labels: [], series: [], unit: .money),
            ChartData(labels: ["jan"], series: [ChartData.Series(name: "x", values: [0])], unit: .count),
        ] {
            let html = render(ChartView.figure(Self.chart(.stackedBars, data), Strings(.en)))
            #expect(!html.contains("<svg"))
            #expect(
                html.contains(
                    "class=\"chart-empty\" role=\"status\">No data for intäkter &lt;per&gt; månad in the period."))
        }
    }
}

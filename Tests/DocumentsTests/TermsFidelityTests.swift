import Domain
import Foundation
import Sanitizer
import Testing

@testable import Documents

/// Finding L7: what you see is what you sign. Every element the sanitiser allows in the terms
/// reaches the signed PDF with what it means on the page: numbered items keep their numbers,
/// struck text is struck, links show where they go, images their alternative text, tables their
/// cells, quotes and rules their place.
@Suite("The terms in the PDF are the terms on the page")
struct TermsFidelityTests {
    static let html = """
        <h2>Villkor</h2>
        <p>Priset gäller <s>tre</s> <strong>två</strong> veckor och <em>inkluderar</em> <u>leverans</u>.<br>Ny rad.</p>
        <ol><li>Första punkten</li><li>Andra punkten<ul><li>Underpunkt</li></ul></li><li>Tredje punkten</li></ol>
        <ul><li>En punkt</li></ul>
        <p>Läs <a href="https://eventgaraget.se/villkor">hela villkoren</a> och https://eventgaraget.se/faq.</p>
        <p><img src="data:image/png;base64,iVBORw0KGgo=" alt="Karta över lagret"></p>
        <blockquote><p>Citerat stycke.</p></blockquote>
        <table><tr><th>Artikel</th><th>Pris</th></tr><tr><td>Tält</td><td>1 200 kr</td></tr></table>
        <hr>
        <h3>Sist</h3>
        """

    static func blocks() throws -> [RichBlock] { RichTextReader.blocks(try HTMLSanitizer.sanitize(html)) }

    @Test func theReaderKeepsEveryElementsMeaning() throws {
        let blocks = try Self.blocks()
        #expect(blocks.first == .heading([RichRun("Villkor")], level: 2))
        #expect(
            blocks[1]
                == .paragraph([
                    RichRun("Priset gäller "), RichRun("tre", strike: true), RichRun(" "), RichRun("två", bold: true),
                    RichRun(" veckor och "), RichRun("inkluderar", italic: true), RichRun(" "),
                    RichRun("leverans", underline: true), RichRun("."), RichRun("\n"), RichRun("Ny rad."),
                ]))
        let items = blocks.compactMap { block -> String? in
            if case .listItem(let runs, let marker, let depth) = block {
                return "\(depth)|\(marker)|\(runs.map(\.text).joined())"
            }
            return nil
        }
        #expect(
            items == [
                "1|1.|Första punkten", "1|2.|Andra punkten", "2|•|Underpunkt", "1|3.|Tredje punkten", "1|•|En punkt",
            ])
        #expect(
            blocks.contains(
                .paragraph([
                    RichRun("Läs "), RichRun("hela villkoren", link: "https://eventgaraget.se/villkor"),
                    RichRun(" och https://eventgaraget.se/faq."),
                ])))
        #expect(blocks.contains(.paragraph([RichRun("Karta över lagret", image: true)])))
        #expect(blocks.contains(.quote([RichRun("Citerat stycke.")])))
        #expect(
            blocks.contains(
                .table([
                    RichTableRow(cells: [[RichRun("Artikel")], [RichRun("Pris")]], header: true),
                    RichTableRow(cells: [[RichRun("Tält")], [RichRun("1 200 kr")]]),
                ])))
        #expect(blocks.contains(.rule))
        #expect(blocks.last == .heading([RichRun("Sist")], level: 3))
    }

    /// The PDF's text holds the page's text in order, with the numbers, the link's target and the
    /// image's alternative text; the struck word has a line through it.
    @Test func thePDFShowsWhatThePageShows() throws {
        var document = Fixtures.agreement()
        document.terms = try Self.blocks()
        document.evidence.auditTrail = [
            .init(
                stockholm: "2026-06-01 10:00:00 CEST", utc: "2026-06-01 08:00:00 UTC",
                event: "Skickad för signering till asa.oberg@exempel.se (version 2) av Maria Sjöberg", ip: ""),
            .init(
                stockholm: "2026-06-01 14:01:40 CEST", utc: "2026-06-01 12:01:40 UTC", event: "Länken öppnad",
                ip: "2001:db8:85a3::8a2e:370:7334"),
            .init(
                stockholm: "2026-06-01 14:03:12 CEST", utc: "2026-06-01 12:03:12 UTC",
                event: "Signerad av Åsa Öberg <asa.oberg@exempel.se> · Mozilla/5.0 (iPhone)",
                ip: "2001:db8:85a3::8a2e:370:7334"),
        ]
        let bytes = try AgreementRenderer.render(document)
        if let folder = ProcessInfo.processInfo.environment["EG_DOCUMENTS_PREVIEW"] {
            try Data(bytes).write(to: URL(fileURLWithPath: folder + "/terms-fidelity.pdf"))
        }
        let pdf = try RenderedPDF(bytes)
        defer { pdf.remove() }
        let words = try pdf.text().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let expected = document.terms.map(\.readableText).filter { !$0.isEmpty }.joined(separator: " ")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains(expected), "PDF: \(words)\nexpected: \(expected)")
        #expect(words.contains("Granskningsintyg"), "the audit certificate page")
        for piece in [
            "1. Första punkten", "2. Andra punkten", "• Underpunkt", "3. Tredje punkten",
            "hela villkoren (https://eventgaraget.se/villkor)", "[Karta över lagret]", "Artikel Pris Tält 1 200 kr",
        ] {
            #expect(words.contains(piece), "\(piece)")
        }

        // The line through "tre": a rule across the word, a little above its baseline.
        let canvas = try PDFCanvas()
        var layout = AgreementLayout(document: document, canvas: canvas)
        let operations = layout.pages().flatMap { $0 }
        let tre = try #require(
            operations.first { if case .text("tre", _, _, _, _) = $0 { true } else { false } })
        guard case .text(_, let x, let baseline, let font, _) = tre else { return }
        let width = canvas.measure("tre", font: font)
        let struck = operations.contains { operation in
            guard case .rule(let from, let to, _, _) = operation else { return false }
            return abs(from.x - x) < 0.01 && abs(to.x - (x + width)) < 0.5 && from.y < baseline
                && from.y > baseline - font.size
        }
        #expect(struck, "no line through the struck word")
        let two = operations.contains { if case .text("två", _, _, let font, _) = $0 { font.face.bold } else { false } }
        #expect(two, "bold stays bold")
    }
}

import Documents
import Domain
import Foundation
import TestSupport
import Testing

@Suite("Signed agreement PDF")
struct AgreementRendererTests {
    @Test("A realistic Swedish agreement is a valid, searchable PDF of two or more pages")
    func swedishAgreement() throws {
        let pdf = try RenderedPDF(AgreementRenderer.render(Fixtures.agreement()))
        defer { pdf.remove() }

        let check = try pdf.qpdfCheck()
        #expect(check.status == 0, "qpdf --check: \(check.output) \(check.errorOutput)")

        let info = try pdf.info()
        let pages = try #require(info["Pages"].flatMap { Int($0) })
        #expect(pages >= 2)
        #expect(info["Title"] == "Hyresavtal Q-2026-0042")
        #expect(info["Author"] == "EventGaraget Skåne AB")
        #expect(info["Creator"] == "EventGaraget")
        #expect(info["Page size"]?.contains("595.276 x 841.89") == true)

        let text = try pdf.text()
        for expected in [
            "EventGaraget Skåne AB", "Åsa Öberg", "Föreningen Sjöängens Vänner", "Q-2026-0042", "EG-2026-0017",
            "60 747,75 kr", "Att betala inkl. moms", "Sjöängen, Hamnvägen 3", "269 33 Båstad", "12–14 juni 2026",
            "Stol Öland, vit", "Städning och återtagning", "Signeringsbevis", "asa.oberg@exempel.se",
            "2026-06-01 14:03:12 CEST", "2026-06-01 12:03:12 UTC", "2001:db8:85a3::8a2e:370:7334",
            "7f3c2a10-5b1e-4c8d-9a77-0e2b4d6f8a91", "Ritad underskrift", "Villkor",
        ] {
            #expect(text.contains(expected), "missing \(expected)")
        }
        #expect(text.withoutWhitespace.contains(Fixtures.sha256))
        #expect(
            text.withoutWhitespace.contains(
                "AppleWebKit/605.1.15(KHTML,likeGecko)Version/17.5Mobile/15E148Safari/604.1"))
        for page in 1...pages {
            #expect(try pdf.text(page: page).contains("Sida \(page) av \(pages)"))
        }
        // The drawn signature is vector paths, not a picture.
        let images = try run("/usr/bin/pdfimages", ["-list", pdf.path]).output.split(separator: "\n")
        #expect(images.count == 2, "pdfimages lists only its two header lines: \(images)")
        // Every line of the table is there, each with its amount.
        for line in Fixtures.lines { #expect(text.contains(line.lineTotal)) }
    }

    @Test("Amounts are right-aligned in their column")
    func amountsRightAligned() throws {
        let pdf = try RenderedPDF(AgreementRenderer.render(Fixtures.agreement()))
        defer { pdf.remove() }
        // Every amount ends in "kr": unit prices end at one x, line totals and totals at another.
        let ends = try pdf.words().filter { $0.word == "kr" }.map(\.xMax).sorted()
        #expect(ends.count >= Fixtures.lines.count * 2 + Fixtures.totals.count)
        var columns: [[Double]] = []
        for end in ends {
            if let last = columns.last?.last, end - last < 1 {
                columns[columns.count - 1].append(end)
            } else {
                columns.append([end])
            }
        }
        #expect(columns.count == 2, "amounts end at \(columns.map { $0.first ?? 0 })")
        #expect(columns.last?.count == Fixtures.lines.count + Fixtures.totals.count)
    }

    @Test("A typed signature shows the name and the method")
    func typedSignature() throws {
        let pdf = try RenderedPDF(AgreementRenderer.render(Fixtures.agreement(signature: .typed(name: "Åsa Öberg"))))
        defer { pdf.remove() }
        #expect(try pdf.qpdfCheck().status == 0)
        let text = try pdf.text()
        #expect(text.contains("Namnet skrivet som underskrift"))
        #expect(!text.contains("Ritad underskrift"))
        // The typed name, the caption under the line and the evidence row.
        #expect(text.components(separatedBy: "Åsa Öberg").count - 1 >= 3)
    }

    @Test("An English agreement has English labels")
    func englishLabels() throws {
        let pdf = try RenderedPDF(AgreementRenderer.render(Fixtures.agreement(language: .en)))
        defer { pdf.remove() }
        #expect(try pdf.qpdfCheck().status == 0)
        let text = try pdf.text()
        for expected in [
            "CUSTOMER", "RENTAL PERIOD", "DELIVERY ADDRESS", "Signature evidence", "Unit price", "Drawn signature",
            "Rental agreement",
        ] {
            #expect(text.contains(expected), "missing \(expected)")
        }
        let pages = pdf.pageCount
        #expect(try pdf.text(page: pages).contains("Page \(pages) of \(pages)"))
        #expect(!text.contains("Sida "))
        #expect(!text.contains("Signeringsbevis"))
    }

    @Test("Hostile input: no lines, a 300-character word, 10 000 characters of terms")
    func hostileInput() throws {
        var document = Fixtures.agreement()
        let longWord = String(repeating: "Ö", count: 150) + String(repeating: "x", count: 150)
        document.lines = []
        document.customerLines = [longWord, "Åsa\u{0}Öberg\u{7}\r\nrad två"]
        document.rentalPeriod = longWord
        var words = ""
        while words.count < 10_000 { words += "villkorstext med åäö och ord " }
        document.terms = [
            .paragraph([RichRun(longWord)]), .paragraph([RichRun(words)]),
            .listItem([RichRun(String(repeating: "y", count: 10_000))], marker: "•", depth: 1),
        ]
        document.evidence.userAgent = longWord
        document.evidence.versionSHA256 = String(repeating: "ab", count: 200)
        document.signature = .drawn(
            SignatureDrawing(
                strokes: [
                    [],
                    [SignaturePoint(x: .nan, y: 1), SignaturePoint(x: -5, y: 9), SignaturePoint(x: 0.5, y: .infinity)],
                ],
                width: 0, height: -1))

        let pdf = try RenderedPDF(AgreementRenderer.render(document))
        defer { pdf.remove() }
        let check = try pdf.qpdfCheck()
        #expect(check.status == 0, "qpdf --check: \(check.output) \(check.errorOutput)")
        #expect(pdf.pageCount >= 3)
        let text = try pdf.text()
        #expect(text.contains("Offerten har inga rader."))
        #expect(text.withoutWhitespace.contains(longWord), "the 300-character word is missing")
        #expect(text.filter { $0 == "y" }.count >= 10_000)  // broken over pages, between headers and footers

        let boxes = try pdf.words()
        #expect(!boxes.isEmpty)
        for box in boxes {
            #expect(box.xMin >= 0 && box.xMax <= box.pageWidth - 40, "\(box.word.prefix(30)) runs off: \(box.xMax)")
            #expect(box.yMax <= box.pageHeight - 20, "\(box.word.prefix(30)) below the page: \(box.yMax)")
        }
    }

    @Test("A long typed name is scaled down to fit the signature box")
    func longTypedName() throws {
        var document = Fixtures.agreement(signature: .typed(name: String(repeating: "Åsa-Öberg ", count: 30)))
        document.terms = []
        let pdf = try RenderedPDF(AgreementRenderer.render(document))
        defer { pdf.remove() }
        #expect(try pdf.qpdfCheck().status == 0)
        for box in try pdf.words() { #expect(box.xMax <= box.pageWidth - 40) }
    }

    @Test("Renders in parallel on several threads")
    func parallel() async throws {
        let document = Fixtures.agreement()
        let sizes = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<4 { group.addTask { try AgreementRenderer.render(document).count } }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(sizes.count == 4)
        #expect(sizes.allSatisfy { $0 > 10_000 })
    }

    @Test("Plain-text terms become headings, paragraphs and bullets")
    func plainTextTerms() {
        let blocks = RichBlock.blocks(
            fromPlainText: "## Betalning\nFaktura efter\nhyran.\n\n- Första\n• Andra\n2. Tredje\n\nSlut")
        #expect(
            blocks == [
                .heading([RichRun("Betalning")], level: 2), .paragraph([RichRun("Faktura efter\nhyran.")]),
                .listItem([RichRun("Första")], marker: "•", depth: 1),
                .listItem([RichRun("Andra")], marker: "•", depth: 1),
                .listItem([RichRun("Tredje")], marker: "2.", depth: 1), .paragraph([RichRun("Slut")]),
            ])
    }
}

/// Writes sample PDFs for a person to look at when `EG_DOCUMENTS_PREVIEW` names a folder.
@Test("Preview", .enabled(if: ProcessInfo.processInfo.environment["EG_DOCUMENTS_PREVIEW"] != nil))
func writePreview() throws {
    let folder = try #require(ProcessInfo.processInfo.environment["EG_DOCUMENTS_PREVIEW"])
    try Data(AgreementRenderer.render(Fixtures.agreement())).write(
        to: URL(fileURLWithPath: folder + "/agreement-sv.pdf"))
    try Data(AgreementRenderer.render(Fixtures.agreement(language: .en, signature: .typed(name: "Åsa Öberg"))))
        .write(to: URL(fileURLWithPath: folder + "/agreement-en-typed.pdf"))
}

/// The signed agreement of a version with customer-visible custom fields shows them under the
/// parties, read back from the real PDF's text.
@Suite("Agreement PDF: custom fields")
struct AgreementCustomFieldTests {
    @Test func theFrozenCustomFieldsAreInTheSignedAgreement() throws {
        var document = Fixtures.agreement(signature: .typed(name: "Åsa Öberg"))
        document.customFields = [
            AgreementField(label: "Markunderlag", value: "gräs"), AgreementField(label: "Portkod", value: "4711#"),
        ]
        let pdf = try RenderedPDF(AgreementRenderer.render(document))
        defer { pdf.remove() }
        #expect(try pdf.qpdfCheck().status == 0)
        let text = try pdf.text(page: 1)
        #expect(text.contains("MARKUNDERLAG") && text.contains("gräs"))
        #expect(text.contains("PORTKOD") && text.contains("4711#"))
        let plain = try RenderedPDF(AgreementRenderer.render(Fixtures.agreement(signature: .typed(name: "Åsa Öberg"))))
        defer { plain.remove() }
        #expect(!(try plain.text()).contains("MARKUNDERLAG"))
    }
}

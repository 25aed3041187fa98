import Documents
import Domain
import Foundation
import TestSupport

/// Believable agreements for the tests: Swedish names with å, ä, ö, a dozen lines, terms long
/// enough for two pages.
enum Fixtures {
    static let sha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"

    static let company = CompanyProfile(
        name: "EventGaraget Skåne AB", organisationNumber: "559123-4567", vatNumber: "SE559123456701",
        address: "Ängelholmsvägen 12, 262 96 Ängelholm", email: "hej@eventgaraget.se", phone: "0431-12 34 56",
        website: "https://eventgaraget.se")

    static let lines: [AgreementLine] = [
        ("Partytält 6×12 m, vitt", "1", "3", "4 900,00 kr", "14 700,00 kr"),
        ("Trägolv till tält 6×12 m", "1", "3", "2 400,00 kr", "7 200,00 kr"),
        ("Bord 180×75 cm", "12", "3", "65,00 kr", "2 340,00 kr"),
        ("Stol Öland, vit", "96", "3", "12,00 kr", "3 456,00 kr"),
        ("Bordsduk vit, 240×140 cm", "12", "3", "45,00 kr", "1 620,00 kr"),
        ("Terrassvärmare gasol 14 kW", "4", "3", "350,00 kr", "4 200,00 kr"),
        ("Gasolflaska 11 kg", "4", "", "320,00 kr", "1 280,00 kr"),
        ("Ljusslinga 20 m, varmvit", "6", "3", "120,00 kr", "2 160,00 kr"),
        ("Ljudanläggning med två högtalare, mixer och trådlös mikrofon", "1", "3", "1 800,00 kr", "5 400,00 kr"),
        ("Dansgolv 5×5 m", "1", "3", "1 500,00 kr", "4 500,00 kr"),
        ("Leverans och montering, Ängelholm–Båstad", "1", "", "3 200,00 kr", "3 200,00 kr"),
        ("Städning och återtagning", "1", "", "1 100,00 kr", "1 100,00 kr"),
    ].map { AgreementLine(name: $0.0, quantity: $0.1, days: $0.2, unitPrice: $0.3, lineTotal: $0.4) }

    static let totals = [
        AgreementTotal(label: "Summa exkl. moms", amount: "51 156,00 kr"),
        AgreementTotal(label: "Rabatt 5 %", amount: "−2 557,80 kr"),
        AgreementTotal(label: "Frakt", amount: "0,00 kr"),
        AgreementTotal(label: "Moms 25 %", amount: "12 149,55 kr"),
        AgreementTotal(label: "Att betala inkl. moms", amount: "60 747,75 kr", emphasised: true),
    ]

    static var terms: [RichBlock] {
        var blocks: [RichBlock] = []
        let sections = [
            "Bokning och betalning", "Leverans och hämtning", "Hyresgästens ansvar", "Skador och förlust",
            "Avbokning", "Väder och force majeure", "Tvist",
        ]
        for (index, title) in sections.enumerated() {
            blocks.append(.heading([RichRun("\(index + 1). \(title)")], level: 3))
            blocks.append(
                .paragraph([
                    RichRun(
                        "Hyresgästen ansvarar för att utrustningen används på avsett sätt och återlämnas i samma skick som vid leveransen. Åverkan, förlust eller stöld ersätts enligt gällande prislista. Uthyraren äger rätt att debitera kostnader för rengöring om utrustningen återlämnas smutsig. Vid frågor kontaktar du oss på hej@eventgaraget.se eller på telefon."
                    )
                ]))
            blocks.append(
                .listItem(
                    [RichRun("Faktura skickas efter avslutad hyresperiod, betalning inom 30 dagar.")], marker: "•",
                    depth: 1))
            blocks.append(
                .listItem(
                    [RichRun("Avbokning senast 14 dagar före hyresperiodens början är kostnadsfri.")], marker: "2.",
                    depth: 1))
            blocks.append(
                .paragraph([
                    RichRun(
                        "Tält får inte förankras i mark där ledningar kan finnas utan att hyresgästen först har kontrollerat detta.\nSe även https://eventgaraget.se/villkor/tält-och-förankring-i-mark-med-ledningar."
                    )
                ]))
        }
        return blocks
    }

    static let drawing = SignatureDrawing(
        strokes: [
            (0..<60).map { i in
                let t = Double(i) / 59
                return SignaturePoint(x: 40 + t * 320, y: 100 + sin(t * 12) * 40 * (1 - t / 2))
            },
            [SignaturePoint(x: 120, y: 40), SignaturePoint(x: 140, y: 170), SignaturePoint(x: 160, y: 60)],
            [SignaturePoint(x: 380, y: 150)],
        ], width: 400, height: 200)

    static func evidence(name: String = "Åsa Öberg") -> SigningEvidence {
        SigningEvidence(
            signerName: name, signerEmail: "asa.oberg@exempel.se", signedAtStockholm: "2026-06-01 14:03:12 CEST",
            signedAtUTC: "2026-06-01 12:03:12 UTC", ipAddress: "2001:db8:85a3::8a2e:370:7334",
            userAgent:
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
            versionSHA256: sha256, linkID: "7f3c2a10-5b1e-4c8d-9a77-0e2b4d6f8a91")
    }

    static func agreement(language: Language = .sv, signature: Signature = .drawn(drawing)) -> AgreementDocument {
        AgreementDocument(
            language: language, company: company, title: language == .sv ? "Hyresavtal" : "Rental agreement",
            quotationNumber: "Q-2026-0042", quotationVersion: 2, bookingNumber: "EG-2026-0017",
            customerLines: [
                "Åsa Öberg", "Föreningen Sjöängens Vänner", "Org.nr 802456-7890", "Storgatan 5", "252 21 Helsingborg",
                "asa.oberg@exempel.se",
            ],
            rentalPeriod: "12–14 juni 2026 (3 dagar)", deliveryAddress: ["Sjöängen, Hamnvägen 3", "269 33 Båstad"],
            lines: lines, totals: totals, terms: terms, signature: signature, evidence: evidence())
    }
}

/// A rendered PDF on disk, and the real tools run on it.
struct RenderedPDF {
    let path: String

    init(_ bytes: [UInt8]) throws {
        path =
            FileManager.default.temporaryDirectory.appendingPathComponent("eg-agreement-\(UUID().uuidString).pdf").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    func qpdfCheck() throws -> CommandResult { try run("/usr/bin/qpdf", ["--check", path]) }

    func text(page: Int? = nil) throws -> String {
        var arguments = ["-enc", "UTF-8"]
        if let page { arguments += ["-f", String(page), "-l", String(page)] }
        return try run("/usr/bin/pdftotext", arguments + [path, "-"]).output
    }

    func info() throws -> [String: String] {
        var info: [String: String] = [:]
        for line in try run("/usr/bin/pdfinfo", ["-enc", "UTF-8", path]).output.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            info[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return info
    }

    var pageCount: Int { (try? info()["Pages"]).flatMap { $0.flatMap { Int($0) } } ?? 0 }

    /// Every word's box from `pdftotext -bbox`, with the page width.
    func words() throws -> [(
        word: String, xMin: Double, xMax: Double, yMax: Double, pageWidth: Double, pageHeight: Double
    )] {
        let html = try run("/usr/bin/pdftotext", ["-bbox", "-enc", "UTF-8", path, "-"]).output
        var result: [(String, Double, Double, Double, Double, Double)] = []
        var pageWidth = 0.0
        var pageHeight = 0.0
        for line in html.split(separator: "\n") {
            if line.contains("<page ") {
                pageWidth = Self.attribute("width", in: line) ?? 0
                pageHeight = Self.attribute("height", in: line) ?? 0
            } else if line.contains("<word "), let xMin = Self.attribute("xMin", in: line),
                let xMax = Self.attribute("xMax", in: line), let yMax = Self.attribute("yMax", in: line)
            {
                let word =
                    line.split(separator: ">").dropFirst().first?.split(separator: "<").first.map(String.init) ?? ""
                result.append((word, xMin, xMax, yMax, pageWidth, pageHeight))
            }
        }
        return result
    }

    private static func attribute(_ name: String, in line: Substring) -> Double? {
        guard let range = line.range(of: "\(name)=\"") else { return nil }
        return Double(line[range.upperBound...].prefix { $0 != "\"" })
    }
}

extension String {
    var withoutWhitespace: String { String(filter { !$0.isWhitespace }) }
}

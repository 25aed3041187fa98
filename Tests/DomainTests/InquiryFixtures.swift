import Foundation

@testable import Domain

/// A small catalogue in the demo's words, and an extractor call with a message date.
enum InquiryFixtures {
    static let catalogue: [InquiryCatalogueItem] = [
        product(1, "TALT-3x3", "Partytält 3×3 m", ["tält", "partytält", "tent", "gazebo"], 9),
        product(2, "TALT-4x8", "Partytält 4×8 m", ["tält", "partytält", "festtält", "tent", "marquee"], 32),
        product(3, "TALT-6x12", "Festtält 6×12 m", ["tält", "festtält", "tent", "marquee"], 70),
        product(4, "TALT-9x18", "Festtält 9×18 m", ["tält", "festtält", "tent", "marquee"], 150),
        product(5, "GOLV-KASS", "Kassettgolv per m²", ["golv", "kassettgolv", "floor", "flooring"], nil),
        product(6, "GOLV-DANS", "Dansgolv 1×1 m", ["dansgolv", "dance floor"], nil),
        product(7, "BORD-180", "Långbord 180×76 cm", ["bord", "långbord", "table", "long table"], 8),
        product(8, "BORD-RUND", "Runt bord Ø 150 cm", ["runt bord", "runda bord", "round table"], 10),
        product(9, "STOL-VIT", "Klappstol vit", ["stol", "klappstol", "chair", "folding chair"], 1),
        product(10, "STOL-BAR", "Barstol svart", ["barstol", "bar stool"], 1),
        product(11, "STOL-BANK", "Bänkset (bord + 2 bänkar)", ["bänkset", "ölset", "beer table set"], 6),
        product(12, "VARM-GAS", "Terrassvärmare gasol", ["värmare", "terrassvärmare", "heater", "patio heater"], nil),
        product(13, "LJUD-PA-S", "PA-system litet", ["pa", "ljudanläggning", "högtalare", "small pa"], 80),
        product(14, "LJUD-PA-L", "PA-system stort", ["pa", "ljudanläggning", "stort pa", "large pa"], 300),
        product(15, "SCEN-2x1", "Scenpodie 2×1 m", ["scen", "scenpodie", "stage"], nil),
        product(16, "LJUS-GAMMAL", "Ljusslinga gammal", ["ljusslinga"], nil, active: false),
        InquiryCatalogueItem(
            reference: .addon(id: 1), name: "Leverans och hämtning Göteborg", synonyms: ["leverans", "delivery"]),
        InquiryCatalogueItem(
            reference: .addon(id: 2), name: "Leverans och hämtning Västra Götaland", synonyms: ["leverans", "delivery"]),
        InquiryCatalogueItem(
            reference: .addon(id: 3), name: "Uppställning per enhet", synonyms: ["uppställning", "setup"]),
        InquiryCatalogueItem(reference: .addon(id: 5), name: "Montering tält per tält", synonyms: ["montering"]),
    ]

    static func product(
        _ id: Int64, _ sku: String, _ name: String, _ synonyms: [String], _ capacity: Int?, active: Bool = true
    ) -> InquiryCatalogueItem {
        InquiryCatalogueItem(
            reference: .product(id: id, sku: sku), name: name, synonyms: synonyms, capacity: capacity, active: active)
    }

    /// Noon in Stockholm on `day` (`2026-05-14`).
    static func noon(_ day: String) -> Date {
        BusinessCalendar.startOfDay((try? CalendarDate(iso: day)) ?? BusinessCalendar.today()).addingTimeInterval(
            12 * 3600)
    }

    static func extract(
        _ text: String, sent day: String = "2026-05-14", subject: String = "Förfrågan", signature: String = "",
        fromName: String? = "Anna Svensson", fromAddress: String? = "anna@example.se", kind: InboundKind = .inquiry
    ) -> InquiryExtraction {
        InquiryExtractor.extract(
            InquiryInput(
                subject: subject, text: text, signature: signature, fromName: fromName, fromAddress: fromAddress,
                sentAt: noon(day), kind: kind),
            catalogue: catalogue)
    }

    /// The lines as `SKU or addon:id` → quantity.
    static func lines(_ extraction: InquiryExtraction) -> [String: Int] {
        Dictionary(
            extraction.lines.map { ($0.sku ?? "addon:\($0.addonId ?? 0)", $0.quantity) },
            uniquingKeysWith: { a, _ in a })
    }
}

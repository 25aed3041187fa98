import Database
import Domain
import UseCases

/// The demo's own fields, defined through the same use case as `/admin/fields`: a customer's
/// "Kundtyp" (a filter), a product's "Vikt (kg)" (a list column), a quotation's "Markunderlag"
/// (shown to the customer, frozen into the signed agreement) and a booking's "Portkod". Seeded by
/// the system right after the structure, before any record that carries a value.
enum DemoCustomFields {
    static let drafts: [CustomFieldDraft] = [
        CustomFieldDraft(
            entity: .customer, key: "kundtyp", kind: .choice, label: "Kundtyp",
            help: "Privatperson, företag eller förening: styr tonen i utskick och betalningsvillkor.",
            options: "Privat\nFöretag\nFörening", listColumn: true, filterable: true),
        CustomFieldDraft(
            entity: .product, key: "vikt_kg", kind: .number, label: "Vikt (kg)",
            help: "Vikten per styck, för lastning och val av bil.", listColumn: true, filterable: true),
        CustomFieldDraft(
            entity: .quotation, key: "markunderlag", kind: .choice, label: "Markunderlag",
            help: "Vad tältet och golvet står på. Avgör förankring och om golv behövs.",
            options: "gräs\nasfalt\ngrus", listColumn: true, filterable: true, customerVisible: true),
        CustomFieldDraft(
            entity: .booking, key: "portkod", kind: .text, label: "Portkod",
            help: "Kod till grind eller port vid leverans och hämtning."),
    ]

    static func seed(_ tx: Connection, actor: AuditActor) throws {
        for draft in drafts {
            guard case .done = try ChangeCustomField.run(tx, .add(draft), actor: actor) else {
                throw CommandFailure("the demo field \(draft.key) was refused")
            }
        }
    }

    /// A customer's type: companies by name (a club is a Förening), people Privat.
    static func customer(_ details: CustomerDetails) -> [String: JSONValue] {
        guard details.kind == .company else { return ["kundtyp": .string("Privat")] }
        let name = details.companyName.lowercased()
        let club = name.contains("förening") || name.contains("kår") || name.contains("klubb")
        return ["kundtyp": .string(club ? "Förening" : "Företag")]
    }

    /// A product's weight per piece, by its kind (the SKU's prefix).
    static func product(sku: String) -> [String: JSONValue] {
        let weights: [(String, Double)] = [
            ("TALT-12x24", 1450), ("TALT-9x18", 820), ("TALT-6x12", 380), ("TALT-4x8", 160), ("TALT-3x6", 70),
            ("TALT-3x3", 38), ("GOLV", 12.5), ("BORD", 14), ("STOL-BANK", 18), ("STOL", 4.5), ("VARM", 22),
            ("LJUS", 6), ("LJUD-PA", 48), ("LJUD", 3.5), ("SCEN", 35),
        ]
        guard let weight = weights.first(where: { sku.hasPrefix($0.0) })?.1 else { return [:] }
        return ["vikt_kg": .number(weight)]
    }

    /// The ground under a quotation's tent, chosen from its title so the demo's month has all three.
    static func quotation(title: String) -> [String: JSONValue] {
        let grounds = ["gräs", "asfalt", "grus"]
        let index = title.unicodeScalars.reduce(0) { ($0 + Int($1.value)) % 97 } % grounds.count
        return ["markunderlag": .string(grounds[index])]
    }
}

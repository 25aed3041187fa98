import Domain

/// The believable demo data `eventgaraget seed-demo` loads: a Göteborg rental company, its
/// catalogue (prices in öre excluding VAT), staff and customers. Plain values; the command writes them.
enum DemoData {
    static let company = (
        name: "EventGaraget Väst AB",
        orgNumber: "559123-4561",
        vatNumber: "SE559123456101",
        addressLine1: "Hisingsgatan 28",
        postalCode: "417 03",
        city: "Göteborg",
        contactEmail: "hej@eventgaraget.se",
        contactPhone: "031-12 34 56",
        website: "https://eventgaraget.se",
        teamEmail: "bokning@eventgaraget.se",
        sender: "EventGaraget <bokning@eventgaraget.se>",
        bankgiro: "5050-1055"
    )

    /// Simple HTML of the kind the sanitiser keeps (<p>, <ul>, <li>, <strong>).
    static let termsHTML = """
        <p><strong>Hyresvillkor i korthet</strong></p>\
        <ul>\
        <li>Priserna gäller per hyresperiod enligt offerten och anges exklusive moms.</li>\
        <li>Utrustningen levereras och hämtas på avtalad adress; fri väg för lastbil krävs.</li>\
        <li>Hyrestagaren ansvarar för utrustningen från leverans till upphämtning.</li>\
        <li>Avbokning senast 14 dagar före hyresstart är kostnadsfri; därefter debiteras 50 %.</li>\
        <li>Betalning mot faktura, 30 dagar netto. Vid betalning efter förfallodagen debiteras \
        påminnelseavgift med 60 kr per påminnelse samt dröjsmålsränta enligt räntelagen.</li>\
        </ul>\
        <p>Frågor? Ring oss på 031-12 34 56 eller mejla hej@eventgaraget.se.</p>
        """

    /// The demo staff's password (printed by seed-demo and scripts/run; demo data only).
    static let password = "eventgaraget-demo"

    /// One per role, all with `password`.
    static let users: [(email: String, name: String, role: String)] = [
        ("admin@eventgaraget.se", "Karin Admin Lindqvist", "admin"),
        ("maria@eventgaraget.se", "Maria Sjöberg", "manager"),
        ("lager@eventgaraget.se", "Jönsson Lager", "warehouse"),
        ("support@eventgaraget.se", "Åke Nyström", "support"),
    ]

    struct Product {
        let sku: String
        let name: String
        let description: String
        let priceOre: Int64
        let pricing: LinePricing
        let stock: Int
    }

    static let categories: [(name: String, products: [Product])] = [
        (
            "Tält",
            [
                Product(
                    sku: "TALT-3x3", name: "Partytält 3×3 m", description: "Snabbrest tält för mindre fester.",
                    priceOre: 45_000, pricing: .perDay, stock: 12),
                Product(
                    sku: "TALT-3x6", name: "Partytält 3×6 m", description: "Vita sidoväggar med fönster.",
                    priceOre: 75_000, pricing: .perDay, stock: 8),
                Product(
                    sku: "TALT-4x8", name: "Partytält 4×8 m", description: "Rymmer cirka 32 sittande gäster.",
                    priceOre: 120_000, pricing: .perDay, stock: 6),
                Product(
                    sku: "TALT-6x12", name: "Festtält 6×12 m", description: "Aluminiumram, cirka 70 sittande.",
                    priceOre: 350_000, pricing: .perRental, stock: 4),
                Product(
                    sku: "TALT-9x18", name: "Festtält 9×18 m", description: "För bröllop och företagsfester.",
                    priceOre: 890_000, pricing: .perRental, stock: 2),
                Product(
                    sku: "TALT-12x24", name: "Eventtält 12×24 m", description: "Stort tält, cirka 280 sittande.",
                    priceOre: 1_850_000, pricing: .perRental, stock: 1),
            ]
        ),
        (
            "Golv",
            [
                Product(
                    sku: "GOLV-KASS", name: "Kassettgolv per m²", description: "Plant trägolv för tält.",
                    priceOre: 3_500, pricing: .perRental, stock: 600),
                Product(
                    sku: "GOLV-DANS", name: "Dansgolv 1×1 m", description: "Svart/vit schackruta.", priceOre: 9_500,
                    pricing: .perRental, stock: 64),
                Product(
                    sku: "GOLV-MATTA", name: "Tältmatta grå per m²", description: "Nålfiltsmatta ovanpå golv.",
                    priceOre: 1_200, pricing: .perRental, stock: 500),
            ]
        ),
        (
            "Bord",
            [
                Product(
                    sku: "BORD-180", name: "Långbord 180×76 cm", description: "Fällbart, 8 personer.", priceOre: 9_000,
                    pricing: .perDay, stock: 80),
                Product(
                    sku: "BORD-RUND", name: "Runt bord Ø 150 cm", description: "Bankettbord, 8–10 personer.",
                    priceOre: 12_500, pricing: .perDay, stock: 40),
                Product(
                    sku: "BORD-STA", name: "Ståbord Ø 80 cm", description: "Barhöjd 110 cm.", priceOre: 8_500,
                    pricing: .perDay, stock: 30),
                Product(
                    sku: "BORD-DUK", name: "Bordsduk vit 3 m", description: "Tvättad och manglad.", priceOre: 6_500,
                    pricing: .perRental, stock: 120),
            ]
        ),
        (
            "Stolar",
            [
                Product(
                    sku: "STOL-VIT", name: "Klappstol vit", description: "Klassisk vit fällstol.", priceOre: 1_800,
                    pricing: .perDay, stock: 400),
                Product(
                    sku: "STOL-CHIAV", name: "Chiavaristol guld", description: "Med sittdyna.", priceOre: 4_500,
                    pricing: .perDay, stock: 200),
                Product(
                    sku: "STOL-BAR", name: "Barstol svart", description: "Passar till ståbord.", priceOre: 3_500,
                    pricing: .perDay, stock: 60),
                Product(
                    sku: "STOL-BANK", name: "Bänkset (bord + 2 bänkar)", description: "Ölträdgårdsset.",
                    priceOre: 15_000, pricing: .perDay, stock: 50),
            ]
        ),
        (
            "Värme",
            [
                Product(
                    sku: "VARM-GAS", name: "Terrassvärmare gasol", description: "Inklusive 11 kg gasol.",
                    priceOre: 45_000, pricing: .perDay, stock: 20),
                Product(
                    sku: "VARM-EL", name: "Elvärmare 2 kW", description: "Infraröd, för tält.", priceOre: 25_000,
                    pricing: .perDay, stock: 24),
                Product(
                    sku: "VARM-DIESEL", name: "Dieselvärmare 30 kW", description: "Med slang in i tältet.",
                    priceOre: 180_000, pricing: .perDay, stock: 4),
            ]
        ),
        (
            "Belysning",
            [
                Product(
                    sku: "LJUS-SLINGA", name: "Ljusslinga 20 m", description: "Varmvita glödlampor.", priceOre: 25_000,
                    pricing: .perRental, stock: 30),
                Product(
                    sku: "LJUS-KRON", name: "Kristallkrona för tält", description: "Dimbar.", priceOre: 60_000,
                    pricing: .perRental, stock: 10),
                Product(
                    sku: "LJUS-LED", name: "LED-spot RGB", description: "DMX-styrd.", priceOre: 20_000,
                    pricing: .perDay, stock: 40),
                Product(
                    sku: "LJUS-STRAL", name: "Strålkastare 50 W", description: "Arbets- och fasadljus.",
                    priceOre: 12_000, pricing: .perDay, stock: 25),
            ]
        ),
        (
            "Ljud",
            [
                Product(
                    sku: "LJUD-PA-S", name: "PA-system litet",
                    description: "2 högtalare, mixer, 1 mikrofon; upp till 80 personer.", priceOre: 150_000,
                    pricing: .perDay, stock: 5),
                Product(
                    sku: "LJUD-PA-L", name: "PA-system stort", description: "Med subbas; upp till 300 personer.",
                    priceOre: 390_000, pricing: .perDay, stock: 2),
                Product(
                    sku: "LJUD-MIK", name: "Trådlös mikrofon", description: "Handhållen.", priceOre: 30_000,
                    pricing: .perDay, stock: 12),
                Product(
                    sku: "LJUD-BT", name: "Bluetooth-högtalare", description: "Batteridriven.", priceOre: 35_000,
                    pricing: .perDay, stock: 10),
            ]
        ),
        (
            "Scen",
            [
                Product(
                    sku: "SCEN-2x1", name: "Scenpodie 2×1 m", description: "Höjd 40–100 cm.", priceOre: 40_000,
                    pricing: .perRental, stock: 24),
                Product(
                    sku: "SCEN-TRAPPA", name: "Scentrappa", description: "Med räcke.", priceOre: 25_000,
                    pricing: .perRental, stock: 6),
                Product(
                    sku: "SCEN-KJOL", name: "Scenkjol svart per meter", description: "Kläs runt podiet.",
                    priceOre: 5_000, pricing: .perRental, stock: 60),
            ]
        ),
    ]

    static let addons: [(name: String, description: String, priceOre: Int64, pricing: LinePricing)] = [
        ("Leverans och hämtning Göteborg", "Inom 30 km från Hisingen.", 99_500, .flat),
        ("Leverans och hämtning Västra Götaland", "Över 30 km.", 249_500, .flat),
        ("Uppställning per enhet", "Vår personal ställer upp och river.", 15_000, .perUnit),
        ("Städning och disk", "Efter eventet.", 150_000, .flat),
        ("Montering tält per tält", "Tält över 6 m.", 250_000, .perUnit),
    ]

    static let customers: [(details: CustomerDetails, delivery: PostalAddress?)] = [
        (
            CustomerDetails(
                kind: .person, name: "Åsa Öberg", email: "asa.oberg@example.se", phone: "070-123 45 67",
                billingAddress: PostalAddress(line1: "Ängsvägen 3", postalCode: "433 30", city: "Partille")), nil
        ),
        (
            CustomerDetails(
                kind: .person, name: "Björn Ärlig", email: "bjorn.arlig@example.se", phone: "073-555 12 12",
                billingAddress: PostalAddress(line1: "Linnégatan 14", postalCode: "413 04", city: "Göteborg")), nil
        ),
        (
            CustomerDetails(
                kind: .company, name: "Sofia Lindström", companyName: "Västkustens Bröllop & Fest AB",
                organisationNumber: "556789-0123", vatNumber: "SE556789012301", email: "sofia@vastkustensfest.example",
                phone: "031-70 80 90",
                billingAddress: PostalAddress(line1: "Kungsportsavenyen 21", postalCode: "411 36", city: "Göteborg")),
            PostalAddress(line1: "Särö Västerskog", postalCode: "429 44", city: "Särö")
        ),
        (
            CustomerDetails(
                kind: .company, name: "Jörgen Håkansson", companyName: "Kungälvs Idrottsförening",
                organisationNumber: "802456-7896", email: "kansli@kungalvsif.example", phone: "0303-21 21 21",
                billingAddress: PostalAddress(line1: "Idrottsvägen 1", postalCode: "442 31", city: "Kungälv")), nil
        ),
        (
            CustomerDetails(
                kind: .person, name: "Lena Ström-Åkesson", email: "lena.strom@example.se", phone: "076-987 65 43",
                billingAddress: PostalAddress(line1: "Sjövägen 9", postalCode: "475 31", city: "Öckerö")), nil
        ),
        (
            CustomerDetails(
                kind: .company, name: "Mikael Berg", companyName: "Hisingens Bygg & Måleri AB",
                organisationNumber: "556001-2345", vatNumber: "SE556001234501", email: "mikael@hisingensbygg.example",
                phone: "031-55 44 33",
                billingAddress: PostalAddress(line1: "Exportgatan 47", postalCode: "422 46", city: "Hisings Backa")),
            PostalAddress(line1: "Slottsskogen, Stora dammen", postalCode: "413 08", city: "Göteborg")
        ),
        (
            CustomerDetails(
                kind: .person, name: "Göran Näslund", email: "goran.naslund@example.se", phone: "070-222 33 44",
                billingAddress: PostalAddress(line1: "Björkåsvägen 2", postalCode: "435 42", city: "Mölnlycke")), nil
        ),
        (
            CustomerDetails(
                kind: .company, name: "Ebba Fröjd", companyName: "Studentkåren Chalmers Fest",
                organisationNumber: "857209-1117", email: "fest@karen.example", phone: "031-772 39 00",
                billingAddress: PostalAddress(line1: "Chalmersplatsen 1", postalCode: "412 96", city: "Göteborg")), nil
        ),
        (
            CustomerDetails(
                kind: .person, name: "Anders Ekström", email: "anders.ekstrom@example.se",
                billingAddress: PostalAddress(line1: "Tåstorp 4", postalCode: "443 38", city: "Lerum")), nil
        ),
    ]
}

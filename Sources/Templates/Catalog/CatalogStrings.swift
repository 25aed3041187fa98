public import Domain

/// The catalog feature's strings (`strings.catalog`).
public struct CatalogStrings: FeatureStrings {
    public let language: Language

    init(_ language: Language) { self.language = language }

    // MARK: Products list

    var productsTitle: String { t("Produkter", "Products") }
    var newProduct: String { t("Ny produkt", "New product") }
    var productSearchLabel: String { t("Sök artikelkod eller namn", "Search SKU or name") }
    var productShowInactive: String { t("Visa inaktiva", "Show inactive") }
    var productNone: String { t("Inga produkter hittades.", "No products found.") }
    var productColumnSKU: String { t("Artikelkod", "SKU") }
    var productColumnName: String { t("Namn", "Name") }
    var productColumnCategory: String { t("Kategori", "Category") }
    var productColumnPrice: String { t("Pris exkl. moms", "Price excl. VAT") }
    var productColumnStock: String { t("I lager", "In stock") }

    // MARK: Product form

    var productEditTitle: String { t("Ändra produkt", "Edit product") }
    var productSKU: String { t("Artikelkod", "SKU") }
    var productSKUHint: String {
        t("Unik, utan mellanslag, till exempel TALT-4x8.", "Unique, without spaces, such as TALT-4x8.")
    }
    public var productSKUTaken: String {
        t("Artikelkoden används redan av en annan produkt.", "This SKU is already used by another product.")
    }
    var productName: String { t("Namn", "Name") }
    var productCategory: String { t("Kategori", "Category") }
    var productNoCategory: String { t("Ingen kategori", "No category") }
    var productPrice: String { t("Pris exkl. moms (kr)", "Price excl. VAT (SEK)") }
    var productPriceHint: String { t("Till exempel 1 250 eller 1 250,50.", "For example 1250 or 1,250.50.") }
    var productPricing: String { t("Prissättning", "Pricing") }
    var productStock: String { t("Antal i lager", "Units in stock") }
    var productCapacity: String { t("Personer per enhet", "People per unit") }
    var productCapacityHint: String {
        t(
            "Hur många en enhet räcker till (en stol 1, ett bord 8, ett tält dess sittande gäster). Inkorgen läser \"tält för 100 personer\" och \"stolar till alla\" med den.",
            "How many people one unit serves (a chair 1, a table 8, a tent its seated guests). The inbox reads \"a tent for 100 people\" and \"chairs for everyone\" by it."
        )
    }
    var productSynonyms: String { t("Ord kunder använder", "Words customers use") }
    var productSynonymsHint: String {
        t(
            "Kommaseparerade: partytält, tält 4x8, marquee. Inkorgen känner igen produkten i e-post med dem (även böjningar och små stavfel).",
            "Comma-separated: partytält, tält 4x8, marquee. The inbox recognises the product in email by them (inflections and small typos too)."
        )
    }
    var productDescription: String { t("Beskrivning", "Description") }
    var productDescriptionHint: String {
        t(
            "HTML tillåts: stycken, listor, fetstil, kursiv och länkar. Skript och formatering som inte är tillåten tas bort när du sparar.",
            "HTML is allowed: paragraphs, lists, bold, italics and links. Scripts and anything else not allowed are removed when you save."
        )
    }
    public var productDescriptionUnreadable: String {
        t(
            "Beskrivningen kunde inte läsas som HTML eller är för lång.",
            "The description could not be read as HTML or is too long.")
    }
    var productSave: String { t("Spara produkt", "Save product") }

    // MARK: Product detail

    var productDeactivate: String { t("Inaktivera", "Deactivate") }
    var productReactivate: String { t("Aktivera igen", "Reactivate") }
    var productInactiveNote: String {
        t(
            "Produkten är inaktiv: den visas inte i listor och kan inte läggas till i nya offerter.",
            "This product is inactive: hidden from lists and not offered for new quotations.")
    }
    var productNoDescription: String { t("Ingen beskrivning.", "No description.") }
    var productUpdated: String { t("Senast ändrad", "Last changed") }
    var productStockHeading: String { t("Lagersaldo", "Stock level") }
    var productStockSave: String { t("Spara lagersaldo", "Save stock level") }
    var availabilityHeading: String { t("Tillgänglighet", "Availability") }
    var availabilityFrom: String { t("Från", "From") }
    var availabilityTo: String { t("Till", "To") }
    func availabilityLegend(maximumDays: Int) -> String {
        t(
            "Reserverat mot lager per dag, från bokningar som är bekräftade, packade eller levererade. Högst \(maximumDays) dagar.",
            "Reserved against stock per day, from bookings that are confirmed, packed or delivered. At most \(maximumDays) days."
        )
    }
    func availabilityFreeAll(_ units: Int) -> String {
        t("\(units) st lediga under hela perioden.", "\(units) units free for the whole period.")
    }
    func availabilityShortDays(_ days: Int) -> String {
        t(
            "Brist \(days) \(days == 1 ? "dag" : "dagar"): fler reserverade än i lager.",
            "Short on \(days) \(days == 1 ? "day" : "days"): more reserved than in stock.")
    }
    func availabilityDay(reserved: Int, stock: Int) -> String {
        t("\(reserved) av \(stock) reserverade", "\(reserved) of \(stock) reserved")
    }
    func availabilityFree(_ units: Int) -> String { t("\(units) lediga", "\(units) free") }
    func availabilityShort(_ units: Int) -> String { t("Brist \(units)", "Short \(units)") }
    var availabilityBookingsHeading: String { t("Bokningar som håller produkten", "Bookings holding this product") }
    var availabilityNoBookings: String { t("Inga bokningar under perioden.", "No bookings in this period.") }
    var availabilityColumnBooking: String { t("Bokning", "Booking") }
    var availabilityColumnCustomer: String { t("Kund", "Customer") }
    var availabilityColumnQuantity: String { t("Antal", "Quantity") }

    func weekdayShort(_ isoWeekday: Int) -> String {
        let sv = ["mån", "tis", "ons", "tor", "fre", "lör", "sön"]
        let en = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let index = max(1, min(7, isoWeekday)) - 1
        return t(sv[index], en[index])
    }

    func monthShort(_ month: Int) -> String {
        let sv = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
        let en = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let index = max(1, min(12, month)) - 1
        return t(sv[index], en[index])
    }

    // MARK: Add-ons

    var addonsTitle: String { t("Tillval", "Add-ons") }
    var newAddon: String { t("Nytt tillval", "New add-on") }
    var addonEditTitle: String { t("Ändra tillval", "Edit add-on") }
    var addonSearchLabel: String { t("Sök namn", "Search name") }
    var addonNone: String { t("Inga tillval hittades.", "No add-ons found.") }
    var addonName: String { t("Namn", "Name") }
    var addonDescription: String { t("Beskrivning", "Description") }
    var addonPrice: String { t("Pris exkl. moms (kr)", "Price excl. VAT (SEK)") }
    var addonPricing: String { t("Prissättning", "Pricing") }
    var addonProduct: String { t("Hör till produkt", "Belongs to product") }
    var addonAnyProduct: String { t("Alla produkter", "Any product") }
    var addonProductHint: String {
        t(
            "Välj en produkt om tillvalet bara erbjuds med den, till exempel montering av ett visst tält.",
            "Choose a product when the add-on is offered only with it, such as setting up a particular tent.")
    }
    var addonSave: String { t("Spara tillval", "Save add-on") }
    var addonInactiveNote: String {
        t(
            "Tillvalet är inaktivt: det visas inte i listan och kan inte läggas till i nya offerter.",
            "This add-on is inactive: hidden from the list and not offered for new quotations.")
    }
}

extension Strings {
    /// The catalog feature's strings.
    public var catalog: CatalogStrings { CatalogStrings(language) }
}

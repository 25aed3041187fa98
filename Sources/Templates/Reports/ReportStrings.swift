public import Domain

/// The reports' strings (`strings.reports`).
public struct ReportStrings: FeatureStrings {
    public let language: Language

    init(_ language: Language) { self.language = language }

    var title: String { t("Rapporter", "Reports") }
    var lead: String {
        t(
            "Siffror ur utfärdade fakturor, kreditfakturor, betalningar, bokningar och offerter. Varje rapport har ett diagram, dess tabell och en CSV-fil för Excel.",
            "Figures from issued invoices, credit notes, payments, bookings and quotations. Each report has a chart, its table and a CSV file for Excel."
        )
    }
    func name(_ kind: ReportKind) -> String {
        switch kind {
        case .revenue: t("Intäkter per månad", "Revenue by month")
        case .utilisation: t("Beläggning per produkt", "Product utilisation")
        case .receivables: t("Kundfordringar efter ålder", "Receivables by age")
        case .customers: t("Största kunderna", "Top customers")
        case .conversion: t("Offerter som signeras", "Quotation conversion")
        }
    }
    func about(_ kind: ReportKind) -> String {
        switch kind {
        case .revenue:
            t(
                "Fakturerat exkl. moms per månad och produktkategori; kreditfakturor dras av.",
                "Invoiced excluding VAT by month and product category; credit notes subtract.")
        case .utilisation:
            t(
                "Dagar uthyrda mot dagar tillgängliga (lager × dagar) per produkt.",
                "Days on hire against days available (stock × days) per product.")
        case .receivables:
            t(
                "Vad kunderna är skyldiga, efter dagar efter förfallodagen.",
                "What customers owe, by days past the due date.")
        case .customers:
            t(
                "Kunderna som fakturerats mest exkl. moms under perioden, netto efter kreditfakturor.",
                "The customers invoiced the most excluding VAT in the period, net of credit notes.")
        case .conversion:
            t(
                "Hur många skickade offerter som signerats, och hur lång tid det tog.",
                "How many sent quotations were signed, and how long it took.")
        }
    }
    var from: String { t("Från", "From") }
    var to: String { t("Till", "To") }
    var asOf: String { t("Per dag", "As of") }
    var show: String { t("Visa", "Show") }
    var lastTwelveMonths: String { t("Senaste 12 månaderna", "Last 12 months") }
    var downloadCSV: String { t("Ladda ner CSV", "Download CSV") }
    var csvNote: String {
        t(
            "CSV för Excel: semikolon mellan fälten, decimalkomma, UTF-8.",
            "CSV for Excel in Swedish: semicolons between fields, decimal comma, UTF-8.")
    }
    func periodText(_ period: ReportPeriod) -> String { "\(period.from.iso) – \(period.to.iso)" }
    var allReports: String { t("Alla rapporter", "All reports") }

    func month(_ key: String) -> String {
        let parts = key.split(separator: "-")
        guard parts.count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return key }
        let sv = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
        let en = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\((language == .sv ? sv : en)[month - 1]) \(parts[0])"
    }

    // Revenue
    var month: String { t("Månad", "Month") }
    var category: String { t("Kategori", "Category") }
    var noCategory: String { t("Övrigt (frakt, fria rader)", "Other (shipping, free lines)") }
    var netExclVAT: String { t("Netto exkl. moms", "Net excl. VAT") }
    func revenueSummary(_ total: String, months: Int) -> String {
        t(
            "Staplade staplar per månad och kategori, \(months) månader, sammanlagt \(total) exkl. moms.",
            "Stacked bars by month and category over \(months) months, \(total) excluding VAT in all.")
    }

    // Utilisation
    var product: String { t("Produkt", "Product") }
    var stock: String { t("Lager", "Stock") }
    var daysOnHire: String { t("Dagar uthyrda", "Days on hire") }
    var daysAvailable: String { t("Dagar tillgängliga", "Days available") }
    var utilisation: String { t("Beläggning", "Utilisation") }
    func utilisationSummary(_ shown: Int, busiest: String?) -> String {
        t(
            "Staplar för de \(shown) mest uthyrda produkterna i procent av tillgängliga dagar"
                + (busiest.map { "; mest: \($0)." } ?? "."),
            "Bars for the \(shown) busiest products as a percentage of the days available"
                + (busiest.map { "; busiest: \($0)." } ?? "."))
    }

    // Receivables
    var invoice: String { t("Faktura", "Invoice") }
    var customer: String { t("Kund", "Customer") }
    var dueDate: String { t("Förfallodatum", "Due date") }
    var daysPastDue: String { t("Dagar efter förfallodag", "Days past due") }
    var age: String { t("Ålder", "Age") }
    var outstanding: String { t("Att få in", "Outstanding") }
    var openInvoices: String { t("Obetalda fakturor", "Unpaid invoices") }
    var noOpenInvoices: String { t("Inga obetalda fakturor.", "No unpaid invoices.") }
    var totalOutstanding: String { t("Totalt att få in", "Total outstanding") }
    var overdue: String { t("Varav förfallet", "Of which overdue") }
    var invoices: String { t("Fakturor", "Invoices") }
    func ageName(_ age: ReceivablesReport.Age) -> String {
        switch age {
        case .notDue: t("Ej förfallet", "Not yet due")
        case .days0To30: t("0–30 dagar", "0–30 days")
        case .days31To60: t("31–60 dagar", "31–60 days")
        case .days61To90: t("61–90 dagar", "61–90 days")
        case .over90: t("Över 90 dagar", "Over 90 days")
        }
    }
    func receivablesSummary(_ total: String, overdue: String, count: Int) -> String {
        t(
            "Staplar per ålder: \(count) obetalda fakturor, \(total) att få in, varav \(overdue) förfallet.",
            "Bars by age: \(count) unpaid invoices, \(total) outstanding, \(overdue) of it overdue.")
    }

    // Top customers
    func customersSummary(_ count: Int, top: String?) -> String {
        t(
            "Staplar för de \(count) kunder som fakturerats mest exkl. moms" + (top.map { "; störst: \($0)." } ?? "."),
            "Bars for the \(count) customers invoiced the most excluding VAT" + (top.map { "; largest: \($0)." } ?? ".")
        )
    }

    // Conversion
    var sent: String { t("Skickade", "Sent") }
    var signed: String { t("Signerade", "Signed") }
    var rate: String { t("Andel signerade", "Signed rate") }
    var medianDays: String { t("Median dagar till signering", "Median days to sign") }
    var meanDays: String { t("Medel dagar till signering", "Mean days to sign") }
    var ratePerMonth: String { t("Andel signerade per månad", "Signed rate by month") }
    var sentAndSigned: String { t("Skickade och signerade per månad", "Sent and signed by month") }
    var conversionNote: String {
        t(
            "Offerter räknas i den månad de först skickades; signerade när som helst därefter.",
            "Quotations count in the month they were first sent; signed at any time since.")
    }
    func conversionSummary(sent: Int, signed: Int, rate: String) -> String {
        t(
            "\(sent) offerter skickade och \(signed) signerade under perioden (\(rate)).",
            "\(sent) quotations sent and \(signed) signed in the period (\(rate)).")
    }
    var none: String { t("–", "–") }

    // Dashboard tiles
    var receivablesTile: String { t("Kundfordringar", "Receivables") }
    var conversionTile: String { t("Signerade offerter, 90 dagar", "Quotations signed, 90 days") }
    func conversionTileText(sent: Int, signed: Int) -> String {
        t("\(signed) av \(sent) skickade offerter", "\(signed) of \(sent) quotations sent")
    }
    var openReport: String { t("Visa rapporten", "Open the report") }
}

extension Strings {
    /// The reports' strings.
    public var reports: ReportStrings { ReportStrings(language) }
}

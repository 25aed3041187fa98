public import Domain

/// Saved reports' strings (`strings.savedReports`): the list, the builder, the report's page and
/// why a definition was refused.
public struct SavedReportStrings: FeatureStrings {
    public let language: Language

    init(_ language: Language) { self.language = language }

    var title: String { t("Sparade rapporter", "Saved reports") }
    var lead: String {
        t(
            "Rapporter byggda av en administratör: välj vad som ska läsas, filtrera, gruppera och summera. Varje rapport visas för de roller den delas med.",
            "Reports built by an admin: pick what to read, filter, group and sum. Each report is shown to the roles it is shared with."
        )
    }
    var empty: String { t("Inga sparade rapporter som du kan se än.", "No saved reports you can see yet.") }
    var newReport: String { t("Ny rapport", "New report") }
    var name: String { t("Namn", "Name") }
    var entity: String { t("Läser", "Reads") }
    var changeEntity: String { t("Byt", "Change") }
    var sharedWith: String { t("Delas med", "Shared with") }
    var adminsOnly: String { t("bara administratörer", "admins only") }
    var updated: String { t("Ändrad", "Updated") }
    var owner: String { t("Skapad av", "Made by") }
    var columns: String { t("Kolumner", "Columns") }
    var columnsHint: String {
        t("Visas när rapporten inte grupperas.", "Shown when the report is not grouped.")
    }
    var filters: String { t("Filter", "Filters") }
    var filtersHint: String {
        t(
            "Alla filter ska gälla. \"En av\" tar en kommaseparerad lista; \"mellan\" tar båda gränserna.",
            "Every filter must hold. \"One of\" takes a comma-separated list; \"between\" takes both ends."
        )
    }
    var noFilters: String { t("Inga filter: alla rader.", "No filters: every row.") }
    var addFilter: String { t("+ Filter", "+ Filter") }
    var removeFilter: String { t("Ta bort", "Remove") }
    var column: String { t("Kolumn", "Column") }
    var operatorName: String { t("Jämförelse", "Comparison") }
    var value: String { t("Värde", "Value") }
    var value2: String { t("och", "and") }
    var grouping: String { t("Gruppering", "Grouping") }
    var groupingHint: String {
        t(
            "Grupperas rapporten visas en rad per grupp med måtten nedan; datum grupperas per dag, vecka, månad eller år.",
            "A grouped report shows a row per group with the measures below; dates group by day, week, month or year."
        )
    }
    func groupLabel(_ index: Int) -> String { index == 0 ? t("Gruppera efter", "Group by") : t("och sedan", "then by") }
    var noGroup: String { t("Ingen", "None") }
    var period: String { t("Per", "By") }
    var measures: String { t("Mått", "Measures") }
    var sort: String { t("Sortera efter", "Sort by") }
    var defaultSort: String { t("Standard", "Default") }
    var ascending: String { t("Stigande", "Ascending") }
    var descending: String { t("Fallande", "Descending") }
    var direction: String { t("Ordning", "Order") }
    var limit: String { t("Högst antal rader", "At most this many rows") }
    var chart: String { t("Diagram", "Chart") }
    func chartName(_ kind: ReportDefinition.ChartKind) -> String {
        switch kind {
        case .none: t("Inget", "None")
        case .bar: t("Stapeldiagram", "Bar chart")
        case .line: t("Linjediagram", "Line chart")
        }
    }
    var chartHint: String { t("Ritas för grupperade rapporter.", "Drawn for grouped reports.") }
    var preview: String { t("Förhandsgranska", "Preview") }
    var previewHeading: String { t("Förhandsgranskning (inte sparad)", "Preview (not saved)") }
    var save: String { t("Spara", "Save") }
    var edit: String { t("Ändra", "Edit") }
    var delete: String { t("Ta bort", "Delete") }
    var downloadCSV: String { t("Ladda ner CSV", "Download CSV") }
    var back: String { t("Alla sparade rapporter", "All saved reports") }
    var noRows: String { t("Inga rader.", "No rows.") }
    var emptyValue: String { t("(tom)", "(empty)") }
    var yes: String { t("Ja", "Yes") }
    var no: String { t("Nej", "No") }
    func rowCount(_ count: Int, limit: Int) -> String {
        count >= limit
            ? t("\(count) rader (gränsen nådd)", "\(count) rows (the limit was reached)")
            : t("\(count) rader", "\(count) rows")
    }
    var brokenDefinition: String {
        t(
            "Rapporten kan inte köras som den är sparad; en administratör behöver ändra den.",
            "The report cannot run as saved; an admin needs to change it."
        )
    }

    func roleName(_ role: StaffRole) -> String {
        switch role {
        case .admin: t("Administratör", "Admin")
        case .manager: t("Chef", "Manager")
        case .warehouse: t("Lager", "Warehouse")
        case .support: t("Support", "Support")
        }
    }

    func operatorLabel(_ op: ReportOperator) -> String {
        switch op {
        case .equals: t("är", "equals")
        case .differs: t("är inte", "differs from")
        case .contains: t("innehåller", "contains")
        case .greater: t("större/senare än", "greater/later than")
        case .less: t("mindre/tidigare än", "less/earlier than")
        case .between: t("mellan", "between")
        case .in: t("en av", "one of")
        case .empty: t("är tom", "is empty")
        case .notEmpty: t("är inte tom", "is not empty")
        }
    }

    func typeName(_ type: ReportColumnType) -> String {
        switch type {
        case .text: t("text", "text")
        case .choice: t("ett av de tillåtna värdena", "one of the allowed values")
        case .number: t("ett tal", "a number")
        case .money: t("ett belopp", "an amount")
        case .date: t("ett datum (ÅÅÅÅ-MM-DD)", "a date (YYYY-MM-DD)")
        case .bool: t("ja eller nej", "yes or no")
        }
    }

    /// Why a definition, name or sharing was refused, in words.
    public func refusal(_ refusal: SavedReportRefusal) -> String {
        switch refusal {
        case .nameMissing: t("Ge rapporten ett namn.", "Give the report a name.")
        case .nameTooLong(let maximum):
            t("Namnet får vara högst \(maximum) tecken.", "The name may be at most \(maximum) characters.")
        case .nameHasControlCharacters:
            t("Namnet får inte innehålla radbrytningar eller tabbar.", "The name may not contain line breaks or tabs.")
        case .nameTaken(let name):
            t("Det finns redan en rapport som heter \"\(name)\".", "There is already a report called \"\(name)\".")
        case .definitionUnreadable:
            t("Rapportens definition går inte att läsa.", "The report's definition cannot be read.")
        case .unknownEntity(let key): t("Okänd datakälla \"\(key)\".", "Unknown source \"\(key)\".")
        case .unknownColumn(let key): t("Okänd kolumn \"\(key)\".", "Unknown column \"\(key)\".")
        case .noColumns:
            t("Välj minst en kolumn, eller gruppera rapporten.", "Pick at least one column, or group the report.")
        case .tooManyColumns(let maximum): t("Högst \(maximum) kolumner.", "At most \(maximum) columns.")
        case .operatorNotAllowed(let op, let column):
            t(
                "Jämförelsen \"\(op)\" går inte att använda för kolumnen \"\(column)\".",
                "The comparison \"\(op)\" cannot be used on the column \"\(column)\".")
        case .badValue(let column, let value, let expected):
            t(
                "\"\(value)\" är inte \(typeName(expected)) för kolumnen \"\(column)\".",
                "\"\(value)\" is not \(typeName(expected)) for the column \"\(column)\".")
        case .tooManyValues(let column, let maximum):
            t(
                "Högst \(maximum) värden i listan för \"\(column)\".",
                "At most \(maximum) values in the list for \"\(column)\".")
        case .tooManyFilters(let maximum): t("Högst \(maximum) filter.", "At most \(maximum) filters.")
        case .tooManyGroups(let maximum): t("Högst \(maximum) grupperingar.", "At most \(maximum) groupings.")
        case .badGrouping(let column, let by):
            t("\"\(column)\" går inte att gruppera per \"\(by)\".", "\"\(column)\" cannot be grouped by \"\(by)\".")
        case .badMeasure(let key): t("Okänt mått \"\(key)\".", "Unknown measure \"\(key)\".")
        case .noMeasures:
            t("Välj minst ett mått för en grupperad rapport.", "Pick at least one measure for a grouped report.")
        case .tooManyMeasures(let maximum): t("Högst \(maximum) mått.", "At most \(maximum) measures.")
        case .unknownSort(let key):
            t(
                "Rapporten kan inte sorteras efter \"\(key)\": välj en visad kolumn eller ett mått.",
                "The report cannot be sorted by \"\(key)\": pick a shown column or a measure.")
        case .limitOutOfRange(let maximum):
            t("Antal rader ska vara mellan 1 och \(maximum).", "The number of rows must be between 1 and \(maximum).")
        case .unknownRole(let role): t("Okänd roll \"\(role)\".", "Unknown role \"\(role)\".")
        case .reportNotFound: t("Rapporten finns inte längre.", "The report no longer exists.")
        }
    }
}

extension Strings {
    /// Saved reports' strings.
    public var savedReports: SavedReportStrings { SavedReportStrings(language) }
}

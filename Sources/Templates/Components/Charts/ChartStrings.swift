public import Domain

/// The charts' own words (`strings.charts`), shared by every page that draws one.
public struct ChartStrings: FeatureStrings {
    public let language: Language

    init(_ language: Language) { self.language = language }

    var showTable: String { t("Visa siffrorna som tabell", "Show the figures as a table") }
    var total: String { t("Summa", "Total") }
    func noData(_ title: String) -> String {
        t(
            "Inga uppgifter att visa för \(title.lowercased()) under perioden.",
            "No data for \(title.lowercased()) in the period.")
    }
}

extension Strings {
    /// The charts' strings.
    public var charts: ChartStrings { ChartStrings(language) }
}

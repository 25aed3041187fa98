public import Domain

/// Reports (issue 12): for those who read invoices (Admin, Manager, Support); the warehouse sees
/// neither invoices nor revenue. Every report is a page and the same figures as a CSV file.
public enum ReportsRoute: Hashable, Sendable {
    /// `/admin/reports` — the five reports, each with a line on what it shows.
    case index
    /// `/admin/reports/{report}?from=&to=` — the chart, its data table and the CSV link.
    case show(ReportKind, ReportQuery)
    /// `/admin/reports/{report}.csv?from=&to=` — the same figures as a file.
    case csv(ReportKind, ReportQuery)
    /// `/admin/reports/saved…` — reports built and saved by admins, shared with roles.
    case saved(SavedReportsRoute)
}

/// A report's period as the GET form sends it (ISO dates); what is missing falls back to the last
/// twelve months (`ReportPeriod.reading`).
public struct ReportQuery: RouteQuery {
    public var from: String?
    public var to: String?

    public init(from: String? = nil, to: String? = nil) {
        self.from = nonEmpty(from)
        self.to = nonEmpty(to)
    }

    public init(reading query: (String) -> String?) {
        self.init(from: query("from"), to: query("to"))
    }

    /// The query of a period the page settled on, for links that keep it.
    public init(_ period: ReportPeriod) {
        self.init(from: period.from.iso, to: period.to.iso)
    }

    public var items: [String: String] { ["from": from ?? "", "to": to ?? ""] }
}

extension ReportsRoute: FeatureRoute {
    public var endpoint: Endpoint<ReportsRoute> {
        switch self {
        case .index: Endpoint(.get, ["admin", "reports"], access: .quotationReaders) { _ in .index }
        case .show(let report, let query):
            Endpoint(
                .get, ["admin", "reports", .literal(report.rawValue)], query: query.items, access: .quotationReaders
            ) { c in .show(report, ReportQuery(reading: c.query)) }
        case .csv(let report, let query):
            Endpoint(
                .get, ["admin", "reports", .literal(report.rawValue + ".csv")], query: query.items,
                access: .quotationReaders
            ) { c in .csv(report, ReportQuery(reading: c.query)) }
        case .saved(let route): route.endpoint.map(ReportsRoute.saved)
        }
    }

    public static let samples: [ReportsRoute] =
        [.index] + ReportKind.allCases.map { .show($0, ReportQuery()) }
        + ReportKind.allCases.map { .csv($0, ReportQuery()) } + SavedReportsRoute.samples.map(ReportsRoute.saved)
}

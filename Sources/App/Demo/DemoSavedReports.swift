import Database
import Domain
import UseCases

/// The demo's saved reports, saved through the same use case as the builder and shared with
/// Managers: bookings per start month (count and sum of totals, a bar chart) and quotations per
/// state (count and sum).
enum DemoSavedReports {
    static let reports: [(name: String, definition: ReportDefinition)] = [
        (
            "Bokningar per månad",
            ReportDefinition(
                entity: "bookings", groups: [.init(column: "period_start", by: "month")],
                measures: [.count, .init(fn: "sum", column: "total")], chart: .bar)
        ),
        (
            "Offerter per status",
            ReportDefinition(
                entity: "quotations", groups: [.init(column: "state")],
                measures: [.count, .init(fn: "sum", column: "total")], sort: .init(key: "count", descending: true),
                chart: .bar)
        ),
    ]

    static func seed(_ tx: Connection, actor: AuditActor) throws {
        for report in reports {
            let outcome = try SaveReport.run(
                tx, .create(name: report.name, definition: report.definition, shared: [.manager]),
                catalog: .builtIn, actor: actor)
            guard case .done = outcome else { throw DemoSavedReportsError(name: report.name, outcome: outcome) }
        }
    }
}

struct DemoSavedReportsError: Error, CustomStringConvertible {
    let name: String
    let outcome: SaveReport.Outcome
    var description: String { "demo saved report \(name) refused: \(outcome)" }
}

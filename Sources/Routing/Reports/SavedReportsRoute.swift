public import Domain

/// Saved reports: every staff member opens the list, a report's page and its CSV file, and sees
/// the reports shared with their role (an admin sees them all; a report not shared with the role
/// answers 404). Only admins build, change, share and delete reports.
public enum SavedReportsRoute: Hashable, Sendable {
    /// `/admin/reports/saved` — the reports the member's role may see.
    case list
    /// `/admin/reports/saved/new?entity=` — the builder for a new report.
    case new(entity: String?)
    /// `POST /admin/reports/saved` — save a new report, or a builder button (add a filter, preview).
    case create
    /// `/admin/reports/saved/{id}` — the table and the chart.
    case show(SavedReportID)
    /// `/admin/reports/saved/{id}/export.csv` — the table as a CSV file.
    case csv(SavedReportID)
    /// `/admin/reports/saved/{id}/edit` — the builder with the saved definition.
    case edit(SavedReportID)
    /// `POST /admin/reports/saved/{id}` — save the changed report, or a builder button.
    case update(SavedReportID)
    /// `POST /admin/reports/saved/{id}/delete`.
    case delete(SavedReportID)
}

extension SavedReportsRoute: FeatureRoute {
    public var endpoint: Endpoint<SavedReportsRoute> {
        let base: [PathPart] = ["admin", "reports", "saved"]
        switch self {
        case .list: return Endpoint(.get, base, access: .everyone) { _ in .list }
        case .new(let entity):
            return Endpoint(.get, base + ["new"], query: ["entity": entity ?? ""], access: .adminOnly) { c in
                .new(entity: nonEmpty(c.query("entity")))
            }
        case .create: return Endpoint(.post, base, access: .adminOnly) { _ in .create }
        case .show(let id):
            return Endpoint(.get, base + [.id(id.rawValue)], access: .everyone) { c in
                .show(SavedReportID(rawValue: c.ids[0]))
            }
        case .csv(let id):
            return Endpoint(.get, base + [.id(id.rawValue), "export.csv"], access: .everyone) { c in
                .csv(SavedReportID(rawValue: c.ids[0]))
            }
        case .edit(let id):
            return Endpoint(.get, base + [.id(id.rawValue), "edit"], access: .adminOnly) { c in
                .edit(SavedReportID(rawValue: c.ids[0]))
            }
        case .update(let id):
            return Endpoint(.post, base + [.id(id.rawValue)], access: .adminOnly) { c in
                .update(SavedReportID(rawValue: c.ids[0]))
            }
        case .delete(let id):
            return Endpoint(.post, base + [.id(id.rawValue), "delete"], access: .adminOnly) { c in
                .delete(SavedReportID(rawValue: c.ids[0]))
            }
        }
    }

    public static let samples: [SavedReportsRoute] = [
        .list, .new(entity: nil), .new(entity: "bookings"), .create, .show(SavedReportID(rawValue: 1)),
        .csv(SavedReportID(rawValue: 1)), .edit(SavedReportID(rawValue: 1)), .update(SavedReportID(rawValue: 1)),
        .delete(SavedReportID(rawValue: 1)),
    ]
}

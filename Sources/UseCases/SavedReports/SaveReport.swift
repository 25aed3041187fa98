public import Database
public import Domain
import Foundation

/// An admin creates, changes or deletes a saved report: the name and sharing checked, the
/// definition checked against the whitelist by the Domain decoder (the same check that builds its
/// statement), then written with its audit row (its `saved_report.*` event) — one transaction.
public enum SaveReport {
    public enum Outcome: Sendable, Equatable {
        /// Written; `id` is the new report's for a creation.
        case done(id: Int64?)
        case refused(SavedReportRefusal)
    }

    /// - Throws: `DatabaseError` other than the name's uniqueness.
    public static func run(
        _ connection: Connection, _ change: SavedReportChange, catalog: ReportCatalog, actor: AuditActor
    ) throws -> Outcome {
        let checked: SavedReportChange
        do {
            checked = try check(change, catalog: catalog)
        } catch {
            return .refused(error)
        }
        do {
            return try connection.transaction { tx in
                if case .update(let id, _, _, _) = checked, try SavedReportStore.find(tx, id: id) == nil {
                    return .refused(.reportNotFound)
                }
                if case .delete(let id) = checked, try SavedReportStore.find(tx, id: id) == nil {
                    return .refused(.reportNotFound)
                }
                return .done(id: try SavedReportStore.apply(tx, checked, actor: actor))
            }
        } catch let error as DatabaseError {
            guard case .uniqueViolation("saved_reports_name_key") = error.kind else { throw error }
            return .refused(.nameTaken(name(of: change) ?? ""))
        }
    }

    /// The change with its name trimmed, after the definition was decoded and checked.
    static func check(
        _ change: SavedReportChange, catalog: ReportCatalog
    ) throws(SavedReportRefusal) -> SavedReportChange {
        switch change {
        case .create(let name, let definition, let shared):
            let name = try SavedReportRules.name(name)
            return .create(
                name: name, definition: try ReportDefinition.decode(definition.json, catalog: catalog), shared: shared)
        case .update(let id, let name, let definition, let shared):
            let name = try SavedReportRules.name(name)
            return .update(
                id, name: name, definition: try ReportDefinition.decode(definition.json, catalog: catalog),
                shared: shared)
        case .delete: return change
        }
    }

    static func name(of change: SavedReportChange) -> String? {
        switch change {
        case .create(let name, _, _), .update(_, let name, _, _): name.trimmingCharacters(in: .whitespaces)
        case .delete: nil
        }
    }
}

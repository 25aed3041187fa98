public import Domain
import Foundation

/// Saved reports' SQL: the stored reports (every write with its audit row, which becomes a
/// `saved_report.*` event) and running a report's statement. The statement comes from
/// `ReportQueryBuilder`: its text is the builder's (the entities' expressions written in code), its
/// values are bound here as parameters, never spliced.
public enum SavedReportStore {
    static let columns = """
        SELECT r.id, r.name, r.entity, r.definition::text AS definition, array_to_string(r.shared_roles, ',') AS shared_roles,
               u.name AS owner_name, r.updated_at
          FROM saved_reports r LEFT JOIN users u ON u.id = r.owner_id
        """

    /// Every saved report, by name (the caller shows each role the ones it may see).
    public static func list(_ connection: Connection) throws -> [SavedReport] {
        try connection.query(Query(unsafeSQL: columns + " ORDER BY lower(r.name), r.id")).map(report)
    }

    public static func find(_ connection: Connection, id: SavedReportID) throws -> SavedReport? {
        try connection.query(Query(unsafeSQL: columns) + " WHERE r.id = \(id.rawValue)").first.map(report)
    }

    /// A stored report. Its definition is read as stored; whether it still fits the whitelist is
    /// checked when it is run (a column may have gone since).
    static func report(_ row: Row) throws -> SavedReport {
        let json: String = try row.decode("definition")
        let entity: String = try row.decode("entity")
        let definition =
            (try? JSONDecoder().decode(ReportDefinition.self, from: Data(json.utf8)))
            ?? ReportDefinition(entity: entity)
        let roles: String = try row.decode("shared_roles")
        return SavedReport(
            id: SavedReportID(rawValue: try row.decode("id")), name: try row.decode("name"), definition: definition,
            sharedRoles: Set(roles.split(separator: ",").compactMap { StaffRole(rawValue: String($0)) }),
            ownerName: try row.decode("owner_name"), updatedAt: try row.decode("updated_at"))
    }

    /// Writes `change` (already checked by the use case) with its audit row; the new report's id
    /// for a creation.
    @discardableResult
    public static func apply(_ tx: Connection, _ change: SavedReportChange, actor: AuditActor) throws -> Int64? {
        switch change {
        case .create(let name, let definition, let shared):
            let id: Int64 = try tx.query(
                """
                INSERT INTO saved_reports (name, entity, definition, shared_roles, owner_id)
                VALUES (\(name), \(definition.entity), \(definition.json)::jsonb, \(PostgresArray(roleNames(shared).map(Optional.some)))::text[],
                        \(actor.userID?.rawValue))
                RETURNING id
                """)[0].decode("id")
            try AuditStore.record(
                tx, actor: actor, entity: "saved_report", entityID: id, action: "created",
                after: fields(name, definition, shared))
            return id
        case .update(let id, let name, let definition, let shared):
            guard let current = try find(tx, id: id) else { return nil }
            let before = fields(current.name, current.definition, current.sharedRoles)
            guard let diff = AuditStore.changes(from: before, to: fields(name, definition, shared)) else { return nil }
            try tx.execute(
                """
                UPDATE saved_reports SET name = \(name), entity = \(definition.entity), definition = \(definition.json)::jsonb,
                       shared_roles = \(PostgresArray(roleNames(shared).map(Optional.some)))::text[]
                 WHERE id = \(id.rawValue)
                """)
            try AuditStore.record(
                tx, actor: actor, entity: "saved_report", entityID: id.rawValue, action: "updated", before: diff.before,
                after: diff.after)
            return nil
        case .delete(let id):
            guard let current = try find(tx, id: id) else { return nil }
            try tx.execute("DELETE FROM saved_reports WHERE id = \(id.rawValue)")
            try AuditStore.record(
                tx, actor: actor, entity: "saved_report", entityID: id.rawValue, action: "deleted",
                before: fields(current.name, current.definition, current.sharedRoles))
            return nil
        }
    }

    static func roleNames(_ roles: Set<StaffRole>) -> [String] {
        StaffRole.allCases.filter(roles.contains).map(\.rawValue)
    }

    /// A report as its audit row shows it.
    static func fields(_ name: String, _ definition: ReportDefinition, _ shared: Set<StaffRole>) -> [String: String] {
        [
            "name": name, "entity": definition.entity, "definition": definition.json,
            "shared_roles": roleNames(shared).joined(separator: ","),
        ]
    }

    /// Runs a report's statement read-only, with a time limit, and reads each cell as its column's kind.
    /// - Throws: `DatabaseError` (a statement that ran past `timeout` is cancelled by the server).
    public static func run(
        _ connection: Connection, _ statement: ReportStatement, timeout: String = "15s"
    ) throws -> ReportTable {
        var query = Query(unsafeSQL: statement.pieces[0])
        for (index, parameter) in statement.parameters.enumerated() {
            switch parameter {
            case .text(let text): query += "\(text)"
            case .integer(let value): query += "\(value)"
            case .bool(let value): query += "\(value)"
            }
            // The builder's own text between placeholders: its keywords and the whitelist's expressions.
            query += Query(unsafeSQL: statement.pieces[index + 1])
        }
        let rows = try connection.transaction { tx in
            try tx.execute("SET TRANSACTION READ ONLY")
            try tx.execute("SELECT set_config('statement_timeout', \(timeout), true)")
            return try tx.query(query)
        }
        return ReportTable(
            columns: statement.columns,
            rows: try rows.map { row in
                try statement.columns.indices.map { index in
                    try cell(row, index: index, kind: statement.columns[index].kind, groupCount: statement.groupCount)
                }
            }, groupCount: statement.groupCount)
    }

    static func cell(_ row: Row, index: Int, kind: ReportResultColumn.Kind, groupCount: Int) throws -> ReportCell {
        let name = groupCount > 0 ? (index < groupCount ? "g\(index)" : "m\(index - groupCount)") : "c\(index)"
        guard !row.isNull(name) else { return .null }
        switch kind {
        case .text, .choice, .period: return .text(try row.decode(name))
        case .date:
            let text: String = try row.decode(name)
            return (try? CalendarDate(iso: text)).map(ReportCell.date) ?? .text(text)
        case .number: return .number(try row.decode(name))
        case .money: return .money(try row.decode(name))
        case .count: return .count(try row.decode(name))
        case .bool: return .bool(try row.decode(name))
        }
    }
}

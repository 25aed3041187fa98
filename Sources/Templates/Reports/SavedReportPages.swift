public import Domain
import Routing

/// `/admin/reports/saved…`: the list of reports a role may see, a report's page (its table, its
/// chart and the CSV link) and the builder. The builder works without JavaScript: its buttons
/// post the form, the server applies the change (a filter added or removed, another entity, a
/// preview) and shows the form again, nothing saved until "Save".
public enum SavedReportPages {
    /// The builder's state: what the form shows, as typed.
    public struct Builder: Sendable {
        public var form: FormState
        public var definition: ReportDefinition
        public var shared: Set<StaffRole>

        public init(form: FormState, definition: ReportDefinition, shared: Set<StaffRole>) {
            self.form = form
            self.definition = definition
            self.shared = shared
        }
    }

    public static func list(_ reports: [SavedReport], catalog: ReportCatalog, admin: AdminPage) -> [UInt8] {
        let s = admin.strings.savedReports
        return AdminLayout.page(title: s.title, admin) {
            p { a(.href(SafeURL(.admin(.reports(.index))))) { admin.strings.reports.title } }
            div(.class("page-head")) {
                h1 { s.title }
                if admin.may(.admin(.reports(.saved(.create)))) {
                    div(.class("actions")) {
                        a(.class("button"), .href(SafeURL(.admin(.reports(.saved(.new(entity: nil))))))) { s.newReport }
                    }
                }
            }
            p(.class("lead")) { s.lead }
            if reports.isEmpty {
                p(.class("empty")) { s.empty }
            } else {
                DataTable.render(.class("list"), .id("saved-reports")) {
                    DataTable.column(s.name)
                    DataTable.column(s.entity)
                    DataTable.column(s.sharedWith)
                    DataTable.column(s.owner)
                } rows: {
                    for report in reports {
                        tr(.data("data-report", report.name)) {
                            td { a(.href(SafeURL(.admin(.reports(.saved(.show(report.id))))))) { report.name } }
                            td {
                                catalog.entity(report.definition.entity)?.label.text(admin.language)
                                    ?? report.definition.entity
                            }
                            td { sharedText(report.sharedRoles, s) }
                            td { report.ownerName ?? "" }
                        }
                    }
                }
            }
        }.rendered()
    }

    static func sharedText(_ roles: Set<StaffRole>, _ s: SavedReportStrings) -> String {
        let names = StaffRole.allCases.filter(roles.contains).map(s.roleName)
        return names.isEmpty ? s.adminsOnly : names.joined(separator: ", ")
    }

    /// A report's page: the chart (grouped reports with a chart), the table, the CSV link; for an
    /// admin also edit and delete. `table` is nil when the definition no longer fits the whitelist.
    public static func show(
        _ report: SavedReport, table: ReportTable?, catalog: ReportCatalog, admin: AdminPage
    ) -> [UInt8] {
        let s = admin.strings.savedReports
        let edit = Route.admin(.reports(.saved(.edit(report.id))))
        return AdminLayout.page(title: report.name, admin) {
            p { a(.href(SafeURL(.admin(.reports(.saved(.list)))))) { s.back } }
            div(.class("page-head")) {
                h1 { report.name }
                div(.class("actions")) {
                    if table != nil {
                        a(
                            .class("button secondary"), .id("report-csv"),
                            .href(SafeURL(.admin(.reports(.saved(.csv(report.id))))))
                        ) { s.downloadCSV }
                    }
                    if admin.may(edit) {
                        a(.class("button secondary"), .href(SafeURL(edit))) { s.edit }
                        Fields.postButton(.admin(.reports(.saved(.delete(report.id)))), s.delete, csrf: admin.csrfToken)
                    }
                }
            }
            p(.class("muted")) {
                "\(s.entity): \(catalog.entity(report.definition.entity)?.label.text(admin.language) ?? report.definition.entity) · "
                    + "\(s.sharedWith): \(sharedText(report.sharedRoles, s))"
            }
            if let table {
                result(table, definition: report.definition, id: "report", title: report.name, admin: admin)
            } else {
                p(.class("field-error"), .attr("role", "alert")) { s.brokenDefinition }
            }
        }.rendered()
    }

    /// The chart (when the definition asks for one and the report is grouped) and the table.
    static func result(
        _ table: ReportTable, definition: ReportDefinition, id: String, title: String, admin: AdminPage
    ) -> Node {
        let s = admin.strings.savedReports
        let language = admin.language
        return div(.class("saved-report-result")) {
            if definition.chart != .none,
                let data = table.chartData(
                    language: language, label: { column, cell in SavedReportFormat.text(cell, column, s, language) })
            {
                ChartView.figure(
                    Chart(
                        kind: definition.chart == .line ? .lines : .groupedBars, data: data, id: "\(id)-chart",
                        title: title, summary: "\(title): \(table.columns[table.groupCount].label.text(language))"),
                    admin.strings)
            }
            p(.class("muted"), .id("\(id)-count")) { s.rowCount(table.rows.count, limit: definition.limit) }
            if table.rows.isEmpty {
                p(.class("empty")) { s.noRows }
            } else {
                DataTable.render(.class("list"), .id("\(id)-table")) {
                    for column in table.columns {
                        DataTable.column(column.label.text(language), numeric: SavedReportFormat.isNumeric(column.kind))
                    }
                } rows: {
                    for row in table.rows {
                        tr {
                            for (index, cell) in row.enumerated() {
                                let column = table.columns[index]
                                if SavedReportFormat.isNumeric(column.kind) {
                                    td(.class("number"), .data("data-value", cell.integer.map(String.init) ?? "")) {
                                        SavedReportFormat.text(cell, column, s, language)
                                    }
                                } else {
                                    td { SavedReportFormat.text(cell, column, s, language) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

import Domain
import Foundation
import Routing
import Testing

@testable import Templates

/// Saved reports' pages with hostile values in every place a person can type: the report's name,
/// the builder's filter values and errors, the table's cells and the chart's labels, the CSV.
@Suite("Escaping: saved reports")
struct SavedReportPagesEscapingTests {
    @Test(arguments: EscapingTests.hostile)
    func everySavedReportPageIsInert(_ value: String) {
        let admin = AdminPagesEscapingTests.admin(value)
        let definition = ReportDefinition(
            entity: "bookings", columns: ["number", value],
            filters: [.init(column: value, op: value, value: value, value2: value)],
            groups: [.init(column: "state"), .init(column: value, by: value)], measures: [.count],
            sort: .init(key: value), chart: .bar)
        let report = SavedReport(
            id: SavedReportID(rawValue: 3), name: value, definition: definition, sharedRoles: [.manager],
            ownerName: value, updatedAt: Date())
        let columns = [
            ReportResultColumn(key: "state", label: ReportLabel(value, value), kind: .choice),
            ReportResultColumn(key: value, label: ReportLabel(value, value), kind: .text),
            ReportResultColumn(key: "count", label: ReportLabel("Antal", "Count"), kind: .count),
        ]
        let table = ReportTable(
            columns: columns, rows: [[.text(value), .text(value), .count(3)], [.null, .bool(true), .count(1)]],
            groupCount: 2)
        let form = FormState(
            values: ["name": value, "entity": value, "limit": value, "chart": value],
            errors: ["name": value, "columns": value, "filters": value, "groups": value, "definition": value],
            formError: value)
        let builder = SavedReportPages.Builder(form: form, definition: definition, shared: [.support])
        let pages = [
            SavedReportPages.list([report], catalog: .builtIn, admin: admin),
            SavedReportPages.show(report, table: table, catalog: .builtIn, admin: admin),
            SavedReportPages.show(report, table: nil, catalog: .builtIn, admin: admin),
            SavedReportBuilderPage.render(builder, report: report, catalog: .builtIn, preview: table, admin: admin),
            SavedReportBuilderPage.render(builder, report: nil, catalog: .builtIn, preview: nil, admin: admin),
        ]
        for page in pages { AdminPagesEscapingTests.expectInert(page) }
        let csv = String(decoding: SavedReportFormat.csv(table, Strings(.en)), as: UTF8.self)
        for line in csv.split(separator: "\r\n").dropFirst() {
            #expect(!line.hasPrefix("="), "formula-looking text is neutralised")
        }
    }

    @Test func fileNamesAreSafe() {
        #expect(SavedReportFormat.fileName("Bokningar per månad") == "bokningar-per-manad.csv")
        #expect(SavedReportFormat.fileName("../\"x\"\r\n") == "x.csv")
        #expect(SavedReportFormat.fileName("«»") == "report.csv")
    }
}

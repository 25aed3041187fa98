import Foundation
import TestSupport
import Testing

/// The saved report builder in Debian's chromium, through nginx: a filter row is added without
/// JavaScript (the form posts itself), the preview runs, Enter saves, and the saved report's
/// table equals the test's own SQL.
@Suite("Saved reports in a browser", .serialized)
struct SavedReportsInBrowserTests {
    @Test func anAdminBuildsPreviewsAndSavesAReport() throws {
        let stack = try ProductStack()
        defer { stack.shutdown() }
        #expect(try stack.eventgaraget(["seed-demo"]).status == 0)
        let database = databaseName(fromURL: stack.databaseURL)
        var arguments = [
            repositoryRoot + "/Tests/IntegrationTests/Browser/report_builder.py", stack.client.baseURL,
            "admin@eventgaraget.se", "eventgaraget-demo",
        ]
        if let shots = ProcessInfo.processInfo.environment["EG_SCREENSHOTS"] { arguments.append(shots) }
        let browser = try run("/usr/bin/python3", arguments)
        #expect(browser.status == 0, "\(browser.output)\n\(browser.errorOutput)")
        for check in [
            "a filter row appeared", "what was typed is kept", "the preview shows the table", "saved with Enter",
            "the chart has bars",
        ] {
            #expect(browser.output.contains(check), "\(check)")
        }
        let stored = try stack.postgres.psql(
            "SELECT definition::text FROM saved_reports WHERE name = 'Offerter per månad utan makulerade'",
            database: database
        ).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(
            stored.contains(#""filters": [{"op": "differs", "value": "void", "column": "state", "value2": ""}]"#),
            "\(stored)")
        #expect(stored.contains(#""groups": [{"by": "month", "column": "period_start"}]"#), "\(stored)")
        let expected = try stack.postgres.psql(
            """
            SELECT string_agg('row: ' || m || '|' || n || '|' || t, E'\\n' ORDER BY m)
              FROM (SELECT to_char(period_start, 'YYYY-MM') AS m, count(*) AS n, sum(total_ore) AS t
                      FROM quotations WHERE state <> 'void' GROUP BY 1) q
            """, database: database
        ).trimmingCharacters(in: .whitespacesAndNewlines)
        let rows = browser.output.split(separator: "\n").filter { $0.hasPrefix("row: ") }.joined(separator: "\n")
        #expect(!rows.isEmpty && rows == expected)
    }
}

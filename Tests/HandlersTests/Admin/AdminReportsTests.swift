import Foundation
import TestSupport
import Testing

/// The report pages in process against the seeded demo (issued, paid, partly paid, overdue and
/// credited invoices): the figures a manager sees equal what the database says (computed here in
/// SQL of the test's own), the CSV files read back with Python's csv module with a formula-looking
/// customer name neutralised, Support reads the reports, the warehouse gets none of it.
@Suite("Admin: reports", .serialized)
struct AdminReportsTests {
    /// Python's csv module reading a downloaded file the way Excel in Sweden would: UTF-8 with
    /// BOM, semicolons. Prints the rows as JSON.
    func readCSV(_ body: Data, in directory: String) throws -> [[String]] {
        let path = directory + "/report-\(UUID().uuidString).csv"
        try body.write(to: URL(fileURLWithPath: path))
        let result = try run(
            "/usr/bin/python3",
            [
                "-c",
                """
                import csv, json, sys
                raw = open(sys.argv[1], "rb").read()
                assert raw.startswith(b"\\xef\\xbb\\xbf"), "no BOM"
                with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
                    print(json.dumps(list(csv.reader(f, delimiter=";", strict=True))))
                """, path,
            ])
        #expect(result.status == 0, "\(result.errorOutput)")
        return try JSONDecoder().decode([[String]].self, from: Data(result.output.utf8))
    }

    static func kronor(_ cell: String) -> Int { Int(cell.replacingOccurrences(of: ",", with: "")) ?? -1 }

    @Test func receivablesRevenueAndTheirCSVFilesMatchTheDatabase() throws {
        let session = try AdminSession()
        defer { session.stack.shutdown() }
        // A customer with an open invoice gets a name a spreadsheet would run.
        let hostileName = "=HYPERLINK(\"http://evil.example\";\"Klicka\")"
        let open = """
            SELECT i.id, i.customer_id, i.due_date, i.payable_ore
                     - coalesce((SELECT sum(amount_ore) FROM invoice_payments WHERE invoice_id = i.id), 0)
                     - coalesce((SELECT sum(payable_ore) FROM invoices c
                                  WHERE c.credited_invoice_id = i.id AND c.state = 'issued'), 0) AS left_ore
              FROM invoices i WHERE i.kind = 'invoice' AND i.state = 'issued'
            """
        let customer = try session.sql("SELECT customer_id FROM (\(open)) o WHERE left_ore > 0 ORDER BY id LIMIT 1")
        _ = try session.sql(
            "UPDATE customers SET name = '\(hostileName)', company_name = NULL, kind = 'person' WHERE id = \(customer)")
        let maria = try session.browser(signedInAs: "maria@eventgaraget.se")

        // Expected, straight from the tables.
        let today = "(now() AT TIME ZONE 'Europe/Stockholm')::date"
        let expected = try session.sql(
            """
            SELECT sum(left_ore) || '|' || coalesce(sum(left_ore) FILTER (WHERE due_date < \(today)), 0) || '|' || count(*)
                   || '|' || count(*) FILTER (WHERE \(today) - due_date > 90 OR \(today) - due_date BETWEEN 1 AND 90)
              FROM (\(open)) o WHERE left_ore > 0
            """
        ).split(separator: "|").map { Int($0) ?? -1 }
        #expect(expected[2] > 0 && expected[3] > 0, "the demo has open and overdue invoices: \(expected)")

        let page = try maria.get("/admin/reports/receivables")
        #expect(page.status == 200)
        #expect(page.text.contains("<dd class=\"grand\" data-ore=\"\(expected[0])\">"), "the total")
        #expect(page.text.contains("data-ore=\"\(expected[1])\""), "the overdue part")
        #expect(page.text.components(separatedBy: "<tr data-age=").count - 1 == expected[2])
        #expect(page.text.contains("<svg") && page.text.contains("role=\"img\""))
        #expect(page.text.contains("<details class=\"chart-data\">"))
        #expect(page.text.contains("=HYPERLINK(&quot;http://evil.example&quot;"), "escaped on the page")

        let csv = try maria.get("/admin/reports/receivables.csv")
        #expect(csv.status == 200 && csv.header("content-type") == "text/csv; charset=utf-8")
        let day = try session.sql("SELECT to_char(\(today), 'YYYY-MM-DD')")
        #expect(csv.header("content-disposition") == "attachment; filename=\"receivables-\(day).csv\"")
        let rows = try readCSV(csv.body, in: session.stack.directory)
        #expect(rows.count == expected[2] + 1)
        #expect(rows.dropFirst().map { Self.kronor($0[5]) }.reduce(0, +) == expected[0], "amounts are numbers")
        #expect(rows.contains { $0[1] == "'" + hostileName }, "the formula is neutralised: \(rows)")

        // Revenue: every month's net, categories shared out, adds up to issued invoices less credit notes.
        let revenue =
            Int(
                try session.sql(
                    """
                    SELECT coalesce(sum(CASE kind WHEN 'credit_note' THEN -net_ore ELSE net_ore END), 0) FROM invoices
                     WHERE state = 'issued' AND issue_date BETWEEN date_trunc('month', \(today) - interval '11 months')::date AND \(today)
                    """)) ?? -1
        #expect(try maria.get("/admin/reports/revenue").status == 200)
        let revenueRows = try readCSV(try maria.get("/admin/reports/revenue.csv").body, in: session.stack.directory)
        #expect(revenueRows.first?.count == 3)
        #expect(revenueRows.dropFirst().map { Self.kronor($0[2]) }.reduce(0, +) == revenue)
        let categories = try session.sql("SELECT count(DISTINCT name) FROM product_categories")
        #expect(
            Set(revenueRows.dropFirst().map { $0[1] }).count > 1 || categories == "0",
            "revenue is split by category: \(revenueRows)")

        // Top customers: the same hostile name, neutralised; the rest of the reports answer.
        let top = try readCSV(try maria.get("/admin/reports/top-customers.csv").body, in: session.stack.directory)
        #expect(top.count > 1 && top.allSatisfy { !$0[0].hasPrefix("=") })
        for report in ["", "/utilisation", "/top-customers", "/conversion", "/revenue?from=2026-01-01&to=2026-03-31"] {
            #expect(try maria.get("/admin/reports" + report).status == 200, "\(report)")
        }
        for file in ["utilisation", "conversion"] {
            let rows = try readCSV(try maria.get("/admin/reports/\(file).csv").body, in: session.stack.directory)
            #expect(rows.count > 1, "\(file)")
        }

        // The dashboard tiles: the manager's shows receivables and conversion; the warehouse's does not.
        let dashboard = try maria.get("/admin")
        #expect(dashboard.text.contains("id=\"receivables-tile\"") && dashboard.text.contains("id=\"conversion-tile\""))
        #expect(dashboard.text.contains("href=\"/admin/reports/receivables\""))

        // Support reads reports like invoices; the warehouse sees neither, nor the link.
        let support = try session.browser(signedInAs: "support@eventgaraget.se")
        #expect(try support.get("/admin/reports/receivables").status == 200)
        let lager = try session.browser(signedInAs: "lager@eventgaraget.se")
        #expect(try lager.get("/admin/reports").status == 403)
        #expect(try lager.get("/admin/reports/receivables.csv").status == 403)
        let warehouse = try lager.get("/admin")
        #expect(warehouse.status == 200)
        #expect(!warehouse.text.contains("receivables-tile") && !warehouse.text.contains("/admin/reports"))
    }
}

import Foundation
import TestSupport
import Testing

/// Saved reports through the pages with a real PostgreSQL: the demo's reports' figures equal an
/// independent SQL query and their CSV files equal their tables; an admin builds, previews and
/// saves a report (with its audit row and event); a Manager sees the reports shared with Managers
/// and cannot change them; other roles get 404 (not shared) or 403 (building); hostile column,
/// operator and value input is refused with a 400 and nothing stored, or bound as a value.
@Suite("Admin: saved reports", .serialized)
struct AdminSavedReportsTests {
    /// The rows of the table with `id`: each cell's text, or for a number its `data-value`
    /// (öre, hundredths or a count).
    static func rows(_ html: String, table id: String) -> [[String]] {
        guard let start = html.range(of: "id=\"\(id)\""),
            let end = html.range(of: "</table>", range: start.upperBound..<html.endIndex),
            let body = html.range(of: "<tbody>", range: start.upperBound..<end.lowerBound)
        else { return [] }
        let tbody = String(html[body.upperBound..<end.lowerBound])
        let cell = try! NSRegularExpression(pattern: #"<td(?: class="number" data-value="([^"]*)")?>(.*?)</td>"#)
        return tbody.components(separatedBy: "</tr>").compactMap { row -> [String]? in
            let range = NSRange(row.startIndex..., in: row)
            let cells = cell.matches(in: row, range: range).map { match -> String in
                if let value = Range(match.range(at: 1), in: row) { return String(row[value]) }
                return Page.unescape(String(row[Range(match.range(at: 2), in: row)!]))
            }
            return cells.isEmpty ? nil : cells
        }
    }

    /// A CSV file's records (BOM dropped, CRLF records, `;` fields; none of these files quote).
    static func csv(_ body: Data) -> [[String]] {
        var text = String(decoding: body, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text.components(separatedBy: "\r\n").filter { !$0.isEmpty }.map { $0.components(separatedBy: ";") }
    }

    /// `1250,50` → `125050`.
    static func ore(_ kronor: String) -> String {
        let parts = kronor.split(separator: ",")
        return String(
            Int64(parts[0])! * 100 + (parts[0].hasPrefix("-") ? -1 : 1) * Int64(parts.count > 1 ? parts[1] : "0")!)
    }

    static func reportID(_ session: AdminSession, _ name: String) throws -> String {
        try session.sql("SELECT id FROM saved_reports WHERE name = '\(name)'")
    }

    @Test func theDemoReportsFiguresEqualAnIndependentQueryAndTheirCSV() throws {
        let session = try AdminSession()
        defer { session.stack.shutdown() }
        let maria = try session.browser(signedInAs: "maria@eventgaraget.se")
        let list = try maria.get("/admin/reports/saved")
        #expect(list.status == 200)
        #expect(
            list.text.contains("data-report=\"Bokningar per månad\"")
                && list.text.contains("data-report=\"Offerter per status\""))
        #expect(!list.text.contains("/admin/reports/saved/new"), "a Manager builds nothing")

        let perMonth = try Self.reportID(session, "Bokningar per månad")
        let page = try maria.get("/admin/reports/saved/\(perMonth)")
        #expect(page.status == 200)
        #expect(page.text.contains("<svg") && page.text.contains("chart-svg"), "the bar chart")
        let table = Self.rows(page.text, table: "report-table")
        // The same figures, asked of the database independently of the builder.
        let expected = try session.sql(
            """
            SELECT string_agg(month || '|' || n || '|' || total, ',' ORDER BY month)
              FROM (SELECT to_char(period_start, 'YYYY-MM') AS month, count(*) AS n, sum(total_ore) AS total
                      FROM bookings GROUP BY 1) m
            """)
        #expect(!table.isEmpty)
        #expect(table.map { $0.joined(separator: "|") }.joined(separator: ",") == expected)

        let file = try maria.get("/admin/reports/saved/\(perMonth)/export.csv")
        #expect(file.status == 200 && file.header("content-type") == "text/csv; charset=utf-8")
        #expect(file.header("content-disposition") == "attachment; filename=\"bokningar-per-manad.csv\"")
        let records = Self.csv(file.body)
        #expect(records.first == ["Start day (month)", "Count", "Sum of total"])
        #expect(records.dropFirst().map { [$0[0], $0[1], Self.ore($0[2])] } == table)

        // Quotations per state: most first; the state by its label.
        let perState = try Self.reportID(session, "Offerter per status")
        let states = Self.rows(try maria.get("/admin/reports/saved/\(perState)").text, table: "report-table")
        let counts = try session.sql(
            "SELECT string_agg(n || '|' || total, ',' ORDER BY n DESC, state) FROM (SELECT state, count(*) AS n, sum(total_ore) AS total FROM quotations GROUP BY 1) s"
        )
        #expect(states.map { $0[1] + "|" + $0[2] }.joined(separator: ",") == counts)
        #expect(states.contains { $0[0] == "Signed" } || states.contains { $0[0] == "Draft" })
    }

    @Test func anAdminBuildsPreviewsAndSavesAReportThroughThePages() throws {
        let session = try AdminSession()
        defer { session.stack.shutdown() }
        let admin = session.admin
        let new = try admin.get("/admin/reports/saved/new?entity=bookings")
        #expect(new.status == 200 && new.text.contains("name=\"f_count\" value=\"0\""))
        var fields: [(String, String)] = [
            ("name", "Största bokningarna"), ("entity", "bookings"), ("columns", "number"), ("columns", "total"),
            ("f_count", "1"), ("f_column_0", "total"), ("f_op_0", "greater"), ("f_value_0", "1 000"),
            ("f_value2_0", ""),
            ("g_column_0", ""), ("g_by_0", ""), ("g_column_1", ""), ("g_by_1", ""), ("sort", "total"),
            ("direction", "desc"), ("limit", "5"), ("chart", "none"), ("shared", "manager"), ("shared", "support"),
        ]
        // "+ Filter" adds a row without saving anything.
        let added = try admin.post("/admin/reports/saved", fields + [("builder", "add")])
        #expect(added.status == 200 && added.text.contains("name=\"f_count\" value=\"2\""))
        #expect(try session.sql("SELECT count(*) FROM saved_reports") == "2")

        let preview = try admin.post("/admin/reports/saved", fields + [("builder", "preview")])
        #expect(preview.status == 200 && preview.text.contains("id=\"preview-table\""))
        let expected = try session.sql(
            "SELECT string_agg(number || '|' || total_ore, ',' ORDER BY total_ore DESC, id) FROM (SELECT number, total_ore, id FROM bookings WHERE total_ore > 100000 ORDER BY total_ore DESC, id LIMIT 5) b"
        )
        #expect(
            Self.rows(preview.text, table: "preview-table").map { $0.joined(separator: "|") }.joined(separator: ",")
                == expected)

        let eventsBefore = try session.sql("SELECT count(*) FROM events WHERE type = 'saved_report.created'")
        let saved = try admin.post("/admin/reports/saved", fields + [("save", "1")])
        #expect(saved.status == 303)
        let id = try Self.reportID(session, "Största bokningarna")
        #expect(saved.header("location") == "/admin/reports/saved/\(id)")
        #expect(
            try session.sql(
                "SELECT array_to_string(shared_roles, ',') || '|' || entity || '|' || (definition ->> 'limit') FROM saved_reports WHERE id = \(id)"
            ) == "manager,support|bookings|5")
        #expect(
            try session.sql(
                "SELECT count(*) FROM audit_log WHERE entity_type = 'saved_report' AND entity_id = \(id) AND action = 'created'"
            ) == "1")
        #expect(
            try session.sql("SELECT count(*) FROM events WHERE type = 'saved_report.created'")
                == String(Int(eventsBefore)! + 1))
        let shown = try admin.get("/admin/reports/saved/\(id)")
        #expect(
            Self.rows(shown.text, table: "report-table").map { $0.joined(separator: "|") }.joined(separator: ",")
                == expected)

        // Grouped by month of the start day, then by state, with a line chart; edited in place.
        let replaced: Set = ["g_column_0", "g_by_0", "g_column_1", "chart", "sort", "f_count", "limit"]
        fields =
            fields.filter { !replaced.contains($0.0) }
            + [
                ("g_column_0", "period_start"), ("g_by_0", "month"), ("g_column_1", "state"), ("chart", "line"),
                ("sort", ""), ("f_count", "0"), ("limit", "100"), ("measures", "count"), ("measures", "avg:total"),
            ]
        let updated = try admin.post("/admin/reports/saved/\(id)", fields + [("save", "1")])
        #expect(updated.status == 303)
        #expect(try session.sql("SELECT count(*) FROM events WHERE type = 'saved_report.updated'") == "1")
        let grouped = try admin.get("/admin/reports/saved/\(id)")
        #expect(grouped.text.contains("<polyline"))
        let byMonthAndState = try session.sql(
            """
            SELECT string_agg(m || '|' || n || '|' || a, ',' ORDER BY m, s)
              FROM (SELECT to_char(period_start, 'YYYY-MM') AS m, state AS s, count(*) AS n, round(avg(total_ore)) AS a
                      FROM bookings GROUP BY 1, 2) g
            """)
        #expect(
            Self.rows(grouped.text, table: "report-table").map { [$0[0], $0[2], $0[3]].joined(separator: "|") }
                .joined(separator: ",") == byMonthAndState)

        let deleted = try admin.post("/admin/reports/saved/\(id)/delete")
        #expect(deleted.status == 303)
        #expect(try session.sql("SELECT count(*) FROM saved_reports WHERE id = \(id)") == "0")
        #expect(try session.sql("SELECT count(*) FROM events WHERE type = 'saved_report.deleted'") == "1")
    }

    /// Tasks are an entity too: open and done tasks per form, as an independent query counts them.
    @Test func tasksPerFormEqualAnIndependentQuery() throws {
        let session = try AdminSession()
        defer { session.stack.shutdown() }
        let admin = session.admin
        _ = try admin.get("/admin/reports/saved/new?entity=tasks")
        let fields: [(String, String)] = [
            ("name", "Uppgifter per formulär"), ("entity", "tasks"), ("f_count", "1"), ("f_column_0", "state"),
            ("f_op_0", "differs"), ("f_value_0", "cancelled"), ("f_value2_0", ""), ("g_column_0", "form"),
            ("g_by_0", ""), ("g_column_1", ""), ("g_by_1", ""), ("sort", ""), ("direction", "asc"), ("limit", "100"),
            ("chart", "bar"), ("measures", "count"), ("shared", "manager"),
        ]
        let preview = try admin.post("/admin/reports/saved", fields + [("builder", "preview")])
        #expect(preview.status == 200, "\(preview.text.prefix(300))")
        let expected = try session.sql(
            """
            SELECT string_agg(name || '|' || n, ',' ORDER BY name)
              FROM (SELECT fv.name, count(*) AS n FROM tasks t JOIN form_versions fv ON fv.id = t.form_version_id
                     WHERE t.state <> 'cancelled' GROUP BY 1) g
            """)
        #expect(!expected.isEmpty, "the demo has tasks")
        #expect(
            Self.rows(preview.text, table: "preview-table").map { $0.joined(separator: "|") }.joined(separator: ",")
                == expected)
    }

    /// A custom field is a column like the others: customers counted per "Kundtyp" and products'
    /// weight summed, as independent queries on the `custom` values say.
    @Test func customFieldsGroupAndSumLikeBuiltInColumns() throws {
        let session = try AdminSession()
        defer { session.stack.shutdown() }
        let admin = session.admin
        let form = try admin.get("/admin/reports/saved/new?entity=customers")
        #expect(form.text.contains("value=\"custom.kundtyp\""), "the field is offered")
        let base: [(String, String)] = [
            ("f_count", "0"), ("g_by_0", ""), ("g_column_1", ""), ("g_by_1", ""), ("sort", ""), ("direction", "asc"),
            ("limit", "100"), ("chart", "none"), ("shared", "manager"),
        ]
        let perType = try admin.post(
            "/admin/reports/saved",
            base + [
                ("name", "Kunder per kundtyp"), ("entity", "customers"), ("g_column_0", "custom.kundtyp"),
                ("measures", "count"), ("builder", "preview"),
            ])
        #expect(perType.status == 200, "\(perType.text.prefix(300))")
        let expected = try session.sql(
            """
            SELECT string_agg(coalesce(t, '') || '|' || n, ',' ORDER BY t NULLS FIRST)
              FROM (SELECT custom ->> 'kundtyp' AS t, count(*) AS n FROM customers GROUP BY 1) g
            """)
        #expect(expected.contains("Företag|"), "the demo has values: \(expected)")
        let shown = Self.rows(perType.text, table: "preview-table").map { $0.joined(separator: "|") }
        #expect(shown.joined(separator: ",").hasSuffix(expected.split(separator: ",").last.map(String.init) ?? "?"))
        #expect(
            Set(shown.filter { !$0.hasPrefix("|") && !$0.hasPrefix("—") })
                == Set(expected.split(separator: ",").map(String.init).filter { !$0.hasPrefix("|") }),
            "\(shown) vs \(expected)")
    }

    @Test func sharedReportsAreReadNotChangedAndOthersAreHidden() throws {
        let session = try AdminSession()
        defer { session.stack.shutdown() }
        let perMonth = try Self.reportID(session, "Bokningar per månad")
        let before = try session.sql(
            "SELECT string_agg(id || name || definition::text || shared_roles::text, ',') FROM saved_reports")
        let maria = try session.browser(signedInAs: "maria@eventgaraget.se")
        let shown = try maria.get("/admin/reports/saved/\(perMonth)")
        #expect(shown.status == 200 && !shown.text.contains("/admin/reports/saved/\(perMonth)/edit"))
        #expect(try maria.get("/admin/reports/saved/\(perMonth)/edit").status == 403)
        #expect(try maria.get("/admin/reports/saved/new").status == 403)
        #expect(
            try maria.post(
                "/admin/reports/saved/\(perMonth)", [("name", "Mine"), ("entity", "bookings"), ("columns", "number")]
            ).status == 403)
        #expect(try maria.post("/admin/reports/saved/\(perMonth)/delete").status == 403)

        for email in ["lager@eventgaraget.se", "support@eventgaraget.se"] {
            let member = try session.browser(signedInAs: email)
            let list = try member.get("/admin/reports/saved")
            #expect(list.status == 200 && !list.text.contains("Bokningar per månad"), "\(email)")
            #expect(try member.get("/admin/reports/saved/\(perMonth)").status == 404, "\(email)")
            #expect(try member.get("/admin/reports/saved/\(perMonth)/export.csv").status == 404, "\(email)")
            #expect(try member.post("/admin/reports/saved", [("name", "x"), ("entity", "bookings")]).status == 403)
        }
        #expect(
            try session.sql(
                "SELECT string_agg(id || name || definition::text || shared_roles::text, ',') FROM saved_reports")
                == before)

        // Shared with Support by the admin: now Support reads it.
        let admin = session.admin
        _ = try admin.get("/admin/reports/saved/\(perMonth)/edit")
        let shared = try admin.post(
            "/admin/reports/saved/\(perMonth)",
            [
                ("name", "Bokningar per månad"), ("entity", "bookings"), ("f_count", "0"),
                ("g_column_0", "period_start"),
                ("g_by_0", "month"), ("measures", "count"), ("measures", "sum:total"), ("chart", "bar"),
                ("limit", "1000"),
                ("shared", "manager"), ("shared", "support"), ("save", "1"),
            ])
        #expect(shared.status == 303)
        #expect(
            try session.browser(signedInAs: "support@eventgaraget.se").get("/admin/reports/saved/\(perMonth)").status
                == 200)
    }

    @Test func hostileColumnsOperatorsAndValuesAreRefusedOrBound() throws {
        let session = try AdminSession()
        defer { session.stack.shutdown() }
        let admin = session.admin
        _ = try admin.get("/admin/reports/saved/new")
        let base: [(String, String)] = [("name", "Probe"), ("entity", "bookings"), ("limit", "10"), ("chart", "none")]
        let before = try session.sql("SELECT count(*) FROM saved_reports")
        let attempts: [(fields: [(String, String)], message: String)] = [
            ([("columns", "number; DROP TABLE bookings; --")], "Unknown column \"number; DROP TABLE bookings; --\""),
            (
                [
                    ("columns", "number"), ("f_count", "1"), ("f_column_0", "state"), ("f_op_0", "= 'x' OR 1=1 --"),
                    ("f_value_0", "x"),
                ],
                "cannot be used on the column"
            ),
            (
                [
                    ("columns", "number"), ("f_count", "1"), ("f_column_0", "total"), ("f_op_0", "greater"),
                    ("f_value_0", "0) OR (1=1"),
                ],
                "is not an amount"
            ),
            (
                [
                    ("columns", "number"), ("g_column_0", "period_start"), ("g_by_0", "month'), pg_sleep(5) --"),
                    ("measures", "count"),
                ],
                "cannot be grouped by"
            ),
            ([("g_column_0", "state"), ("measures", "sum:password_hash")], "Unknown measure"),
            ([("columns", "number"), ("sort", "1; DELETE FROM users")], "cannot be sorted by"),
            ([("entity", "users"), ("columns", "email")], "Unknown source"),
            ([("columns", "number"), ("shared", "root")], "Unknown role"),
        ]
        for attempt in attempts {
            let fields = base.filter { field in !attempt.fields.contains { $0.0 == field.0 } } + attempt.fields
            for button in [("save", "1"), ("builder", "preview")] {
                let refused = try admin.post("/admin/reports/saved", fields + [button])
                if button.0 == "builder", attempt.message == "Unknown role" { continue }
                #expect(refused.status == 400, "\(attempt.fields) \(button)")
                #expect(Page.unescape(refused.text).contains(attempt.message), "\(attempt.fields) \(button)")
            }
        }
        #expect(try session.sql("SELECT count(*) FROM saved_reports") == before)

        // A hostile text value is a value: the preview runs, finds nothing, and every table is there.
        let bound = try admin.post(
            "/admin/reports/saved",
            base + [
                ("columns", "number"), ("f_count", "2"), ("f_column_0", "customer"), ("f_op_0", "contains"),
                ("f_value_0", "'; DROP TABLE bookings; --"), ("f_column_1", "title"), ("f_op_1", "equals"),
                ("f_value_1", "x' OR '1'='1"), ("builder", "preview"),
            ])
        #expect(bound.status == 200 && bound.text.contains("id=\"preview-count\""))
        #expect(Self.rows(bound.text, table: "preview-table").isEmpty)
        #expect(try session.sql("SELECT count(*) > 0 FROM bookings") == "t")

        // The form's "By" for a column that is no date is ignored, not refused.
        let byState = try admin.post(
            "/admin/reports/saved",
            base + [("g_column_0", "state"), ("g_by_0", "month"), ("measures", "count"), ("builder", "preview")])
        #expect(byState.status == 200 && byState.text.contains("id=\"preview-table\""))

        // In Swedish for a Swedish browser.
        admin.language = "sv"
        let swedish = try admin.post("/admin/reports/saved", base + [("columns", "secret"), ("save", "1")])
        #expect(swedish.status == 400 && Page.unescape(swedish.text).contains("Okänd kolumn \"secret\""))
    }
}

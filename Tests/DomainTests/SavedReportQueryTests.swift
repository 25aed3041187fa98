import Domain
import Foundation
import Testing

/// Saved reports' query builder without a database: the SQL it writes for a grouped and a listed
/// report, every name checked against the entity's whitelist, every value a bound parameter, and
/// hostile input refused or bound — never part of the SQL text.
@Suite("Saved report query builder")
struct SavedReportQueryTests {
    let catalog = ReportCatalog.builtIn

    @Test func bookingsPerMonthIsOneGroupedStatementWithItsLimitBound() throws {
        let definition = ReportDefinition(
            entity: "bookings", filters: [.init(column: "state", op: "differs", value: "cancelled")],
            groups: [.init(column: "period_start", by: "month")],
            measures: [.count, .init(fn: "sum", column: "total")],
            limit: 120, chart: .bar)
        let statement = try ReportQueryBuilder.statement(definition, catalog: catalog)
        #expect(
            statement.sql
                == "SELECT to_char((b.period_start)::date, 'YYYY-MM') AS g0, count(*)::bigint AS m0, "
                + "coalesce(sum(b.total_ore), 0)::bigint AS m1 FROM bookings b LEFT JOIN customers c ON c.id = b.customer_id "
                + "WHERE ((b.state) IS DISTINCT FROM $1) GROUP BY 1 ORDER BY g0 ASC NULLS LAST LIMIT $2")
        #expect(statement.parameters == [.text("cancelled"), .integer(120)])
        #expect(statement.columns.map(\.kind) == [.period, .count, .money])
        #expect(statement.columns[0].label.sv == "Startdag (månad)")
        #expect(statement.groupCount == 1)
    }

    @Test func aListingSelectsTheColumnsFiltersAndSortsWithATieBreaker() throws {
        let definition = ReportDefinition(
            entity: "quotations", columns: ["number", "customer", "total", "period_start"],
            filters: [
                .init(column: "total", op: "between", value: "1 000", value2: "25 000,50"),
                .init(column: "customer", op: "contains", value: "50%_off"),
                .init(column: "state", op: "in", value: "sent, Signerad"),
                .init(column: "period_start", op: "greater", value: "2026-01-31"),
            ], sort: .init(key: "total", descending: true), limit: 50)
        let statement = try ReportQueryBuilder.statement(definition, catalog: catalog)
        #expect(
            statement.sql
                == "SELECT (q.number)::text AS c0, (c.name)::text AS c1, (q.total_ore)::bigint AS c2, "
                + "to_char((q.period_start)::date, 'YYYY-MM-DD') AS c3 FROM quotations q LEFT JOIN customers c ON c.id = q.customer_id "
                + "WHERE ((q.total_ore) BETWEEN $1 AND $2) AND ((c.name)::text ILIKE $3) AND ((q.state) IN ($4, $5)) "
                + "AND ((q.period_start) > $6::date) ORDER BY c2 DESC NULLS LAST, q.id LIMIT $7")
        #expect(
            statement.parameters == [
                .integer(100_000), .integer(2_500_050), .text("%50\\%\\_off%"), .text("sent"), .text("signed"),
                .text("2026-01-31"), .integer(50),
            ])
    }

    @Test func twoGroupsAndAverages() throws {
        let definition = ReportDefinition(
            entity: "products", groups: [.init(column: "category"), .init(column: "active")],
            measures: [.init(fn: "avg", column: "stock"), .init(fn: "sum", column: "price")],
            sort: .init(key: "avg:stock", descending: true))
        let statement = try ReportQueryBuilder.statement(definition, catalog: catalog)
        #expect(statement.sql.contains("round(avg((p.stock)::numeric) * 100)::bigint AS m0"))
        #expect(
            statement.sql.contains("GROUP BY 1, 2 ORDER BY m0 DESC NULLS LAST, g0 ASC NULLS LAST, g1 ASC NULLS LAST"))
        #expect(statement.columns.map(\.kind) == [.text, .bool, .number, .money])
    }

    /// Names that are not in the whitelist are refused by name; values that do not fit the
    /// column's type are refused; nothing from the definition reaches the SQL text.
    @Test func unknownNamesAndBadValuesAreRefused() {
        func refusal(_ definition: ReportDefinition) -> SavedReportRefusal? {
            do {
                _ = try ReportQueryBuilder.statement(definition, catalog: catalog)
                return nil
            } catch { return error }
        }
        #expect(refusal(ReportDefinition(entity: "users", columns: ["email"])) == .unknownEntity("users"))
        #expect(
            refusal(ReportDefinition(entity: "bookings", columns: ["password_hash"])) == .unknownColumn("password_hash")
        )
        #expect(refusal(ReportDefinition(entity: "bookings")) == .noColumns)
        #expect(
            refusal(
                ReportDefinition(
                    entity: "bookings", columns: ["number"],
                    filters: [.init(column: "total", op: "contains", value: "1")]))
                == .operatorNotAllowed(op: "contains", column: "total"))
        #expect(
            refusal(
                ReportDefinition(
                    entity: "bookings", columns: ["number"], filters: [.init(column: "state", op: "like", value: "x")]))
                == .operatorNotAllowed(op: "like", column: "state"))
        #expect(
            refusal(
                ReportDefinition(
                    entity: "bookings", columns: ["number"],
                    filters: [.init(column: "state", op: "equals", value: "lost")]))
                == .badValue(column: "state", value: "lost", expected: .choice))
        #expect(
            refusal(
                ReportDefinition(
                    entity: "bookings", columns: ["number"],
                    filters: [.init(column: "total", op: "greater", value: "much")]))
                == .badValue(column: "total", value: "much", expected: .money))
        #expect(
            refusal(
                ReportDefinition(
                    entity: "bookings", columns: ["number"],
                    filters: [.init(column: "period_start", op: "less", value: "2026-02-30")]))
                == .badValue(column: "period_start", value: "2026-02-30", expected: .date))
        #expect(
            refusal(
                ReportDefinition(
                    entity: "bookings", groups: [.init(column: "period_start", by: "quarter")], measures: [.count]))
                == .badGrouping(column: "period_start", by: "quarter"))
        #expect(
            refusal(
                ReportDefinition(entity: "bookings", groups: [.init(column: "state", by: "month")], measures: [.count]))
                == .badGrouping(column: "state", by: "month"))
        #expect(
            refusal(
                ReportDefinition(
                    entity: "bookings", groups: [.init(column: "state")], measures: [.init(fn: "sum", column: "number")]
                ))
                == .badMeasure("sum:number"))
        #expect(
            refusal(
                ReportDefinition(
                    entity: "bookings", groups: [.init(column: "state")], measures: [.init(fn: "max", column: "total")])
            )
                == .badMeasure("max:total"))
        #expect(refusal(ReportDefinition(entity: "bookings", groups: [.init(column: "state")])) == .noMeasures)
        #expect(
            refusal(
                ReportDefinition(
                    entity: "bookings",
                    groups: [.init(column: "state"), .init(column: "customer"), .init(column: "title")],
                    measures: [.count])) == .tooManyGroups(maximum: 2))
        #expect(
            refusal(ReportDefinition(entity: "bookings", columns: ["number"], sort: .init(key: "total")))
                == .unknownSort("total"))
        #expect(
            refusal(ReportDefinition(entity: "bookings", columns: ["number"], limit: 0))
                == .limitOutOfRange(maximum: 10_000))
        #expect(
            refusal(ReportDefinition(entity: "bookings", columns: ["number"], limit: 10_001))
                == .limitOutOfRange(maximum: 10_000))
    }

    static let hostile = [
        "total; DROP TABLE bookings; --", "b.total_ore) OR (1=1", "' OR '1'='1", "\"; SELECT pg_sleep(10); --",
        "$1", "state) IS NULL OR (true", "custom.x') OR ('1", "'; DELETE FROM users; --",
    ]

    @Test(arguments: hostile) func hostileNamesNeverReachTheSQLText(_ input: String) {
        let definitions = [
            ReportDefinition(entity: input, columns: ["number"]),
            ReportDefinition(entity: "bookings", columns: [input]),
            ReportDefinition(
                entity: "bookings", columns: ["number"], filters: [.init(column: input, op: "equals", value: "1")]),
            ReportDefinition(
                entity: "bookings", columns: ["number"], filters: [.init(column: "state", op: input, value: "1")]),
            ReportDefinition(entity: "bookings", groups: [.init(column: input)], measures: [.count]),
            ReportDefinition(
                entity: "bookings", groups: [.init(column: "period_start", by: input)], measures: [.count]),
            ReportDefinition(
                entity: "bookings", groups: [.init(column: "state")], measures: [.init(fn: input, column: "total")]),
            ReportDefinition(
                entity: "bookings", groups: [.init(column: "state")], measures: [.init(fn: "sum", column: input)]),
            ReportDefinition(entity: "bookings", columns: ["number"], sort: .init(key: input)),
        ]
        for definition in definitions {
            #expect(throws: SavedReportRefusal.self, "\(definition)") {
                try ReportQueryBuilder.statement(definition, catalog: catalog)
            }
        }
    }

    /// Hostile values in a text filter are accepted — as parameters. The SQL text is the same as
    /// for a harmless value.
    @Test(arguments: hostile) func hostileValuesAreBoundNotWritten(_ input: String) throws {
        for op in ["equals", "differs", "contains", "in"] {
            // The same number of list items, harmless.
            let items = input.split(separator: ",").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            let harmless = ReportDefinition(
                entity: "customers", columns: ["name"],
                filters: [
                    .init(
                        column: "name", op: op,
                        value: op == "in" ? items.map { _ in "Anna" }.joined(separator: ",") : "Anna")
                ])
            var hostile = harmless
            hostile.filters[0].value = input
            let safe = try ReportQueryBuilder.statement(harmless, catalog: catalog)
            let statement = try ReportQueryBuilder.statement(hostile, catalog: catalog)
            #expect(statement.sql == safe.sql, "\(op)")
            #expect(statement.parameters.count == safe.parameters.count)
            if op == "equals" {
                #expect(statement.parameters.first == .text(input.trimmingCharacters(in: .whitespaces)))
            }
        }
    }

    /// Custom fields: defined at run time, read with a fixed expression whose key is a parameter;
    /// a key outside `[a-z][a-z0-9_]{0,39}` never becomes a column.
    @Test func customFieldsBindTheirKey() throws {
        let extended = catalog.adding([
            ReportCustomField(entity: "bookings", key: "ground", name: "Underlag", type: .choice),
            ReportCustomField(entity: "bookings", key: "guests", name: "Gäster", type: .number),
            ReportCustomField(entity: "bookings", key: "x') OR ('1", name: "Evil", type: .text),
            ReportCustomField(entity: "invoices", key: "note", name: "No custom values", type: .text),
        ])
        #expect(extended.entity("bookings")?.column("custom.ground") != nil)
        #expect(extended.entity("bookings")?.columns.contains { $0.label.sv == "Evil" } == false)
        #expect(extended.entity("invoices")?.column("custom.note") == nil)
        let statement = try ReportQueryBuilder.statement(
            ReportDefinition(
                entity: "bookings", filters: [.init(column: "custom.guests", op: "greater", value: "100")],
                groups: [.init(column: "custom.ground")], measures: [.init(fn: "sum", column: "custom.guests")]),
            catalog: extended)
        #expect(
            statement.sql
                == "SELECT ((b.custom ->> $1))::text AS g0, round(coalesce(sum(((b.custom ->> $2)::numeric)::numeric), 0) * 100)::bigint AS m0 "
                + "FROM bookings b LEFT JOIN customers c ON c.id = b.customer_id WHERE (((b.custom ->> $3)::numeric) > $4::numeric) "
                + "GROUP BY 1 ORDER BY g0 ASC NULLS LAST LIMIT $5")
        #expect(
            statement.parameters == [.text("ground"), .text("guests"), .text("guests"), .text("100"), .integer(1000)])
        #expect(ReportCustomField.isValidKey("a") && ReportCustomField.isValidKey("ground_type_2"))
        #expect(
            !ReportCustomField.isValidKey("Ground") && !ReportCustomField.isValidKey("2x")
                && !ReportCustomField.isValidKey(""))
        #expect(!ReportCustomField.isValidKey(String(repeating: "a", count: 41)))
    }

    @Test func definitionsRoundTripThroughJSONAndAreCheckedWhenRead() throws {
        let definition = ReportDefinition(
            entity: "bookings", filters: [.init(column: "state", op: "not_empty")],
            groups: [.init(column: "period_start", by: "week")], measures: [.count],
            sort: .init(key: "count", descending: true),
            chart: .line)
        #expect(try ReportDefinition.decode(definition.json, catalog: catalog) == definition)
        #expect(throws: SavedReportRefusal.definitionUnreadable) { try ReportDefinition.decode("{", catalog: catalog) }
        #expect(throws: SavedReportRefusal.unknownColumn("secret")) {
            try ReportDefinition.decode(
                #"{"entity":"bookings","columns":["secret"],"filters":[],"groups":[],"measures":[],"limit":10,"chart":"none"}"#,
                catalog: catalog)
        }
        #expect(
            try ReportDefinition.decode(
                #"{"entity":"quotations","groups":[{"column":"state"}],"measures":[{"fn":"count"}]}"#, catalog: catalog)
                == ReportDefinition(entity: "quotations", groups: [.init(column: "state")], measures: [.count]))
        #expect(throws: SavedReportRefusal.unknownRole("root")) { try SavedReportRules.roles(["manager", "root"]) }
        #expect(try SavedReportRules.roles(["admin", "manager"]) == [.manager])
        #expect(throws: SavedReportRefusal.nameMissing) { try SavedReportRules.name("  ") }
    }

    @Test func theChartPivotsTheSecondGroupIntoSeries() {
        let table = ReportTable(
            columns: [
                ReportResultColumn(key: "period_start", label: ReportLabel("Startdag", "Start day"), kind: .period),
                ReportResultColumn(key: "state", label: ReportLabel("Status", "State"), kind: .choice),
                ReportResultColumn(key: "sum:total", label: ReportLabel("Summa", "Sum"), kind: .money),
            ],
            rows: [
                [.text("2026-01"), .text("closed"), .money(100)], [.text("2026-01"), .text("cancelled"), .money(50)],
                [.text("2026-02"), .text("closed"), .money(300)],
            ], groupCount: 2)
        let data = table.chartData { _, cell in if case .text(let text) = cell { text } else { "" } }
        #expect(data?.labels == ["2026-01", "2026-02"])
        #expect(data?.series.map(\.name) == ["closed", "cancelled"])
        #expect(data?.series.map(\.values) == [[100, 300], [50, 0]])
        #expect(data?.unit == .money)
        #expect(ChartData.Unit.hundredths.format(125_050, .sv) == "1\u{00A0}250,5")
        #expect(ChartData.Unit.hundredths.format(-7, .en) == "-0.07")
    }
}

public import Domain
public import Foundation

/// One row of the quotations list.
public struct QuotationListRow: Sendable, Equatable {
    public let id: QuotationID
    public let number: String
    public let state: QuotationState
    /// The company for companies, else the person.
    public let customerName: String
    public let title: String
    public let period: RentalPeriod
    /// Including VAT, as last computed (on save or send).
    public let total: Money
    public let updatedAt: Date
    /// The custom fields' values (the list's custom columns).
    public var custom: [String: JSONValue] = [:]
}

/// A page of the quotations list: newest first, keyset pagination on the id.
public struct QuotationListPage: Sendable, Equatable {
    public let rows: [QuotationListRow]
    /// The `after` cursor of the next page, nil on the last page.
    public let nextCursor: Int64?
}

/// The quotations list: by state, searched by number, title or customer (name, company, email,
/// phone), 50 rows a page, newest first. Served by indexes (migration 0003 and the customers'
/// trigram index); never counts the table.
extension QuotationStore {
    public static let pageSize = 50

    /// - Parameters:
    ///   - state: one state, or nil for all.
    ///   - search: text the number, the title or the customer contains (case-insensitive).
    ///   - after: the cursor: only ids below it.
    ///   - filters: custom-field filters (the equality ones answered by the GIN index on `custom`).
    /// - Throws: `DatabaseError`, `QuotationStoreError.corruptRow`.
    public static func page(
        _ connection: Connection, state: QuotationState?, search: String?, after: Int64?,
        filters customFilters: [CustomFilter] = [], limit: Int = pageSize
    ) throws -> QuotationListPage {
        // The page's filters, for the outer query and (with `alias`) inside the search's subqueries.
        func filters(_ alias: String) -> [Query] {
            var conditions: [Query] = []
            if let state { conditions.append("\(unsafeRaw: alias).state = \(state.rawValue)") }
            if let after { conditions.append("\(unsafeRaw: alias).id < \(after)") }
            return conditions
        }
        func joined(_ conditions: [Query], first: String) -> Query {
            var result: Query = ""
            for (index, condition) in conditions.enumerated() {
                result += index == 0 ? Query(unsafeSQL: first) : " AND "
                result += condition
            }
            return result
        }
        var conditions = filters("q")
        if let search = search.flatMap(CustomerStore.nonEmpty) {
            let pattern = "%" + QuotationStore.likeEscaped(search.trimmingCharacters(in: .whitespaces)) + "%"
            // Each way of matching gives its own newest page (the trigram indexes serve rare text, a
            // backward walk of the ids common text); the page is the newest of their union.
            let byText: Query = "(number || ' ' || coalesce(title, '')) ILIKE \(pattern)"
            let byCustomer: Query = "cc.search_text ILIKE \(pattern)"
            conditions.append(
                """
                q.id IN ((SELECT qt.id FROM quotations qt WHERE \(fragment: byText) \(fragment: joined(filters("qt"), first: " AND "))
                           ORDER BY qt.id DESC LIMIT \(limit + 1))
                         UNION
                         (SELECT qc.id FROM quotations qc JOIN customers cc ON cc.id = qc.customer_id
                           WHERE \(fragment: byCustomer) \(fragment: joined(filters("qc"), first: " AND "))
                           ORDER BY qc.id DESC LIMIT \(limit + 1)))
                """)
        }
        var query: Query =
            """
            SELECT q.id, q.number, q.state, coalesce(nullif(c.company_name, ''), c.name) AS customer_name,
                   coalesce(q.title, '') AS title, q.period_start::text AS period_start, q.period_end::text AS period_end,
                   q.total_ore, q.updated_at, q.custom::text AS custom
              FROM quotations q JOIN customers c ON c.id = q.customer_id
            """
        query += joined(conditions, first: " WHERE ")
        if !customFilters.isEmpty {
            query +=
                (conditions.isEmpty ? " WHERE TRUE" : "")
                + CustomFieldStore.conditions(customFilters, column: "q.custom")
        }
        query += " ORDER BY q.id DESC LIMIT \(limit + 1)"
        let rows: [Row]
        if search.flatMap(CustomerStore.nonEmpty) == nil {
            rows = try connection.query(query)
        } else {
            // A plan made for one pattern is wrong for another ("a" matches everything, a number one
            // row), and a prepared statement would settle on a generic plan after five runs: plan
            // each search for its own pattern.
            rows = try connection.transaction { tx in
                try tx.execute("SET LOCAL plan_cache_mode = force_custom_plan")
                return try tx.query(query)
            }
        }
        let mapped = try rows.prefix(limit).map { row -> QuotationListRow in
            guard let state = QuotationState(rawValue: try row.decode("state")) else {
                throw QuotationStoreError.corruptRow("quotations.state")
            }
            return QuotationListRow(
                id: QuotationID(rawValue: try row.decode("id")), number: try row.decode("number"), state: state,
                customerName: try row.decode("customer_name"), title: try row.decode("title"),
                period: try RentalPeriod(
                    start: try CalendarDate(iso: try row.decode("period_start")),
                    end: try CalendarDate(iso: try row.decode("period_end"))),
                total: Money(ore: try row.decode("total_ore")), updatedAt: try row.decode("updated_at"),
                custom: CustomFieldStore.values(json: try row.decode("custom")))
        }
        return QuotationListPage(rows: mapped, nextCursor: rows.count > limit ? mapped.last?.id.rawValue : nil)
    }
}

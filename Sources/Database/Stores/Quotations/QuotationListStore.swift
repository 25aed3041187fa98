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
public enum QuotationListStore {
    public static let pageSize = 50

    /// - Parameters:
    ///   - state: one state, or nil for all.
    ///   - search: text the number, the title or the customer contains (case-insensitive).
    ///   - after: the cursor: only ids below it.
    /// - Throws: `DatabaseError`, `QuotationStoreError.corruptRow`.
    public static func page(
        _ connection: Connection, state: QuotationState?, search: String?, after: Int64?, limit: Int = pageSize
    ) throws -> QuotationListPage {
        var conditions: [Query] = []
        if let state { conditions.append("q.state = \(state.rawValue)") }
        if let after { conditions.append("q.id < \(after)") }
        if let search = search.flatMap(CustomerStore.nonEmpty) {
            let pattern = "%" + QuotationEditorStore.likeEscaped(search.trimmingCharacters(in: .whitespaces)) + "%"
            // Two index-served sets (quotations' and customers' trigram indexes), then the page.
            conditions.append(
                """
                q.id IN (SELECT id FROM quotations WHERE (number || ' ' || coalesce(title, '')) ILIKE \(pattern)
                         UNION
                         SELECT qq.id FROM quotations qq JOIN customers cc ON cc.id = qq.customer_id
                          WHERE cc.search_text ILIKE \(pattern))
                """)
        }
        var query: Query =
            """
            SELECT q.id, q.number, q.state, coalesce(nullif(c.company_name, ''), c.name) AS customer_name,
                   coalesce(q.title, '') AS title, q.period_start::text AS period_start, q.period_end::text AS period_end,
                   q.total_ore, q.updated_at
              FROM quotations q JOIN customers c ON c.id = q.customer_id
            """
        for (index, condition) in conditions.enumerated() {
            query += index == 0 ? " WHERE " : " AND "
            query += condition
        }
        query += " ORDER BY q.id DESC LIMIT \(limit + 1)"
        let rows = try connection.query(query)
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
                total: Money(ore: try row.decode("total_ore")), updatedAt: try row.decode("updated_at"))
        }
        return QuotationListPage(rows: mapped, nextCursor: rows.count > limit ? mapped.last?.id.rawValue : nil)
    }
}

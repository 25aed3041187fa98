public import Domain

/// The customers list: search and keyset pagination in Swedish alphabetical order.
extension CustomerStore {
    /// One page of customers ordered by the name shown first (company, else person), then id.
    ///
    /// - Parameters:
    ///   - search: matched anywhere in name, company, email, phone and organisation number
    ///     (case-insensitive; `%` and `_` are literal); when it is a phone number, its digits are
    ///     also matched against the phone's digits, so `0701234567` finds `070-123 45 67`.
    ///   - includeArchived: archived customers are left out unless true.
    ///   - after: the id of the last customer of the previous page (`RecordPage.nextAfter`).
    ///   - filters: custom-field filters (the equality ones answered by the GIN index on `custom`).
    /// Each filter has its index (migration 0002): the page costs the same with 100,000 customers.
    /// - Throws: `DatabaseError`.
    public static func page(
        _ connection: Connection, search: String, includeArchived: Bool, after: CustomerID?,
        filters: [CustomFilter] = [], limit: Int = RecordPage<CustomerSummary>.size
    ) throws -> RecordPage<CustomerSummary> {
        var cursor: (name: String, id: Int64)?
        if let after {
            // The cursor is an id; its sort key is read first so the keyset condition is a plain
            // row comparison the index can seek to. An unknown id yields an empty page.
            guard
                let key = try connection.query("SELECT display_name FROM customers WHERE id = \(after.rawValue)").first
            else {
                return RecordPage(rows: [], nextAfter: nil)
            }
            cursor = (try key.decode("display_name"), after.rawValue)
        }
        let query = pageQuery(
            search: search, includeArchived: includeArchived, cursor: cursor, filters: filters, limit: limit)
        let rows = try connection.query(query)
        var summaries: [CustomerSummary] = []
        for row in rows.prefix(limit) {
            let kindText: String = try row.decode("kind")
            var summary =
                CustomerSummary(
                    id: CustomerID(rawValue: try row.decode("id")),
                    kind: CustomerDetails.Kind(rawValue: kindText) ?? .person,
                    name: try row.decode("name"), companyName: try row.decode("company_name"),
                    email: try row.decode("email"),
                    phone: try row.decode("phone"), city: try row.decode("city"), archived: try row.decode("archived"))
            summary.custom = CustomFieldStore.values(json: try row.decode("custom"))
            summaries.append(summary)
        }
        return RecordPage(rows: summaries, nextAfter: rows.count > limit ? summaries.last?.id.rawValue : nil)
    }

    /// The page's statement (separate so tests can EXPLAIN it): `limit + 1` rows to know whether
    /// there is a next page.
    static func pageQuery(
        search: String, includeArchived: Bool, cursor: (name: String, id: Int64)?, filters: [CustomFilter] = [],
        limit: Int
    ) -> Query {
        var query: Query = """
            SELECT id, kind, name, coalesce(company_name, '') AS company_name, coalesce(email::text, '') AS email,
                   coalesce(phone, '') AS phone, coalesce(billing_city, delivery_city, '') AS city,
                   archived_at IS NOT NULL AS archived, custom::text AS custom
              FROM customers
             WHERE
            """
        query += includeArchived ? " TRUE" : " archived_at IS NULL"
        let text = ContainsPattern.searchText(search)
        if !text.isEmpty {
            let digits = text.filter { $0.isASCII && $0.isNumber }
            let looksLikePhone =
                digits.count >= 3 && text.allSatisfy { ($0.isASCII && $0.isNumber) || " +-()/.".contains($0) }
            if looksLikePhone {
                query += """
                     AND (search_text ILIKE \(ContainsPattern.make(text))
                          OR regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g') LIKE \(ContainsPattern.make(String(digits))))
                    """
            } else {
                query += " AND search_text ILIKE \(ContainsPattern.make(text))"
            }
        }
        query += CustomFieldStore.conditions(filters, column: "custom")
        if let cursor { query += " AND (display_name COLLATE eg_swedish, id) > (\(cursor.name), \(cursor.id))" }
        query += " ORDER BY display_name COLLATE eg_swedish, id LIMIT \(limit + 1)"
        return query
    }
}

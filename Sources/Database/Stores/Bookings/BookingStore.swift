public import Domain
import Foundation

/// Bookings for the staff pages: the filtered list, the booking with its lines and history, and
/// (in `BookingStore+Changes`) approval, the workflow and notes. Every query is bounded and
/// served by an index (see migrations 0001 and 0004), so the pages stay fast with 100,000 bookings.
public enum BookingStore {
    /// The columns `summary(_:)` reads; needs `bookings b JOIN customers c`.
    static let summaryColumns = """
        b.id, b.number, b.state, b.title, b.period_start::text AS period_start, b.period_end::text AS period_end,
        b.customer_id, CASE WHEN c.kind = 'company' AND c.company_name IS NOT NULL THEN c.company_name ELSE c.name END
        AS customer_name, b.delivery_city, b.approved_at, b.total_ore, b.custom::text AS custom
        """

    /// One page of the list, newest first, with keyset pagination on `id`.
    /// - Throws: `DatabaseError`.
    public static func list(
        _ connection: Connection, filter: BookingListFilter
    ) throws(DatabaseError) -> BookingListPage {
        let limit = max(1, min(filter.limit, 200))
        var query: Query = """
            SELECT \(unsafeRaw: summaryColumns)
              FROM bookings b JOIN customers c ON c.id = b.customer_id
             WHERE true
            """
        if let state = filter.state { query += " AND b.state = \(state.rawValue)" }
        if let customer = filter.customer { query += " AND b.customer_id = \(customer.rawValue)" }
        if filter.from != nil || filter.to != nil {
            // NULL bounds are open ends; served by the gist index on the same expression.
            query += """
                 AND daterange(b.period_start, b.period_end, '[]') && daterange(\(filter.from?.iso)::date, \(filter.to?.iso)::date, '[]')
                """
        }
        if let search = filter.search.flatMap(CustomerStore.nonEmpty) {
            // Two index-driven branches (trigram on number/title, trigram on customers), not an OR
            // that would make the planner walk every booking.
            let pattern = "%" + likeEscaped(search) + "%"
            query += """
                 AND b.id IN (SELECT id FROM bookings WHERE (number || ' ' || coalesce(title, '')) ILIKE \(pattern)
                              UNION
                              SELECT bk.id FROM bookings bk
                               WHERE bk.customer_id IN (SELECT id FROM customers WHERE search_text ILIKE \(pattern)))
                """
        }
        query += CustomFieldStore.conditions(filter.custom, column: "b.custom")
        if let after = filter.after { query += " AND b.id < \(after.rawValue)" }
        query += " ORDER BY b.id DESC LIMIT \(limit + 1)"
        let rows = try connection.query(query)
        var summaries: [BookingSummary] = []
        summaries.reserveCapacity(min(rows.count, limit))
        for row in rows.prefix(limit) { summaries.append(try summary(row)) }
        return BookingListPage(rows: summaries, nextCursor: rows.count > limit ? summaries.last?.id : nil)
    }

    /// The customer's display name (company, or the person), or nil when there is no such customer.
    /// - Throws: `DatabaseError`.
    public static func customerName(_ connection: Connection, id: CustomerID) throws(DatabaseError) -> String? {
        try connection.query(
            """
            SELECT CASE WHEN kind = 'company' AND company_name IS NOT NULL THEN company_name ELSE name END AS name
              FROM customers WHERE id = \(id.rawValue)
            """
        ).first?.decode("name")
    }

    /// The booking with its contact, lines (the signed version's snapshot joined with the
    /// reserved `booking_lines`) and totals; nil when there is none.
    /// - Throws: `DatabaseError`; a stored snapshot that cannot be read is a `.decoding` error.
    public static func detail(_ connection: Connection, id: BookingID) throws(DatabaseError) -> BookingDetail? {
        guard
            let row = try connection.query(
                """
                SELECT b.id, b.number, b.state, b.title, b.period_start::text AS period_start, b.period_end::text AS period_end,
                       coalesce(b.delivery_address_line1, '') AS l1, coalesce(b.delivery_address_line2, '') AS l2,
                       coalesce(b.delivery_postal_code, '') AS pc, coalesce(b.delivery_city, '') AS city, b.delivery_country,
                       b.vat_rate_bp, b.subtotal_ore, b.discount_ore, b.shipping_ore, b.vat_ore, b.total_ore,
                       b.approved_at, u.name AS approved_by, b.cancelled_at, b.cancel_reason, coalesce(b.notes, '') AS notes,
                       b.version, b.created_at, b.updated_at, b.custom::text AS custom,
                       b.quotation_id, q.number AS quotation_number, v.version_no, v.snapshot,
                       c.id AS customer_id, c.kind, c.name AS contact_name, c.company_name, c.email::text AS email, c.phone
                  FROM bookings b
                  JOIN customers c ON c.id = b.customer_id
                  JOIN quotations q ON q.id = b.quotation_id
                  JOIN quotation_versions v ON v.id = b.quotation_version_id
                  LEFT JOIN users u ON u.id = b.approved_by
                 WHERE b.id = \(id.rawValue)
                """
            ).first
        else { return nil }

        let snapshot: QuotationSnapshot
        do {
            snapshot = try QuotationSnapshot(canonicalJSON: try row.decode("snapshot"))
        } catch {
            throw DatabaseError(.decoding(column: "snapshot"), message: "\(error)", safeDetail: "unreadable snapshot")
        }
        let reserved = try connection.query(
            """
            SELECT bl.product_id, bl.quantity, p.sku, p.name
              FROM booking_lines bl JOIN products p ON p.id = bl.product_id
             WHERE bl.booking_id = \(id.rawValue)
             ORDER BY bl.id
            """)
        var skus: [Int64: String] = [:]
        var packing: [PackingItem] = []
        // booking_lines were written from the snapshot's product lines in order; pair them up
        // so each reserved line keeps the description the customer signed.
        var productLines = snapshot.lines.compactMap { priced -> (ProductID, String)? in
            guard case .product(let product) = priced.line.item else { return nil }
            return (product, priced.line.description)
        }[...]
        for line in reserved {
            let product = ProductID(rawValue: try line.decode("product_id"))
            let sku: String = try line.decode("sku")
            skus[product.rawValue] = sku
            var description: String = try line.decode("name")
            if let next = productLines.first, next.0 == product {
                description = next.1
                productLines = productLines.dropFirst()
            }
            packing.append(
                PackingItem(
                    productID: product, sku: sku, description: description, quantity: try line.decode("quantity")))
        }
        let lines = snapshot.lines.map { priced in
            let kind: BookingLine.Kind =
                switch priced.line.item {
                case .product(let product): .product(product, sku: skus[product.rawValue])
                case .addon: .addon
                case .custom: .custom
                }
            return BookingLine(
                kind: kind, description: priced.line.description, quantity: priced.line.quantity, days: priced.days,
                pricing: priced.line.pricing, unitPrice: priced.line.unitPrice, discount: priced.discount,
                total: priced.total)
        }

        let isCompany = (try row.decode("kind", as: String.self)) == "company"
        var detail = BookingDetail(
            id: id, number: try row.decode("number"), state: try state(row), title: try row.decode("title"),
            period: try period(row),
            deliveryAddress: PostalAddress(
                line1: try row.decode("l1"), line2: try row.decode("l2"), postalCode: try row.decode("pc"),
                city: try row.decode("city"), country: try row.decode("delivery_country")),
            contact: BookingContact(
                id: CustomerID(rawValue: try row.decode("customer_id")), isCompany: isCompany,
                name: try row.decode("contact_name"), companyName: try row.decode("company_name"),
                email: try row.decode("email"), phone: try row.decode("phone")),
            quotationID: QuotationID(rawValue: try row.decode("quotation_id")),
            quotationNumber: try row.decode("quotation_number"), quotationVersion: try row.decode("version_no"),
            lines: lines, packing: packing,
            linesSubtotal: Money(ore: try row.decode("subtotal_ore")),
            discount: Money(ore: try row.decode("discount_ore")),
            shipping: Money(ore: try row.decode("shipping_ore")),
            vatRate: (try? VATRate(basisPoints: try row.decode("vat_rate_bp"))) ?? snapshot.vatRate,
            vat: Money(ore: try row.decode("vat_ore")), total: Money(ore: try row.decode("total_ore")),
            approvedBy: try row.decode("approved_by"), approvedAt: try row.decode("approved_at"),
            cancelledAt: try row.decode("cancelled_at"), cancelReason: try row.decode("cancel_reason"),
            notes: try row.decode("notes"), version: try row.decode("version"), createdAt: try row.decode("created_at"),
            updatedAt: try row.decode("updated_at"))
        detail.custom = CustomFieldStore.values(json: try row.decode("custom"))
        return detail
    }

    /// The booking's audit rows, newest first (at most `limit`).
    /// - Throws: `DatabaseError`.
    public static func history(
        _ connection: Connection, id: BookingID, limit: Int = 100
    ) throws(DatabaseError)
        -> [BookingHistoryEntry]
    {
        try connection.query(
            """
            SELECT a.at, a.actor_kind, a.action, a.before::text AS before, a.after::text AS after, u.name AS actor_name
              FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id
             WHERE a.entity_type = 'booking' AND a.entity_id = \(id.rawValue)
             ORDER BY a.id DESC
             LIMIT \(limit)
            """
        ).map { row throws(DatabaseError) in
            BookingHistoryEntry(
                at: try row.decode("at"), actorName: try row.decode("actor_name"),
                actorKind: try row.decode("actor_kind"),
                action: try row.decode("action"), before: flatMap(try row.decode("before")),
                after: flatMap(try row.decode("after")))
        }
    }

    // MARK: - Decoding helpers shared by the booking stores

    static func summary(_ row: Row) throws(DatabaseError) -> BookingSummary {
        var summary = BookingSummary(
            id: BookingID(rawValue: try row.decode("id")), number: try row.decode("number"), state: try state(row),
            title: try row.decode("title"), period: try period(row),
            customerID: CustomerID(rawValue: try row.decode("customer_id")),
            customerName: try row.decode("customer_name"),
            city: try row.decode("delivery_city"), approvedAt: try row.decode("approved_at"),
            total: Money(ore: try row.decode("total_ore")))
        summary.custom = CustomFieldStore.values(json: try row.decode("custom"))
        return summary
    }

    static func state(_ row: Row) throws(DatabaseError) -> BookingState {
        let text: String = try row.decode("state")
        guard let state = BookingState(rawValue: text) else {
            throw DatabaseError(
                .decoding(column: "state"), message: "unknown booking state", safeDetail: "bookings.state")
        }
        return state
    }

    /// `period_start` and `period_end` selected as `::text`.
    static func period(_ row: Row) throws(DatabaseError) -> RentalPeriod {
        do {
            return try RentalPeriod(
                start: try CalendarDate(iso: try row.decode("period_start")),
                end: try CalendarDate(iso: try row.decode("period_end")))
        } catch let error as DatabaseError {
            throw error
        } catch {
            throw DatabaseError(
                .decoding(column: "period_start"), message: "\(error)", safeDetail: "invalid rental period")
        }
    }

    /// A `LIKE` pattern that matches `text` literally (`\`, `%` and `_` escaped).
    static func likeEscaped(_ text: String) -> String {
        var out = ""
        for character in text {
            if character == "\\" || character == "%" || character == "_" { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// An audit row's `before`/`after` (a flat JSON object) as text values; numbers and booleans
    /// as their JSON text, nested values left out.
    static func flatMap(_ json: String?) -> [String: String] {
        guard let json, let object = try? JSONDecoder().decode([String: AuditValue].self, from: Data(json.utf8)) else {
            return [:]
        }
        return object.compactMapValues(\.text)
    }

    /// One value of an audit map.
    struct AuditValue: Decodable {
        let text: String?

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                text = ""
            } else if let string = try? container.decode(String.self) {
                text = string
            } else if let bool = try? container.decode(Bool.self) {
                text = bool ? "true" : "false"
            } else if let integer = try? container.decode(Int64.self) {
                text = String(integer)
            } else if let number = try? container.decode(Double.self) {
                text = String(number)
            } else {
                text = nil
            }
        }
    }
}

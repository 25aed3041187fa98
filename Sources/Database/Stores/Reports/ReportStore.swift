public import Domain

/// The reports' figures (issue 12), read from issued documents, payments, bookings and quotation
/// versions. Read-only, each query bounded by its period (at most ten years, `ReportPeriod`) and
/// served by the issued-invoice and booking-period indexes. Decisions (sharing a discount among
/// categories, ages, medians) are Domain's; these queries only gather.
public enum ReportStore {
    /// The customer's name as the rest of the staff pages show it.
    static let customerName =
        "CASE WHEN c.kind = 'company' AND c.company_name IS NOT NULL THEN c.company_name ELSE c.name END"

    /// Each issued invoice's and credit note's net per product category, issued in `period`.
    ///
    /// Invoice lines keep no catalogue reference (they are the signed version's lines as text and
    /// money), so a line's category comes from the signed version the document is bound to: the
    /// line at the same position in the snapshot, when the invoice line's description starts with
    /// its description (a per-day line adds "(4 st × 3 dagar)"), names the
    /// product (or the add-on's product) and so the category. Anything else (shipping, free lines,
    /// add-ons offered with every product) has none. The binding to the signed snapshot is only
    /// read, never changed.
    /// - Throws: `DatabaseError`, or a date the database wrote that does not read back.
    public static func revenueParts(
        _ connection: Connection, period: ReportPeriod
    ) throws
        -> [RevenueReport.Part]
    {
        try connection.query(
            """
            WITH docs AS (
                SELECT i.id, i.kind, i.issue_date, i.net_ore, i.lines, v.snapshot::jsonb -> 'totals' -> 'lines' AS signed
                  FROM invoices i
                  LEFT JOIN quotation_versions v ON v.id = i.quotation_version_id
                 WHERE i.state = 'issued' AND i.purpose <> 'security_deposit'
                   AND i.issue_date BETWEEN \(period.from.iso)::date AND \(period.to.iso)::date
            ), lines AS (
                SELECT d.id, d.kind, d.issue_date, d.net_ore,
                       (l.line ->> 'quantity')::bigint * (l.line ->> 'unitPrice')::bigint
                           - coalesce((l.line ->> 'discount')::bigint, 0) AS net,
                       CASE WHEN starts_with(l.line ->> 'description',
                                             d.signed -> (l.position::int - 1) -> 'line' ->> 'description')
                            THEN d.signed -> (l.position::int - 1) -> 'line' END AS signed_line
                  FROM docs d, jsonb_array_elements(d.lines) WITH ORDINALITY AS l(line, position)
            )
            SELECT l.id, l.kind, to_char(l.issue_date, 'YYYY-MM') AS month, l.net_ore, pc.name AS category,
                   sum(l.net)::bigint AS lines_net
              FROM lines l
              LEFT JOIN addons a ON a.id = (l.signed_line ->> 'addonId')::bigint
              LEFT JOIN products p ON p.id = coalesce((l.signed_line ->> 'productId')::bigint, a.product_id)
              LEFT JOIN product_categories pc ON pc.id = p.category_id
             GROUP BY l.id, l.kind, l.issue_date, l.net_ore, pc.name
             ORDER BY l.id, pc.name NULLS LAST
            """
        ).map { row in
            RevenueReport.Part(
                documentID: try row.decode("id"), month: try row.decode("month"),
                isCreditNote: try row.decode("kind", as: String.self) == "credit_note",
                category: try row.decode("category"), linesNet: try row.decode("lines_net"),
                documentNet: try row.decode("net_ore"))
        }
    }

    /// Every product that existed in the period (active or with bookings in it), with its piece-days
    /// on hire (booking lines of bookings not cancelled, each day inside the period) and its stock ×
    /// the period's days. Busiest first.
    /// - Throws: `DatabaseError`, or a date the database wrote that does not read back.
    public static func utilisation(
        _ connection: Connection, period: ReportPeriod
    ) throws
        -> [ProductUtilisation]
    {
        try connection.query(
            """
            WITH hire AS (
                SELECT bl.product_id,
                       sum(bl.quantity::bigint * (least(bl.period_end, \(period.to.iso)::date)
                                                  - greatest(bl.period_start, \(period.from.iso)::date) + 1)) AS days
                  FROM booking_lines bl JOIN bookings b ON b.id = bl.booking_id
                 WHERE b.state <> 'cancelled'
                   AND daterange(b.period_start, b.period_end, '[]') && daterange(\(period.from.iso)::date, \(period.to.iso)::date, '[]')
                   AND bl.period_start <= \(period.to.iso)::date AND bl.period_end >= \(period.from.iso)::date
                 GROUP BY bl.product_id
            )
            SELECT p.id, p.name, pc.name AS category, p.stock, coalesce(h.days, 0)::bigint AS days_on_hire,
                   p.stock::bigint * \(period.days) AS days_available, p.custom::text AS custom
              FROM products p
              LEFT JOIN hire h ON h.product_id = p.id
              LEFT JOIN product_categories pc ON pc.id = p.category_id
             WHERE p.active OR h.days IS NOT NULL
             ORDER BY coalesce(h.days, 0)::float8 / greatest(p.stock::bigint * \(period.days), 1) DESC, p.name, p.id
            """
        ).map { row in
            var product = ProductUtilisation(
                productID: try row.decode("id"), name: try row.decode("name"), category: try row.decode("category"),
                stock: try row.decode("stock"), daysOnHire: try row.decode("days_on_hire"),
                daysAvailable: try row.decode("days_available"))
            product.custom = CustomFieldStore.values(json: try row.decode("custom"))
            return product
        }
    }

    /// Issued invoices with something left to pay on `asOf`: the amount to pay less payments made
    /// by then and less issued credit notes that credit it (`invoice_outstanding_ore`, migration 0028).
    /// - Throws: `DatabaseError`, or a date the database wrote that does not read back.
    public static func receivables(
        _ connection: Connection, asOf: CalendarDate
    ) throws
        -> ReceivablesReport
    {
        let items = try connection.query(
            """
            SELECT i.id, i.number, i.due_date, \(unsafeRaw: customerName) AS customer_name,
                   (\(asOf.iso)::date - i.due_date) AS days_past_due,
                   invoice_outstanding_ore(i.id, \(asOf.iso)::date) AS outstanding
              FROM invoices i JOIN customers c ON c.id = i.customer_id
             WHERE i.kind = 'invoice' AND i.state = 'issued' AND i.issue_date <= \(asOf.iso)::date
            """
        ).compactMap { row -> ReceivablesReport.Item? in
            let outstanding: Int64 = try row.decode("outstanding")
            guard outstanding > 0 else { return nil }
            return ReceivablesReport.Item(
                invoiceID: try row.decode("id"), number: try row.decode("number"),
                customerName: try row.decode("customer_name"),
                dueDate: try CalendarDate(iso: try row.decode("due_date")),
                outstanding: Money(ore: outstanding), daysPastDue: try row.decode("days_past_due"))
        }
        return ReceivablesReport(asOf: asOf, items: items)
    }

    /// Customers by what their invoices issued in `period` came to excluding VAT, less their credit
    /// notes issued in it; the `limit` largest.
    /// - Throws: `DatabaseError`, or a date the database wrote that does not read back.
    public static func topCustomers(
        _ connection: Connection, period: ReportPeriod, limit: Int = 10
    )
        throws -> [CustomerRevenue]
    {
        try connection.query(
            """
            SELECT c.id, \(unsafeRaw: customerName) AS name,
                   count(*) FILTER (WHERE i.kind = 'invoice') AS invoices,
                   sum(CASE WHEN i.kind = 'credit_note' THEN -i.net_ore ELSE i.net_ore END)::bigint AS net,
                   c.custom::text AS custom
              FROM invoices i JOIN customers c ON c.id = i.customer_id
             WHERE i.state = 'issued' AND i.purpose <> 'security_deposit'
               AND i.issue_date BETWEEN \(period.from.iso)::date AND \(period.to.iso)::date
             GROUP BY c.id
             ORDER BY net DESC, name, c.id
             LIMIT \(limit)
            """
        ).map { row in
            var customer = CustomerRevenue(
                customerID: try row.decode("id"), name: try row.decode("name"),
                invoices: Int(try row.decode("invoices", as: Int64.self)), net: Money(ore: try row.decode("net")))
            customer.custom = CustomFieldStore.values(json: try row.decode("custom"))
            return customer
        }
    }

    /// Quotations first sent in `period` (Stockholm days), with the seconds from that first sending
    /// to their signature, when signed.
    /// - Throws: `DatabaseError`, or a date the database wrote that does not read back.
    public static func conversion(
        _ connection: Connection, period: ReportPeriod
    ) throws
        -> ConversionReport
    {
        let quotations = try connection.query(
            """
            WITH first_sent AS (
                SELECT v.quotation_id, min(v.sent_at) AS sent_at
                  FROM quotation_versions v WHERE v.sent_at IS NOT NULL
                 GROUP BY v.quotation_id
            )
            SELECT to_char(f.sent_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM') AS month,
                   (SELECT extract(epoch FROM min(s.signed_at) - f.sent_at)::bigint
                      FROM signatures s JOIN quotation_versions sv ON sv.id = s.quotation_version_id
                     WHERE sv.quotation_id = f.quotation_id) AS seconds
              FROM first_sent f
             WHERE (f.sent_at AT TIME ZONE 'Europe/Stockholm')::date BETWEEN \(period.from.iso)::date AND \(period.to.iso)::date
            """
        ).map { row in
            ConversionReport.Quotation(
                sentMonth: try row.decode("month"),
                secondsToSign: try row.decode("seconds", as: Int64?.self).map { max(0, $0) })
        }
        return ConversionReport(quotations: quotations, months: period.months)
    }
}

extension ReportStore {
    /// The dashboard's receivables tile: what is open on `asOf` and the part past its due date,
    /// summed in the database (one row, however many invoices there are).
    /// - Throws: `DatabaseError`.
    public static func openReceivables(
        _ connection: Connection, asOf: CalendarDate
    ) throws
        -> (total: Money, overdue: Money)
    {
        let row = try connection.query(
            """
            WITH open AS (
                SELECT i.due_date, invoice_outstanding_ore(i.id, \(asOf.iso)::date) AS outstanding
                  FROM invoices i
                 WHERE i.kind = 'invoice' AND i.state = 'issued' AND i.issue_date <= \(asOf.iso)::date
            )
            SELECT coalesce(sum(outstanding), 0)::bigint AS total,
                   coalesce(sum(outstanding) FILTER (WHERE due_date < \(asOf.iso)::date), 0)::bigint AS overdue
              FROM open WHERE outstanding > 0
            """
        ).first
        return (Money(ore: try row?.decode("total") ?? 0), Money(ore: try row?.decode("overdue") ?? 0))
    }
}

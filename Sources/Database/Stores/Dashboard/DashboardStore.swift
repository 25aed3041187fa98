public import Domain
public import Foundation

/// The dashboard's figures. Each query is bounded (a LIMIT, a capped count, one month of
/// rows through a covering index), so the dashboard does not slow down as bookings pile up.
public enum DashboardStore {
    /// Counts stop at this many.
    public static let countCap = 1000

    /// Quotations sent and waiting for the customer, the longest waiting first.
    /// - Parameter today: today in Stockholm, for the age.
    /// - Throws: `DatabaseError`.
    public static func awaitingSignature(
        _ connection: Connection, today: CalendarDate, limit: Int = 10
    ) throws(DatabaseError)
        -> [AwaitingSignature]
    {
        try connection.query(
            """
            SELECT q.id, q.number, q.title, v.sent_at, coalesce(v.total_ore, q.total_ore) AS total_ore,
                   CASE WHEN c.kind = 'company' AND c.company_name IS NOT NULL THEN c.company_name ELSE c.name END AS customer_name,
                   coalesce(\(today.iso)::date - (v.sent_at AT TIME ZONE 'Europe/Stockholm')::date, 0) AS age_days
              FROM quotations q
              JOIN customers c ON c.id = q.customer_id
              LEFT JOIN quotation_versions v ON v.quotation_id = q.id AND v.version_no = q.current_version
             WHERE q.state = 'sent'
             ORDER BY v.sent_at NULLS LAST, q.id
             LIMIT \(limit)
            """
        ).map { row throws(DatabaseError) in
            AwaitingSignature(
                id: QuotationID(rawValue: try row.decode("id")), number: try row.decode("number"),
                title: try row.decode("title"),
                customerName: try row.decode("customer_name"), sentAt: try row.decode("sent_at"),
                ageDays: try row.decode("age_days"), total: Money(ore: try row.decode("total_ore")))
        }
    }

    /// How many quotations wait for a signature.
    /// - Throws: `DatabaseError`.
    public static func awaitingSignatureCount(_ connection: Connection) throws(DatabaseError) -> CappedCount {
        try capped(connection, "SELECT 1 FROM quotations WHERE state = 'sent' ORDER BY updated_at DESC")
    }

    /// Bookings made by a signature since `since`, newest first.
    /// - Throws: `DatabaseError`.
    public static func recentlySigned(
        _ connection: Connection, since: Date, limit: Int = 10
    ) throws(DatabaseError)
        -> [RecentlySigned]
    {
        try connection.query(
            """
            SELECT \(unsafeRaw: BookingStore.summaryColumns), q.number AS quotation_number, b.created_at
              FROM bookings b
              JOIN customers c ON c.id = b.customer_id
              JOIN quotations q ON q.id = b.quotation_id
             WHERE b.created_at >= \(since)
             ORDER BY b.created_at DESC, b.id DESC
             LIMIT \(limit)
            """
        ).map { row throws(DatabaseError) in
            RecentlySigned(
                booking: try BookingStore.summary(row), quotationNumber: try row.decode("quotation_number"),
                signedAt: try row.decode("created_at"))
        }
    }

    /// Confirmed bookings no manager has approved yet, newest first (a partial index holds exactly these).
    /// - Throws: `DatabaseError`.
    public static func awaitingApproval(
        _ connection: Connection, limit: Int = 10
    ) throws(DatabaseError) -> [BookingSummary] {
        try connection.query(
            """
            SELECT \(unsafeRaw: BookingStore.summaryColumns)
              FROM bookings b JOIN customers c ON c.id = b.customer_id
             WHERE b.state = 'confirmed' AND b.approved_at IS NULL
             ORDER BY b.id DESC
             LIMIT \(limit)
            """
        ).map(BookingStore.summary)
    }

    /// - Throws: `DatabaseError`.
    public static func awaitingApprovalCount(_ connection: Connection) throws(DatabaseError) -> CappedCount {
        try capped(
            connection, "SELECT 1 FROM bookings WHERE state = 'confirmed' AND approved_at IS NULL ORDER BY id DESC")
    }

    /// Bookings per state, each count capped: an index-only scan of at most `countCap + 1` entries
    /// of `(state, id DESC)` per state (the ORDER BY makes that the plan even for a rare state,
    /// where a sequential scan hoping to stop early would read the whole table).
    /// - Throws: `DatabaseError`.
    public static func countsByState(_ connection: Connection) throws(DatabaseError) -> [(BookingState, CappedCount)] {
        let states = "{" + BookingState.allCases.map(\.rawValue).joined(separator: ",") + "}"
        let rows = try connection.query(
            """
            SELECT s.state,
                   (SELECT count(*) FROM (SELECT 1 FROM bookings b WHERE b.state = s.state ORDER BY b.id DESC
                                          LIMIT \(countCap + 1)) x) AS n
              FROM unnest(\(states)::text[]) WITH ORDINALITY AS s(state, position)
             ORDER BY s.position
            """)
        var counts: [(BookingState, CappedCount)] = []
        for row in rows {
            let n: Int = try row.decode("n")
            counts.append((try BookingStore.state(row), CappedCount(value: min(n, countCap), isCapped: n > countCap)))
        }
        return counts
    }

    /// Revenue excluding VAT (`total_ore - vat_ore`) of bookings not cancelled, by `created_at`:
    /// from `thisMonthStart` on, `[lastMonthStart, thisMonthStart)` and `[lastMonthStart, sameTimeLastMonth)`.
    /// The instants are computed by the caller in Europe/Stockholm.
    /// - Throws: `DatabaseError`.
    public static func revenue(
        _ connection: Connection, lastMonthStart: Date, thisMonthStart: Date, sameTimeLastMonth: Date
    ) throws(DatabaseError) -> RevenueComparison {
        let row = try connection.query(
            """
            SELECT coalesce(sum(total_ore - vat_ore) FILTER (WHERE created_at >= \(thisMonthStart)), 0)::bigint AS this_month,
                   coalesce(sum(total_ore - vat_ore) FILTER (WHERE created_at < \(thisMonthStart)), 0)::bigint AS last_month,
                   coalesce(sum(total_ore - vat_ore) FILTER (WHERE created_at < \(sameTimeLastMonth)), 0)::bigint AS last_to_date
              FROM bookings
             WHERE created_at >= \(lastMonthStart) AND state <> 'cancelled'
            """)[0]
        return RevenueComparison(
            thisMonth: Money(ore: try row.decode("this_month")), lastMonth: Money(ore: try row.decode("last_month")),
            lastMonthToDate: Money(ore: try row.decode("last_to_date")))
    }

    /// `SELECT count(*)` over at most `countCap + 1` rows of `rowsQuery`, which orders by an
    /// index so the plan is an index scan that stops at the cap.
    static func capped(_ connection: Connection, _ rowsQuery: Query) throws(DatabaseError) -> CappedCount {
        let n: Int = try connection.query(
            "SELECT count(*) AS n FROM (\(fragment: rowsQuery) LIMIT \(countCap + 1)) x")[0].decode("n")
        return CappedCount(value: min(n, countCap), isCapped: n > countCap)
    }
}

public import Domain

/// Bookings by date: the calendar pages, the iCalendar feed and the dashboard's day lists.
extension BookingStore {
    static let calendarColumns = """
        b.id, b.number, b.state, b.title, b.period_start::text AS period_start, b.period_end::text AS period_end,
        CASE WHEN c.kind = 'company' AND c.company_name IS NOT NULL THEN c.company_name ELSE c.name END AS customer_name,
        coalesce(b.delivery_address_line1, '') AS l1, coalesce(b.delivery_address_line2, '') AS l2,
        coalesce(b.delivery_postal_code, '') AS pc, coalesce(b.delivery_city, '') AS city, b.delivery_country
        """

    /// Bookings whose rental period shares a day with `period`, cancelled ones left out, by start
    /// day (served by the gist index on the period). At most `limit`.
    /// - Throws: `DatabaseError`.
    public static func overlapping(
        _ connection: Connection, period: RentalPeriod, limit: Int = 2000
    ) throws(DatabaseError)
        -> [CalendarBooking]
    {
        try connection.query(
            """
            SELECT \(unsafeRaw: calendarColumns)
              FROM bookings b JOIN customers c ON c.id = b.customer_id
             WHERE daterange(b.period_start, b.period_end, '[]') && daterange(\(period.start.iso)::date, \(period.end.iso)::date, '[]')
               AND b.state <> 'cancelled'
             ORDER BY b.period_start, b.period_end, b.id
             LIMIT \(limit)
            """
        ).map(calendarBooking)
    }

    /// Deliveries (the period starts) on `day`, cancelled ones left out.
    /// - Throws: `DatabaseError`.
    public static func deliveries(
        _ connection: Connection, on day: CalendarDate, limit: Int = 50
    ) throws(DatabaseError)
        -> [CalendarBooking]
    {
        try bookings(connection, where: .start, is: day, limit: limit)
    }

    /// Pickups (the period ends) on `day`, cancelled ones left out.
    /// - Throws: `DatabaseError`.
    public static func pickups(
        _ connection: Connection, on day: CalendarDate, limit: Int = 50
    ) throws(DatabaseError)
        -> [CalendarBooking]
    {
        try bookings(connection, where: .end, is: day, limit: limit)
    }

    /// The end of the rental period a day's list is about, as its column.
    private enum PeriodEnd: String {
        case start = "b.period_start"
        case end = "b.period_end"
    }

    /// Bookings whose period starts or ends on `day`, cancelled ones left out, by number.
    private static func bookings(
        _ connection: Connection, where end: PeriodEnd, is day: CalendarDate, limit: Int
    )
        throws(DatabaseError) -> [CalendarBooking]
    {
        try connection.query(
            """
            SELECT \(unsafeRaw: calendarColumns)
              FROM bookings b JOIN customers c ON c.id = b.customer_id
             WHERE \(unsafeRaw: end.rawValue) = \(day.iso)::date AND b.state <> 'cancelled'
             ORDER BY b.number
             LIMIT \(limit)
            """
        ).map(calendarBooking)
    }

    /// What the iCalendar feed lists: every booking overlapping `window`, cancelled ones included
    /// (so a subscribed calendar shows them as cancelled instead of keeping a stale event), with
    /// the contact and the reserved products. At most `limit`.
    /// - Throws: `DatabaseError`.
    public static func feed(
        _ connection: Connection, window: RentalPeriod, limit: Int = 5000
    ) throws(DatabaseError)
        -> [FeedBooking]
    {
        let rows = try connection.query(
            """
            SELECT \(unsafeRaw: calendarColumns), c.name AS contact_name, c.phone, b.created_at, b.updated_at, b.version
              FROM bookings b JOIN customers c ON c.id = b.customer_id
             WHERE daterange(b.period_start, b.period_end, '[]') && daterange(\(window.start.iso)::date, \(window.end.iso)::date, '[]')
             ORDER BY b.period_start, b.id
             LIMIT \(limit)
            """)
        guard !rows.isEmpty else { return [] }
        var ids: [Int64] = []
        ids.reserveCapacity(rows.count)
        for row in rows { ids.append(try row.decode("id")) }
        let idArray = "{" + ids.map(String.init).joined(separator: ",") + "}"
        var items: [Int64: [FeedBooking.Item]] = [:]
        for row in try connection.query(
            """
            SELECT bl.booking_id, bl.quantity, p.name
              FROM booking_lines bl JOIN products p ON p.id = bl.product_id
             WHERE bl.booking_id = ANY(\(idArray)::bigint[])
             ORDER BY bl.booking_id, bl.id
            """)
        {
            items[try row.decode("booking_id"), default: []].append(
                FeedBooking.Item(quantity: try row.decode("quantity"), name: try row.decode("name")))
        }
        return try rows.map { row throws(DatabaseError) in
            let booking = try calendarBooking(row)
            return FeedBooking(
                booking: booking, contactName: try row.decode("contact_name"), contactPhone: try row.decode("phone"),
                items: items[booking.id.rawValue] ?? [], createdAt: try row.decode("created_at"),
                updatedAt: try row.decode("updated_at"), version: try row.decode("version"))
        }
    }

    static func calendarBooking(_ row: Row) throws(DatabaseError) -> CalendarBooking {
        CalendarBooking(
            id: BookingID(rawValue: try row.decode("id")), number: try row.decode("number"),
            state: try BookingStore.state(row),
            title: try row.decode("title"), period: try BookingStore.period(row),
            customerName: try row.decode("customer_name"),
            deliveryAddress: PostalAddress(
                line1: try row.decode("l1"), line2: try row.decode("l2"), postalCode: try row.decode("pc"),
                city: try row.decode("city"), country: try row.decode("delivery_country")))
    }
}

public import Domain

/// The filters of the bookings list (`/admin/bookings?state=&from=&to=&customer=&q=&after=`),
/// already validated by the handler.
public struct BookingListFilter: Sendable, Equatable {
    public var state: BookingState?
    /// Bookings whose rental period shares at least one day with `from…to` (either end may be open).
    public var from: CalendarDate?
    public var to: CalendarDate?
    public var customer: CustomerID?
    /// A substring of the booking number, the event title, or the customer's name, company,
    /// email or phone.
    public var search: String?
    /// Keyset cursor: only bookings with a smaller id (the list is newest first).
    public var after: BookingID?
    public var limit: Int
    /// Filters on the bookings' custom fields.
    public var custom: [CustomFilter] = []

    public init(
        state: BookingState? = nil, from: CalendarDate? = nil, to: CalendarDate? = nil, customer: CustomerID? = nil,
        search: String? = nil, after: BookingID? = nil, limit: Int = 50
    ) {
        self.state = state
        self.from = from
        self.to = to
        self.customer = customer
        self.search = search
        self.after = after
        self.limit = limit
    }
}

/// A page of the bookings list: at most `limit` rows and the cursor of the next page.
public struct BookingListPage: Sendable {
    public let rows: [BookingSummary]
    /// Pass as `after` for the next page; nil on the last page.
    public let nextCursor: BookingID?
}

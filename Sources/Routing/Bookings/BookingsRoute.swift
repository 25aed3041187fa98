public import Domain

/// Bookings: the list, one booking and its moves, the packing list, and the calendar.
public enum BookingsRoute: Hashable, Sendable {
    /// `/admin/bookings?state=&from=&to=&customer=&q=&after=`
    case list(BookingListQuery)
    /// `/admin/bookings/{id}`
    case show(BookingID)
    /// `POST /admin/bookings/{id}/approve`
    case approve(BookingID)
    /// `POST /admin/bookings/{id}/state/{packed|delivered|returned|closed|cancelled}`
    case transition(BookingID, to: BookingState)
    /// `POST /admin/bookings/{id}/notes`
    case notes(BookingID)
    /// `/admin/bookings/{id}/packing-list` — printable.
    case packingList(BookingID)
    /// `/admin/calendar?view=month|week&date=YYYY-MM-DD`
    case calendar(CalendarQuery)
}

/// The booking list's filters, search and cursor, as typed: the page explains a bad value next
/// to its field (and answers 400 for a cursor it did not print).
public struct BookingListQuery: RouteQuery {
    public var state: String?
    public var from: String?
    public var to: String?
    /// A customer's id: the bookings of one customer.
    public var customer: String?
    /// `q`: search text.
    public var search: String?
    public var after: String?

    public init(
        state: String? = nil, from: String? = nil, to: String? = nil, customer: String? = nil, search: String? = nil,
        after: String? = nil
    ) {
        self.state = nonEmpty(state)
        self.from = nonEmpty(from)
        self.to = nonEmpty(to)
        self.customer = nonEmpty(customer)
        self.search = nonEmpty(search)
        self.after = nonEmpty(after)
    }

    public init(reading query: (String) -> String?) {
        self.init(
            state: query("state"), from: query("from"), to: query("to"),
            customer: query("customer"), search: query("q"), after: query("after"))
    }

    /// The custom-field filters (`cf_<key>`…), read by the handler for the fields that are filters.
    public var custom: [String: String] = [:]

    public var items: [String: String] {
        custom.merging([
            "state": state ?? "", "from": from ?? "", "to": to ?? "", "customer": customer ?? "", "q": search ?? "",
            "after": after ?? "",
        ]) { _, own in own }
    }
}

/// The calendar's view (`month` or `week`) and a day in it, as typed (400 when not understood).
public struct CalendarQuery: RouteQuery {
    public var view: String?
    public var date: String?

    public init(view: String? = nil, date: String? = nil) {
        self.view = nonEmpty(view)
        self.date = nonEmpty(date)
    }

    public init(reading query: (String) -> String?) {
        self.init(view: query("view"), date: query("date"))
    }

    public var items: [String: String] { ["view": view ?? "", "date": date ?? ""] }
}

extension BookingsRoute: FeatureRoute {
    public var endpoint: Endpoint<BookingsRoute> {
        switch self {
        case .list(let query):
            Endpoint(.get, ["admin", "bookings"], query: query.items, access: .everyone) { c in
                .list(BookingListQuery(reading: c.query))
            }
        case .show(let id):
            Endpoint(.get, ["admin", "bookings", .id(id.rawValue)], access: .everyone) { c in
                .show(BookingID(rawValue: c.ids[0]))
            }
        case .approve(let id):
            Endpoint(.post, ["admin", "bookings", .id(id.rawValue), "approve"], access: .management) { c in
                .approve(BookingID(rawValue: c.ids[0]))
            }
        case .transition(let id, let target):
            // Logistics moves the goods; management confirms, closes and cancels. Confirming is
            // approval's job, so it has no path of its own.
            Endpoint(
                .post, ["admin", "bookings", .id(id.rawValue), "state", .text(target.rawValue)],
                access: Self.access(to: target)
            ) { c in
                guard let target = BookingState(rawValue: c.texts[0]), target != .confirmed else { return nil }
                return .transition(BookingID(rawValue: c.ids[0]), to: target)
            }
        case .notes(let id):
            Endpoint(.post, ["admin", "bookings", .id(id.rawValue), "notes"], access: .everyone) { c in
                .notes(BookingID(rawValue: c.ids[0]))
            }
        case .packingList(let id):
            Endpoint(.get, ["admin", "bookings", .id(id.rawValue), "packing-list"], access: .logistics) { c in
                .packingList(BookingID(rawValue: c.ids[0]))
            }
        case .calendar(let query):
            Endpoint(.get, ["admin", "calendar"], query: query.items, access: .everyone) { c in
                .calendar(CalendarQuery(reading: c.query))
            }
        }
    }

    private static func access(to target: BookingState) -> Access {
        switch target {
        case .packed, .delivered, .returned: .logistics
        case .confirmed, .closed, .cancelled: .management
        }
    }

    /// Every target a booking can be moved to by hand, so the roles matrix is checked for each.
    public static let samples: [BookingsRoute] =
        [.list(BookingListQuery()), .show(BookingID(rawValue: 1)), .approve(BookingID(rawValue: 1))]
        + BookingState.allCases.filter { $0 != .confirmed }.map { .transition(BookingID(rawValue: 1), to: $0) }
        + [.notes(BookingID(rawValue: 1)), .packingList(BookingID(rawValue: 1)), .calendar(CalendarQuery())]
}

import HTTP
import Routing

extension BookingsHandler {
    /// Bookings, their moves and packing lists, and the calendar.
    static func handle(_ route: BookingsRoute, _ admin: AdminContext) throws -> Response {
        switch route {
        case .list(let query): try list(query, admin)
        case .show(let id): try show(id, admin)
        case .approve(let id): try approve(id, admin)
        case .transition(let id, let target): try transition(id, to: target, admin)
        case .notes(let id): try notes(id, admin)
        case .packingList(let id): try packingList(id, admin)
        case .calendar(let query): try CalendarHandler.show(query, admin)
        }
    }
}

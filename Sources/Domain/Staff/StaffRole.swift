/// What a staff member may do. The README's roles matrix is the human-readable form of
/// `Route.access`; every admin route names the roles it allows.
public enum StaffRole: String, CaseIterable, Sendable, Codable, Hashable {
    /// Everything, including users and settings.
    case admin
    /// Sales, prices, bookings, approvals, reports.
    case manager
    /// Bookings' logistics (packing, delivery, return) and stock levels.
    case warehouse
    /// Customers, messages, reading quotations and bookings.
    case support
}

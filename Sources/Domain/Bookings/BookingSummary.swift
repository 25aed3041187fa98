public import struct Foundation.Date

// Read models of bookings (this file and its neighbours): what the booking stores fill and the
// staff pages, the calendar feed and the dashboard show. Plain values, so the stores and the
// templates share them without a mapping layer in between.

/// One row of the bookings list (and of the dashboard's booking lists).
public struct BookingSummary: Sendable, Equatable {
    public let id: BookingID
    public let number: String
    public let state: BookingState
    public let title: String?
    public let period: RentalPeriod
    public let customerID: CustomerID
    /// The company for a company customer, else the person's name.
    public let customerName: String
    /// The delivery address's city, when known.
    public let city: String?
    public let approvedAt: Date?
    /// Including VAT.
    public let total: Money
    /// The custom fields' values (the list's custom columns).
    public var custom: [String: JSONValue] = [:]

    public init(
        id: BookingID, number: String, state: BookingState, title: String?, period: RentalPeriod,
        customerID: CustomerID,
        customerName: String, city: String?, approvedAt: Date?, total: Money
    ) {
        self.id = id
        self.number = number
        self.state = state
        self.title = title
        self.period = period
        self.customerID = customerID
        self.customerName = customerName
        self.city = city
        self.approvedAt = approvedAt
        self.total = total
    }

    /// Confirmed and not yet approved by a manager.
    public var awaitsApproval: Bool { state == .confirmed && approvedAt == nil }
}

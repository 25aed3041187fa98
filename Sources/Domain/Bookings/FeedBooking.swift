public import struct Foundation.Date

/// A booking as the iCalendar feed describes it.
public struct FeedBooking: Sendable, Equatable {
    /// A reserved product: how many of what.
    public struct Item: Sendable, Equatable {
        public let quantity: Int
        public let name: String

        public init(quantity: Int, name: String) {
            self.quantity = quantity
            self.name = name
        }
    }

    public let booking: CalendarBooking
    public let contactName: String
    public let contactPhone: String?
    public let items: [Item]
    public let createdAt: Date
    public let updatedAt: Date
    /// Increases with every change: the event's SEQUENCE.
    public let version: Int

    public init(
        booking: CalendarBooking, contactName: String, contactPhone: String?, items: [Item], createdAt: Date,
        updatedAt: Date, version: Int
    ) {
        self.booking = booking
        self.contactName = contactName
        self.contactPhone = contactPhone
        self.items = items
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
    }
}

/// A booking on the calendar, in the feed, or in the dashboard's day lists.
public struct CalendarBooking: Sendable, Equatable {
    public let id: BookingID
    public let number: String
    public let state: BookingState
    public let title: String?
    public let period: RentalPeriod
    public let customerName: String
    public let deliveryAddress: PostalAddress

    public init(
        id: BookingID, number: String, state: BookingState, title: String?, period: RentalPeriod, customerName: String,
        deliveryAddress: PostalAddress
    ) {
        self.id = id
        self.number = number
        self.state = state
        self.title = title
        self.period = period
        self.customerName = customerName
        self.deliveryAddress = deliveryAddress
    }
}

/// A booking that holds units of a product during a period (a line of the availability strip's
/// "who has it" list).
public struct ReservingBooking: Sendable, Equatable {
    public let id: BookingID
    public let number: String
    public let customerName: String
    public let state: BookingState
    /// The line's period (usually the booking's).
    public let period: RentalPeriod
    public let quantity: Int

    public init(
        id: BookingID, number: String, customerName: String, state: BookingState, period: RentalPeriod, quantity: Int
    ) {
        self.id = id
        self.number = number
        self.customerName = customerName
        self.state = state
        self.period = period
        self.quantity = quantity
    }
}

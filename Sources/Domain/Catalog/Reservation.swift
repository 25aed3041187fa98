/// Units of one product held for a period: a confirmed booking's line (or a line being checked).
public struct Reservation: Sendable, Hashable {
    public let quantity: Int
    public let period: RentalPeriod

    public init(quantity: Int, period: RentalPeriod) {
        self.quantity = quantity
        self.period = period
    }
}

/// What a change to a booking came to.
public enum BookingChange: Sendable, Equatable {
    case done
    case notFound
    case refused(BookingRefusal)
}

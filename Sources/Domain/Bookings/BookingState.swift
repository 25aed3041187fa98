/// Where a booking is. Raw values are the database's `bookings.state`.
///
/// `confirmed → packed → delivered → returned → closed`, one step at a time, or `cancelled` from
/// `confirmed` or `packed` with a reason. `closed` and `cancelled` are final.
public enum BookingState: String, Sendable, Hashable, CaseIterable, Codable {
    case confirmed, packed, delivered, returned, closed, cancelled

    public func canTransition(to next: BookingState) -> Bool {
        switch (self, next) {
        case (.confirmed, .packed), (.packed, .delivered), (.delivered, .returned), (.returned, .closed): true
        case (.confirmed, .cancelled), (.packed, .cancelled): true
        default: false
        }
    }

    /// Moves to `next`. Throws ``BookingTransitionError/notAllowed(_:)`` when
    /// ``canTransition(to:)`` says no, ``BookingTransitionError/reasonRequired`` when cancelling
    /// without a non-blank `reason`.
    public mutating func transition(to next: BookingState, reason: String? = nil) throws(BookingTransitionError) {
        guard canTransition(to: next) else {
            throw .notAllowed(StateTransitionError(from: rawValue, to: next.rawValue))
        }
        if next == .cancelled, !(reason ?? "").contains(where: { !$0.isWhitespace }) { throw .reasonRequired }
        self = next
    }

    /// The booking still holds its stock (counts in availability).
    public var reservesStock: Bool { self == .confirmed || self == .packed || self == .delivered }

    public var isFinal: Bool { self == .closed || self == .cancelled }
}

public enum BookingTransitionError: Error, Sendable, Equatable, CustomStringConvertible {
    case notAllowed(StateTransitionError)
    case reasonRequired

    public var description: String {
        switch self {
        case .notAllowed(let error): error.description
        case .reasonRequired: "A cancellation needs a reason."
        }
    }
}

public import Database
public import Domain

/// Staff move a booking one step through its workflow (`BookingRules.transition`), in one
/// transaction with its audit row. Cancelling stores the reason and the time; stock is released
/// because a cancelled (or returned) booking no longer counts in availability
/// (`BookingState.reservesStock`).
public enum TransitionBooking {
    /// - Parameter seen: the state the staff member's page showed.
    /// - Throws: `DatabaseError`.
    public static func run(
        _ connection: Connection, id: BookingID, from seen: BookingState, to target: BookingState,
        reason: String? = nil,
        actor: AuditActor
    ) throws -> BookingChange {
        try connection.transaction { tx in
            guard let locked = try BookingStore.lockForChange(tx, id: id) else { return .notFound }
            switch BookingRules.transition(current: locked.state, seen: seen, to: target, reason: reason) {
            case .refused(let refusal):
                return .refused(refusal)
            case .move(let next):
                let cancelReason =
                    next == .cancelled ? reason.flatMap { $0.contains(where: { !$0.isWhitespace }) ? $0 : nil } : nil
                try BookingStore.setState(
                    tx, id: id, from: locked.state, to: next, cancelReason: cancelReason, actor: actor)
                return .done
            }
        }
    }
}

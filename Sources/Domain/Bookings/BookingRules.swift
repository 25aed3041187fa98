public import Foundation

/// The staff's changes to a booking, decided from what is stored and what the page showed.
public enum BookingRules {
    /// Where a workflow step leads.
    public enum Step: Sendable, Equatable {
        case move(to: BookingState)
        case refused(BookingRefusal)
    }

    /// The state a workflow step moves the booking to, or why not. `seen` is the state the staff
    /// member's page showed: when the booking has moved since, nothing changes (`.stale`), so a
    /// click on an old page never does something the person did not see. Cancelling needs a
    /// non-blank reason.
    public static func transition(
        current: BookingState, seen: BookingState, to target: BookingState, reason: String?
    )
        -> Step
    {
        guard current == seen else { return .refused(.stale(current: current)) }
        var next = current
        do {
            try next.transition(to: target, reason: reason)
        } catch .reasonRequired {
            return .refused(.reasonRequired)
        } catch {
            return .refused(.notAllowed(from: current, to: target))
        }
        return .move(to: next)
    }

    /// Why a manager may not approve the booking now (already approved — a second click, another
    /// manager — or cancelled); nil: approve.
    public static func approvalRefusal(state: BookingState, approvedBy: String?, approvedAt: Date?) -> BookingRefusal? {
        if let approvedAt { return .alreadyApproved(by: approvedBy, at: approvedAt) }
        if state == .cancelled { return .cancelled }
        return nil
    }
}

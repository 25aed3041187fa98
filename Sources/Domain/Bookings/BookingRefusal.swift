public import struct Foundation.Date

/// Why a change to a booking was refused; nothing was written.
public enum BookingRefusal: Sendable, Equatable {
    /// The page the request came from showed another state: someone moved the booking meanwhile.
    case stale(current: BookingState)
    /// The workflow does not allow this step from the current state.
    case notAllowed(from: BookingState, to: BookingState)
    /// Cancelling needs a reason.
    case reasonRequired
    case alreadyApproved(by: String?, at: Date)
    /// A cancelled booking cannot be approved.
    case cancelled
    /// The form was based on an older version of the booking (optimistic locking).
    case versionChanged
}

extension BookingState {
    /// The states the booking may move to next, in workflow order (the forward step first,
    /// cancelling last): what the booking page offers as buttons.
    public var nextStates: [BookingState] {
        BookingState.allCases.filter { canTransition(to: $0) }
    }

    /// The stage the workflow has reached, 1 (confirmed) to 5 (closed); `nil` for cancelled.
    public var workflowStep: Int? {
        switch self {
        case .confirmed: 1
        case .packed: 2
        case .delivered: 3
        case .returned: 4
        case .closed: 5
        case .cancelled: nil
        }
    }

    /// The forward workflow, in order: confirmed → packed → delivered → returned → closed.
    public static let workflow: [BookingState] = [.confirmed, .packed, .delivered, .returned, .closed]
}

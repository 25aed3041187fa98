public import struct Foundation.Date

/// One entry of a booking's history: an audit row.
public struct BookingHistoryEntry: Sendable, Equatable {
    public let at: Date
    /// The staff member's name; nil for the customer (signing) or the system.
    public let actorName: String?
    /// `user`, `customer`, `system` or `worker`.
    public let actorKind: String
    /// `created`, `state_changed`, `approved`, `updated`, …
    public let action: String
    public let before: [String: String]
    public let after: [String: String]

    public init(
        at: Date, actorName: String?, actorKind: String, action: String, before: [String: String],
        after: [String: String]
    ) {
        self.at = at
        self.actorName = actorName
        self.actorKind = actorKind
        self.action = action
        self.before = before
        self.after = after
    }
}

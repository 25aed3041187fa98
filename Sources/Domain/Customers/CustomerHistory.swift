public import Foundation

/// What has happened with a customer: their quotations, bookings and the latest changes to any of
/// them, newest first.
public struct CustomerHistory: Sendable {
    public struct Quotation: Sendable, Equatable {
        public let id: QuotationID
        public let number: String
        public let title: String
        public let state: QuotationState
        public let total: Money
        public let period: RentalPeriod
        public let createdAt: Date

        public init(
            id: QuotationID, number: String, title: String, state: QuotationState, total: Money, period: RentalPeriod,
            createdAt: Date
        ) {
            self.id = id
            self.number = number
            self.title = title
            self.state = state
            self.total = total
            self.period = period
            self.createdAt = createdAt
        }
    }

    public struct Booking: Sendable, Equatable {
        public let id: BookingID
        public let number: String
        public let title: String
        public let state: BookingState
        public let total: Money
        public let period: RentalPeriod

        public init(
            id: BookingID, number: String, title: String, state: BookingState, total: Money, period: RentalPeriod
        ) {
            self.id = id
            self.number = number
            self.title = title
            self.state = state
            self.total = total
            self.period = period
        }
    }

    /// One changed field of an audit row, old and new value as text.
    public struct Change: Sendable, Equatable {
        public let field: String
        public let before: String
        public let after: String

        public init(field: String, before: String, after: String) {
            self.field = field
            self.before = before
            self.after = after
        }
    }

    /// One audit row about the customer or one of their quotations or bookings.
    public struct Activity: Sendable, Equatable {
        public let at: Date
        /// The staff member's name; empty for the customer, the system or the worker.
        public let actorName: String
        /// `user`, `customer`, `system` or `worker`.
        public let actorKind: String
        /// `customer`, `quotation` or `booking`.
        public let entityType: String
        public let entityID: Int64?
        /// The quotation's or booking's number; empty for the customer itself.
        public let subject: String
        public let action: String
        /// Changed fields with their old and new values (as text), in field order.
        public let changes: [Change]

        public init(
            at: Date, actorName: String, actorKind: String, entityType: String, entityID: Int64?, subject: String = "",
            action: String, changes: [Change]
        ) {
            self.at = at
            self.actorName = actorName
            self.actorKind = actorKind
            self.entityType = entityType
            self.entityID = entityID
            self.subject = subject
            self.action = action
            self.changes = changes
        }
    }

    /// The newest quotations (at most `limit` of them).
    public let quotations: [Quotation]
    public let bookings: [Booking]
    public let activity: [Activity]
    /// How many rows each section shows at most; a section that is full links to the full list.
    public let limit: Int

    public init(quotations: [Quotation], bookings: [Booking], activity: [Activity], limit: Int) {
        self.quotations = quotations
        self.bookings = bookings
        self.activity = activity
        self.limit = limit
    }
}

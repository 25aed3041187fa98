public import Foundation

/// A quotation as its customer sees it in the portal.
public struct PortalQuotation: Sendable, Equatable {
    public let id: QuotationID
    public let number: String
    public let title: String
    public let state: QuotationState
    public let total: Money
    public let period: RentalPeriod
    /// When the live signing link runs out; nil when the quotation has none (not sent, signed, voided).
    public let linkExpiresAt: Date?

    public init(
        id: QuotationID, number: String, title: String, state: QuotationState, total: Money, period: RentalPeriod,
        linkExpiresAt: Date?
    ) {
        self.id = id
        self.number = number
        self.title = title
        self.state = state
        self.total = total
        self.period = period
        self.linkExpiresAt = linkExpiresAt
    }
}

/// A booking as its customer sees it: status, delivery (first day) and pickup (last day), address.
public struct PortalBooking: Sendable, Equatable {
    public let id: BookingID
    public let number: String
    public let title: String
    public let state: BookingState
    public let total: Money
    public let period: RentalPeriod
    public let address: [String]

    public init(
        id: BookingID, number: String, title: String, state: BookingState, total: Money, period: RentalPeriod,
        address: [String]
    ) {
        self.id = id
        self.number = number
        self.title = title
        self.state = state
        self.total = total
        self.period = period
        self.address = address
    }
}

/// Everything on the portal's home page, all of it the one customer's.
public struct PortalHome: Sendable, Equatable {
    public let quotations: [PortalQuotation]
    public let bookings: [PortalBooking]
    /// Issued invoices and credit notes only; drafts are the company's.
    public let invoices: [InvoiceSummary]
    public let conversations: [ConversationSummary]

    public init(
        quotations: [PortalQuotation], bookings: [PortalBooking], invoices: [InvoiceSummary],
        conversations: [ConversationSummary]
    ) {
        self.quotations = quotations
        self.bookings = bookings
        self.invoices = invoices
        self.conversations = conversations
    }
}

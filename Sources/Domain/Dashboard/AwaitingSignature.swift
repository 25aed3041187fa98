public import struct Foundation.Date

/// A quotation sent and not yet signed (the dashboard's "awaiting signature").
public struct AwaitingSignature: Sendable, Equatable {
    public let id: QuotationID
    public let number: String
    public let title: String?
    public let customerName: String
    public let sentAt: Date?
    /// Whole days since it was sent, counted in Stockholm days (0 = sent today).
    public let ageDays: Int
    /// The sent version's total including VAT.
    public let total: Money

    public init(
        id: QuotationID, number: String, title: String?, customerName: String, sentAt: Date?, ageDays: Int, total: Money
    ) {
        self.id = id
        self.number = number
        self.title = title
        self.customerName = customerName
        self.sentAt = sentAt
        self.ageDays = ageDays
        self.total = total
    }
}

public import struct Foundation.Date

/// A booking made by a customer's signature.
public struct RecentlySigned: Sendable, Equatable {
    public let booking: BookingSummary
    public let quotationNumber: String
    public let signedAt: Date

    public init(booking: BookingSummary, quotationNumber: String, signedAt: Date) {
        self.booking = booking
        self.quotationNumber = quotationNumber
        self.signedAt = signedAt
    }
}

public import Domain
public import Foundation

/// The content staff edit in a draft: everything but the number, the state and the history.
/// Totals are not part of it: they are computed from it (`QuotationTotals`) on every save.
public struct QuotationEdit: Sendable, Equatable {
    public var customer: CustomerID
    public var title: String
    public var period: RentalPeriod
    public var deliveryAddress: PostalAddress
    public var lines: [QuotationLine]
    public var discount: Discount
    public var shipping: Money
    public var vatRate: VATRate
    /// Already sanitised (`HTMLSanitizer`); stored as it is.
    public var termsHTML: String
    public var messageToCustomer: String
    public var internalNotes: String

    public init(
        customer: CustomerID, title: String, period: RentalPeriod, deliveryAddress: PostalAddress,
        lines: [QuotationLine], discount: Discount, shipping: Money, vatRate: VATRate, termsHTML: String,
        messageToCustomer: String, internalNotes: String
    ) {
        self.customer = customer
        self.title = title
        self.period = period
        self.deliveryAddress = deliveryAddress
        self.lines = lines
        self.discount = discount
        self.shipping = shipping
        self.vatRate = vatRate
        self.termsHTML = termsHTML
        self.messageToCustomer = messageToCustomer
        self.internalNotes = internalNotes
    }

    /// The money of this content. - Throws: `QuotationError`.
    public func totals() throws(QuotationError) -> QuotationTotals {
        try QuotationTotals.compute(
            lines: lines, period: period, discount: discount, shipping: shipping, vatRate: vatRate)
    }
}

/// The live signing link of a sent quotation, as staff may see it: when and to whom, how long it
/// lives, whether it was opened. Never the token (only its hash is stored anyway).
public struct SigningLinkSummary: Sendable, Equatable {
    public let id: SigningLinkID
    public let versionNo: Int
    public let recipient: String
    public let createdAt: Date
    public let expiresAt: Date
    public let voidedAt: Date?
    public let firstViewedAt: Date?
    public let lastViewedAt: Date?
    public let viewCount: Int
    public let createdByName: String?

    public func isExpired(at now: Date = Date()) -> Bool { expiresAt <= now }
}

/// A quotation as the editor and the read view show it.
public struct QuotationRecord: Sendable {
    public let id: QuotationID
    public let number: String
    public let state: QuotationState
    /// Optimistic locking: forms carry it, saves must match it.
    public let version: Int
    /// The last sent version's number (0: never sent).
    public let currentVersion: Int
    public let content: QuotationEdit
    /// The customer as it is now (a sent version keeps its own frozen copy).
    public let customer: CustomerDetails
    public let customerArchived: Bool
    public let createdAt: Date
    public let updatedAt: Date
    public let createdByName: String
    public let booking: (id: BookingID, number: String)?
    /// The link the customer can use now, if any.
    public let liveLink: SigningLinkSummary?
}

public import struct Foundation.Date

/// Everything the booking page and the packing list show.
public struct BookingDetail: Sendable, Equatable {
    public let id: BookingID
    public let number: String
    public let state: BookingState
    public let title: String?
    public let period: RentalPeriod
    public let deliveryAddress: PostalAddress
    public let contact: BookingContact
    public let quotationID: QuotationID
    public let quotationNumber: String
    public let quotationVersion: Int
    /// Every line the customer signed, in order.
    public let lines: [BookingLine]
    /// The reserved products, what the warehouse packs.
    public let packing: [PackingItem]
    public let linesSubtotal: Money
    public let discount: Money
    public let shipping: Money
    public let vatRate: VATRate
    public let vat: Money
    public let total: Money
    public let approvedBy: String?
    public let approvedAt: Date?
    public let cancelledAt: Date?
    public let cancelReason: String?
    public let notes: String
    /// For optimistic locking of the notes form.
    public let version: Int
    public let createdAt: Date
    public let updatedAt: Date
    /// The custom fields' values (`key` → value), archived fields' too.
    public var custom: [String: JSONValue] = [:]

    public init(
        id: BookingID, number: String, state: BookingState, title: String?, period: RentalPeriod,
        deliveryAddress: PostalAddress, contact: BookingContact, quotationID: QuotationID, quotationNumber: String,
        quotationVersion: Int, lines: [BookingLine], packing: [PackingItem], linesSubtotal: Money, discount: Money,
        shipping: Money, vatRate: VATRate, vat: Money, total: Money, approvedBy: String?, approvedAt: Date?,
        cancelledAt: Date?, cancelReason: String?, notes: String, version: Int, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.number = number
        self.state = state
        self.title = title
        self.period = period
        self.deliveryAddress = deliveryAddress
        self.contact = contact
        self.quotationID = quotationID
        self.quotationNumber = quotationNumber
        self.quotationVersion = quotationVersion
        self.lines = lines
        self.packing = packing
        self.linesSubtotal = linesSubtotal
        self.discount = discount
        self.shipping = shipping
        self.vatRate = vatRate
        self.vat = vat
        self.total = total
        self.approvedBy = approvedBy
        self.approvedAt = approvedAt
        self.cancelledAt = cancelledAt
        self.cancelReason = cancelReason
        self.notes = notes
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Total excluding VAT.
    public var net: Money { Money(ore: total.ore - vat.ore) }

    /// Confirmed and not yet approved by a manager.
    public var awaitsApproval: Bool { state == .confirmed && approvedAt == nil }

    /// Whether a manager may approve it now: not approved yet and not cancelled.
    public var isApprovable: Bool { approvedAt == nil && state != .cancelled }
}

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

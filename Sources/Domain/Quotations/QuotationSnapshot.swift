/// Exactly what a customer is asked to sign: one sent version of a quotation, frozen.
///
/// Sending a quotation stores ``canonicalJSON`` as text together with its ``sha256``; the signature
/// records that hash, so anyone can later prove which document was signed. Build it with its
/// initialiser, which computes every total, so a snapshot's totals always agree with its lines.
public struct QuotationSnapshot: Sendable, Equatable, Codable {
    /// Bumped if the JSON shape ever changes; old snapshots keep theirs.
    public static let currentFormat = 1

    public let format: Int
    public let number: DocumentNumber
    /// 1 for the first sent version.
    public let version: Int
    /// The event's name, when staff gave one.
    public let title: String?
    public let company: CompanyProfile
    public let customer: CustomerDetails
    public let period: RentalPeriod
    public let deliveryAddress: PostalAddress
    /// The quotation's discount rule (`totals.discount` is its amount).
    public let discount: Discount
    /// Lines with their computed money, subtotal, discount, shipping, VAT rate, VAT and total.
    public let totals: QuotationTotals
    /// The terms, already sanitised, as HTML.
    public let termsHTML: String
    /// The last day the offer can be signed.
    public let validUntil: CalendarDate
    /// The customer-visible custom fields with a value, as the customer reads them. Absent (not
    /// empty) when there are none, so a snapshot without them encodes, and hashes, exactly as
    /// snapshots did before custom fields existed.
    public let customFields: [CustomField]?

    /// One custom field as frozen into the version: its label and its value as text.
    public struct CustomField: Sendable, Equatable, Codable {
        public let key: String
        public let label: String
        public let value: String

        public init(key: String, label: String, value: String) {
            self.key = key
            self.label = label
            self.value = value
        }
    }

    /// Freezes a version, computing its totals.
    ///
    /// Throws ``QuotationError``: `.invalidVersion` when `version < 1`, and anything
    /// ``QuotationTotals/compute(lines:period:discount:shipping:vatRate:)`` throws.
    public init(
        number: DocumentNumber, version: Int, title: String? = nil, company: CompanyProfile, customer: CustomerDetails,
        period: RentalPeriod, deliveryAddress: PostalAddress, lines: [QuotationLine], discount: Discount = .none,
        shipping: Money = .zero, vatRate: VATRate = .default, termsHTML: String, validUntil: CalendarDate,
        customFields: [CustomField] = []
    ) throws(QuotationError) {
        guard version >= 1 else { throw .invalidVersion(version) }
        self.format = Self.currentFormat
        self.number = number
        self.version = version
        self.title = title
        self.company = company
        self.customer = customer
        self.period = period
        self.deliveryAddress = deliveryAddress
        self.discount = discount
        self.totals = try QuotationTotals.compute(
            lines: lines, period: period, discount: discount, shipping: shipping, vatRate: vatRate)
        self.termsHTML = termsHTML
        self.validUntil = validUntil
        self.customFields = customFields.isEmpty ? nil : customFields
    }

    /// The priced lines, in order.
    public var lines: [PricedLine] { totals.lines }
    public var vatRate: VATRate { totals.vatRate }
}

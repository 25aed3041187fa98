/// A proposed quotation read out of a customer's email: who wrote, when they want the equipment,
/// for how many guests, where it goes and which products and add-ons in what quantities, each with
/// a confidence (0…1; the inbox flags anything below 0.6 for review) and the text it came from.
///
/// Its JSON (see `InquiryExtraction+JSON.swift`) is the documented interface of
/// `eventgaraget ingest-email --dry-run --json` and what the inbox stores and re-reads.
public struct InquiryExtraction: Sendable, Equatable {
    /// The fields that carry a confidence and a source.
    public enum Field: String, Sendable, CaseIterable, Hashable, Codable {
        case name, email, phone, company, organisationNumber, period, guests, deliveryAddress
    }

    public struct Customer: Sendable, Equatable {
        public var name: String?
        public var email: String?
        public var phone: String?
        public var company: String?
        /// `NNNNNN-NNNN`, with a valid check digit.
        public var organisationNumber: String?

        public init(
            name: String? = nil, email: String? = nil, phone: String? = nil, company: String? = nil,
            organisationNumber: String? = nil
        ) {
            self.name = name
            self.email = email
            self.phone = phone
            self.company = company
            self.organisationNumber = organisationNumber
        }
    }

    public struct Address: Sendable, Equatable {
        public var line1: String?
        /// `NNN NN`.
        public var postalCode: String?
        public var city: String?

        public init(line1: String? = nil, postalCode: String? = nil, city: String? = nil) {
            self.line1 = line1
            self.postalCode = postalCode
            self.city = city
        }
    }

    /// A proposed quotation line: a product (its SKU and id) or an add-on (its id).
    public struct Line: Sendable, Equatable {
        public var sku: String?
        public var productId: Int64?
        public var addonId: Int64?
        public var name: String
        public var quantity: Int
        public var confidence: Double
        /// The words of the email the line came from.
        public var source: String

        public init(
            sku: String? = nil, productId: Int64? = nil, addonId: Int64? = nil, name: String, quantity: Int,
            confidence: Double, source: String = ""
        ) {
            self.sku = sku
            self.productId = productId
            self.addonId = addonId
            self.name = name
            self.quantity = quantity
            self.confidence = confidence
            self.source = source
        }

        /// The catalogue item the line names, when it names one.
        public var reference: InquiryCatalogueItem.Reference? {
            if let addonId { return .addon(id: addonId) }
            if let productId, let sku { return .product(id: productId, sku: sku) }
            return nil
        }
    }

    public var kind: InboundKind
    public var language: Language
    public var customer: Customer
    public var period: RentalPeriod?
    public var guests: Int?
    public var deliveryAddress: Address?
    public var lines: [Line]
    /// 0…1 per field that has a value.
    public var confidence: [Field: Double]
    /// The snippet of the email each field came from.
    public var sources: [Field: String]

    public init(
        kind: InboundKind = .inquiry, language: Language = .sv, customer: Customer = Customer(),
        period: RentalPeriod? = nil, guests: Int? = nil, deliveryAddress: Address? = nil, lines: [Line] = [],
        confidence: [Field: Double] = [:], sources: [Field: String] = [:]
    ) {
        self.kind = kind
        self.language = language
        self.customer = customer
        self.period = period
        self.guests = guests
        self.deliveryAddress = deliveryAddress
        self.lines = lines
        self.confidence = confidence
        self.sources = sources
    }

    /// The fields whose confidence is below `threshold` (0.6 on the inbox page): review these.
    public func fieldsToReview(threshold: Double = 0.6) -> [Field] {
        Field.allCases.filter { field in confidence[field].map { $0 < threshold } ?? false }
    }
}

extension InquiryExtraction.Line {
    /// A line for `item`: its SKU and product id, or its add-on id.
    public init(item: InquiryCatalogueItem, quantity: Int, confidence: Double, source: String) {
        self.init(name: item.name, quantity: quantity, confidence: confidence, source: source)
        switch item.reference {
        case .product(let id, let sku):
            productId = id
            self.sku = sku
        case .addon(let id):
            addonId = id
        }
    }
}

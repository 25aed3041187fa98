import Foundation

/// The documented JSON shape: every key is present, absent values are `null`;
/// `confidence` and `sources` hold only the fields that have a value.
extension InquiryExtraction: Codable {
    enum CodingKeys: String, CodingKey {
        case kind, language, customer, period, guests, deliveryAddress, lines, confidence, sources
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decodeIfPresent(InboundKind.self, forKey: .kind) ?? .inquiry
        let languageCode = try container.decodeIfPresent(String.self, forKey: .language)
        language = languageCode.flatMap(Language.init(rawValue:)) ?? .default
        customer = try container.decodeIfPresent(Customer.self, forKey: .customer) ?? Customer()
        period = try container.decodeIfPresent(RentalPeriod.self, forKey: .period)
        guests = try container.decodeIfPresent(Int.self, forKey: .guests)
        deliveryAddress = try container.decodeIfPresent(Address.self, forKey: .deliveryAddress)
        lines = try container.decodeIfPresent([Line].self, forKey: .lines) ?? []
        let confidences = try container.decodeIfPresent([String: Double].self, forKey: .confidence) ?? [:]
        confidence = Self.keyedByField(confidences)
        let snippets = try container.decodeIfPresent([String: String].self, forKey: .sources) ?? [:]
        sources = Self.keyedByField(snippets)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(language.rawValue, forKey: .language)
        try container.encode(customer, forKey: .customer)
        try container.encode(period, forKey: .period)
        try container.encode(guests, forKey: .guests)
        try container.encode(deliveryAddress, forKey: .deliveryAddress)
        try container.encode(lines, forKey: .lines)
        try container.encode(
            Dictionary(uniqueKeysWithValues: confidence.map { ($0.key.rawValue, $0.value) }), forKey: .confidence)
        try container.encode(
            Dictionary(uniqueKeysWithValues: sources.map { ($0.key.rawValue, $0.value) }), forKey: .sources)
    }

    /// The JSON text with sorted keys, as the command prints it and the inbox stores it.
    public func jsonText(pretty: Bool = false) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys]
        // Encoding plain strings, numbers and dates cannot fail.
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    private static func keyedByField<Value>(_ values: [String: Value]) -> [Field: Value] {
        var keyed: [Field: Value] = [:]
        for (key, value) in values {
            if let field = Field(rawValue: key) { keyed[field] = value }
        }
        return keyed
    }
}

extension InquiryExtraction.Customer: Codable {
    enum CodingKeys: String, CodingKey { case name, email, phone, company, organisationNumber }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        email = try container.decodeIfPresent(String.self, forKey: .email)
        phone = try container.decodeIfPresent(String.self, forKey: .phone)
        company = try container.decodeIfPresent(String.self, forKey: .company)
        organisationNumber = try container.decodeIfPresent(String.self, forKey: .organisationNumber)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(email, forKey: .email)
        try container.encode(phone, forKey: .phone)
        try container.encode(company, forKey: .company)
        try container.encode(organisationNumber, forKey: .organisationNumber)
    }
}

extension InquiryExtraction.Address: Codable {
    enum CodingKeys: String, CodingKey { case line1, postalCode, city }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        line1 = try container.decodeIfPresent(String.self, forKey: .line1)
        postalCode = try container.decodeIfPresent(String.self, forKey: .postalCode)
        city = try container.decodeIfPresent(String.self, forKey: .city)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(line1, forKey: .line1)
        try container.encode(postalCode, forKey: .postalCode)
        try container.encode(city, forKey: .city)
    }
}

extension InquiryExtraction.Line: Codable {
    enum CodingKeys: String, CodingKey { case sku, productId, addonId, name, quantity, confidence, source }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sku = try container.decodeIfPresent(String.self, forKey: .sku)
        productId = try container.decodeIfPresent(Int64.self, forKey: .productId)
        addonId = try container.decodeIfPresent(Int64.self, forKey: .addonId)
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? ""
        quantity = try container.decode(Int.self, forKey: .quantity)
        confidence = try container.decodeIfPresent(Double.self, forKey: .confidence) ?? 0
        source = try container.decodeIfPresent(String.self, forKey: .source) ?? ""
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(sku, forKey: .sku)
        try container.encode(productId, forKey: .productId)
        try container.encode(addonId, forKey: .addonId)
        try container.encode(name, forKey: .name)
        try container.encode(quantity, forKey: .quantity)
        try container.encode(confidence, forKey: .confidence)
        try container.encode(source, forKey: .source)
    }
}

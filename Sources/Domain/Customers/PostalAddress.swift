/// A postal address as printed on a quotation: billing or delivery. Empty strings for missing parts.
public struct PostalAddress: Sendable, Hashable, Codable {
    public var line1: String
    public var line2: String
    public var postalCode: String
    public var city: String
    /// ISO 3166-1 alpha-2, `SE` by default.
    public var country: String

    public init(
        line1: String = "", line2: String = "", postalCode: String = "", city: String = "", country: String = "SE"
    ) {
        self.line1 = line1
        self.line2 = line2
        self.postalCode = postalCode
        self.city = city
        self.country = country
    }

    /// Non-empty lines for printing: `Storgatan 1`, `123 45 Stockholm` (the country only when not Sweden).
    public var printedLines: [String] {
        let place = [postalCode, city].filter { !$0.isEmpty }.joined(separator: " ")
        return [line1, line2, place, country == "SE" ? "" : country].filter { !$0.isEmpty }
    }
}

/// How the customer signed. The handler validates the strokes (shape, size) before; the stores
/// only store them.
public enum SignatureInput: Sendable, Equatable {
    /// The name as typed (works without JavaScript).
    case typed(name: String)
    /// Drawn on the canvas: the strokes as JSON text, `[[{x, y, t, pressure}, …], …]`.
    case drawn(strokesJSON: String)

    /// The method as stored (`signatures.method`).
    public var method: String {
        switch self {
        case .typed: "typed"
        case .drawn: "drawn"
        }
    }
}

/// The evidence recorded with a signature or a decline.
public struct SigningEvidenceInput: Sendable, Equatable {
    public var signerName: String
    public var signerEmail: String?
    /// The client address as nginx passes it; empty or nil when unknown.
    public var ipAddress: String?
    public var userAgent: String?

    public init(signerName: String, signerEmail: String? = nil, ipAddress: String? = nil, userAgent: String? = nil) {
        self.signerName = signerName
        self.signerEmail = signerEmail
        self.ipAddress = ipAddress
        self.userAgent = userAgent
    }
}

/// A product line of the frozen version that can no longer be reserved for the period.
public struct UnavailableItem: Sendable, Equatable, Codable {
    public let productID: Int64
    public let description: String
    /// Units the version asks for (all its lines for this product together).
    public let requested: Int
    /// Units still free on the tightest day of the period.
    public let available: Int

    public init(productID: Int64, description: String, requested: Int, available: Int) {
        self.productID = productID
        self.description = description
        self.requested = requested
        self.available = available
    }

    enum CodingKeys: String, CodingKey {
        case productID = "product_id"
        case description, requested, available
    }
}

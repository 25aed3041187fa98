/// One header field of a received message, unfolded, with encoded-words decoded.
public struct InboundHeader: Sendable, Equatable {
    /// As the sender spelled it (`Message-ID`, `Message-Id`): compare case-insensitively.
    public let name: String
    /// The value without line breaks or surrounding whitespace; 8-bit bytes read as UTF-8 when
    /// they are valid UTF-8, otherwise as Windows-1252.
    public let value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

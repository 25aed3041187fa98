/// Bounds on what `InboundMessage.parse` reads, so hostile mail costs bounded time and memory.
public struct InboundLimits: Sendable, Equatable {
    /// Bytes read from the message; the rest is cut off (and said so in `problems`).
    public var maximumBytes: Int
    /// How deeply multiparts and attached messages may nest; deeper ones are kept as raw bytes.
    public var maximumDepth: Int
    /// How many MIME parts are read in all (attached messages included); the rest are ignored.
    public var maximumParts: Int

    public init(maximumBytes: Int = 25 << 20, maximumDepth: Int = 20, maximumParts: Int = 500) {
        self.maximumBytes = max(0, maximumBytes)
        self.maximumDepth = max(1, maximumDepth)
        self.maximumParts = max(1, maximumParts)
    }

    /// 25 MiB, 20 levels, 500 parts.
    public static let `default` = InboundLimits()
}

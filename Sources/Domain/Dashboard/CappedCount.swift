/// A count that stops at a cap, so counting stays cheap however many rows there are.
public struct CappedCount: Sendable, Equatable {
    public let value: Int
    /// True when there are more than `value` (the count stopped there).
    public let isCapped: Bool

    public init(value: Int, isCapped: Bool) {
        self.value = value
        self.isCapped = isCapped
    }
}

/// A state machine refused a move (`from` and `to` are the states' raw values, as stored).
public struct StateTransitionError: Error, Sendable, Equatable, CustomStringConvertible {
    public let from: String
    public let to: String

    public init(from: String, to: String) {
        self.from = from
        self.to = to
    }

    public var description: String { "Cannot go from \(from) to \(to)." }
}

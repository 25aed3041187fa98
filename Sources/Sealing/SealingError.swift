/// Why a PDF could not be sealed. `description` names the step, never a password.
public struct SealingError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

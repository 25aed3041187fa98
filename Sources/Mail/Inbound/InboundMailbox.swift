/// A sender or recipient of a received message. Not validated like an `EmailAddress`: it is
/// whatever the header said, so it may even lack an `@` (`MAILER-DAEMON`).
public struct InboundMailbox: Sendable, Hashable, CustomStringConvertible {
    /// `local@domain` with the domain in lower case (the local part is kept as sent: some
    /// servers tell case apart there).
    public let address: String
    /// Decoded (RFC 2047), without quotes; nil when there is none.
    public let displayName: String?

    public init(address: String, displayName: String?) {
        self.address = address
        self.displayName = displayName
    }

    /// The mailbox as an `EmailAddress` for replying, or nil when it would not pass as one.
    public var emailAddress: EmailAddress? { try? EmailAddress(address, displayName: displayName) }

    public var description: String { displayName.map { "\($0) <\(address)>" } ?? address }
}

import Domain

/// A mailbox: an address and an optional display name (`Eva Åberg <eva@example.se>`).
///
/// Validated on creation, so a rendered header can never be broken by one: the address follows
/// `Domain.EmailAddressRule`, the rule every form applies too (a bare host such as `localhost`
/// is accepted here only); the display name may hold any text but control characters.
public struct EmailAddress: Sendable, Hashable, CustomStringConvertible {
    /// `local@domain`, exactly as given.
    public let address: String
    /// Shown by mail clients instead of the address; encoded (RFC 2047) when not plain ASCII.
    public let displayName: String?

    /// - Throws: `MailError.invalidAddress` for a bad address, `MailError.invalidHeader` for a
    ///   display name with a line break or another control character.
    public init(_ address: String, displayName: String? = nil) throws(MailError) {
        try Self.validate(address)
        if let displayName { try HeaderText.validate(displayName, field: "display name") }
        self.address = address
        let trimmed = displayName?.trimmingSpaces
        self.displayName = (trimmed?.isEmpty ?? true) ? nil : trimmed
    }

    /// The part after `@`, used for the Message-ID.
    public var domain: String { String(address[address.index(after: address.lastIndex(of: "@")!)...]) }

    public var description: String {
        displayName.map { "\($0) <\(address)>" } ?? address
    }

    private static func validate(_ address: String) throws(MailError) {
        if let problem = EmailAddressRule.problem(address, allowingBareHost: true) {
            throw .invalidAddress(address: address, problem: problem.description)
        }
    }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}

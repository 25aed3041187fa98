/// A mailbox: an address and an optional display name (`Eva Åberg <eva@example.se>`).
///
/// Validated on creation, so a rendered header can never be broken by one: the address must be
/// ASCII `local@domain` with a dot-atom local part and a host-name domain (no quoting, no
/// comments, no angle brackets, no CR/LF); the display name may hold any text but control
/// characters. Internationalised addresses (SMTPUTF8) are not supported.
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

    private static let atext = Set(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~".utf8)

    private static func validate(_ address: String) throws(MailError) {
        func fail(_ problem: String) -> MailError { .invalidAddress(address: address, problem: problem) }
        let bytes = Array(address.utf8)
        guard bytes.count <= 254 else { throw fail("longer than 254 characters") }
        guard bytes.allSatisfy({ $0 >= 0x21 && $0 <= 0x7E }) else {
            throw fail("must be printable ASCII without spaces, line breaks or control characters")
        }
        guard !bytes.contains(UInt8(ascii: "<")) && !bytes.contains(UInt8(ascii: ">")) else {
            throw fail("must not contain angle brackets")
        }
        guard let at = bytes.lastIndex(of: UInt8(ascii: "@")) else { throw fail("has no @") }
        let local = bytes[..<at]
        let domain = bytes[(at + 1)...]
        guard !local.isEmpty, local.count <= 64 else { throw fail("local part must be 1 to 64 characters") }
        guard local.allSatisfy({ atext.contains($0) || $0 == UInt8(ascii: ".") }) else {
            throw fail("local part has characters outside the dot-atom set")
        }
        guard local.first != UInt8(ascii: "."), local.last != UInt8(ascii: "."),
            !zip(local, local.dropFirst()).contains(where: { $0 == UInt8(ascii: ".") && $1 == UInt8(ascii: ".") })
        else { throw fail("local part has a misplaced dot") }
        guard !domain.isEmpty, domain.count <= 253 else { throw fail("domain must be 1 to 253 characters") }
        for label in domain.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false) {
            guard !label.isEmpty, label.count <= 63 else { throw fail("domain has an empty or over-long label") }
            guard label.allSatisfy({ isLetterOrDigit($0) || $0 == UInt8(ascii: "-") }),
                label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-")
            else { throw fail("domain labels must be letters, digits and inner hyphens") }
        }
    }

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
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

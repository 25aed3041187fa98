/// The `From:` of the product's emails as the settings store it: `Display Name <address>`, or a
/// bare address. Checked here with the same rules the Mail module applies when it builds the header
/// (ASCII dot-atom local part, host-name domain, a display name without angle brackets, quotes or
/// control characters), so a sender the settings page accepts never makes a job fail later.
public struct EmailSender: Sendable, Equatable {
    public let displayName: String
    public let address: String

    public enum Problem: Error, Sendable, Equatable {
        case invalidAddress
        case invalidDisplayName
    }

    /// - Throws: `.invalidAddress` or `.invalidDisplayName`.
    public init(displayName: String, address: String) throws(Problem) {
        let name = displayName.trimmingWhitespace
        guard EmailAddressRule.isValid(address) else { throw .invalidAddress }
        guard name.count <= 100, !name.unicodeScalars.contains(where: Self.forbiddenInName) else {
            throw .invalidDisplayName
        }
        self.displayName = name
        self.address = address
    }

    /// What the settings row holds: `Name <address>`, or the address alone without a name.
    public var stored: String { displayName.isEmpty ? address : "\(displayName) <\(address)>" }

    /// Splits a stored value back into name and address for the form. Text in another shape is
    /// returned as the address, so the form shows it (and validation names the problem).
    public static func split(stored: String) -> (displayName: String, address: String) {
        let text = stored.trimmingWhitespace
        if let open = text.lastIndex(of: "<"), let close = text.lastIndex(of: ">"), open < close {
            let name = String(text[..<open]).trimmingWhitespace
            let unquoted =
                name.hasPrefix("\"") && name.hasSuffix("\"") && name.count >= 2
                ? String(name.dropFirst().dropLast()) : name
            return (unquoted, String(text[text.index(after: open)..<close]).trimmingWhitespace)
        }
        return ("", text)
    }

    private static func forbiddenInName(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
            || "<>\"\\".unicodeScalars.contains(scalar)
            || scalar == "\u{2028}" || scalar == "\u{2029}"
    }
}

/// Which email addresses the product sends to or from: `local@domain`, printable ASCII, a dot-atom
/// local part of 1–64 characters, a domain of letters, digits and inner hyphens in dot-separated
/// labels (the same rule as `Mail.EmailAddress`, which builds the headers).
public enum EmailAddressRule {
    public static func isValid(_ address: String) -> Bool {
        let bytes = Array(address.utf8)
        guard (3...254).contains(bytes.count), bytes.allSatisfy({ $0 >= 0x21 && $0 <= 0x7E }),
            let at = bytes.lastIndex(of: UInt8(ascii: "@"))
        else { return false }
        let local = bytes[..<at]
        let domain = bytes[(at + 1)...]
        guard (1...64).contains(local.count), local.allSatisfy({ atext.contains($0) || $0 == UInt8(ascii: ".") }),
            local.first != UInt8(ascii: "."), local.last != UInt8(ascii: "."),
            !zip(local, local.dropFirst()).contains(where: { $0 == UInt8(ascii: ".") && $1 == UInt8(ascii: ".") })
        else { return false }
        guard (1...253).contains(domain.count) else { return false }
        let labels = domain.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        // A bare host (`localhost`) is no address for real mail; ask for a dot.
        guard labels.count >= 2 else { return false }
        return labels.allSatisfy { label in
            (1...63).contains(label.count) && label.first != UInt8(ascii: "-") && label.last != UInt8(ascii: "-")
                && label.allSatisfy { isLetterOrDigit($0) || $0 == UInt8(ascii: "-") }
        }
    }

    private static let atext = Set(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~".utf8)

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}

extension String {
    fileprivate var trimmingWhitespace: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}

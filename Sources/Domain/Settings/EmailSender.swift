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
        guard name.lengthForLimits <= 100, !name.unicodeScalars.contains(where: Self.forbiddenInName) else {
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

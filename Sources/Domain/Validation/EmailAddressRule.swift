/// The one rule for email addresses, shared by every form that takes one (customers, the
/// quotation's inline customer, the signing page, users, settings) and by the mailer that
/// builds the headers (`Mail.EmailAddress`): so an address a form accepts never makes a job
/// fail later (finding F5).
///
/// `local@domain`, printable ASCII (no spaces, angle brackets, commas or control characters: no
/// quoting and no comments either), a dot-atom local part of 1–64 characters, a domain of
/// letters, digits and inner hyphens in dot-separated labels of 1–63, at most 254 in all.
/// Internationalised addresses (SMTPUTF8) are not supported. Forms also want a dot in the
/// domain: a bare host (`localhost`) is no address for real mail.
public enum EmailAddressRule {
    /// What is wrong with an address, in words for logs and job errors (forms say it their way).
    public enum Problem: Sendable, Equatable, CustomStringConvertible {
        case tooLong
        case notPrintableASCII
        case angleBrackets
        case noAt
        case localPartLength
        case localPartCharacters
        case localPartDots
        case domainLength
        case domainLabels
        case bareHost

        public var description: String {
            switch self {
            case .tooLong: "longer than 254 characters"
            case .notPrintableASCII: "must be printable ASCII without spaces, line breaks or control characters"
            case .angleBrackets: "must not contain angle brackets"
            case .noAt: "has no @"
            case .localPartLength: "local part must be 1 to 64 characters"
            case .localPartCharacters: "local part has characters outside the dot-atom set"
            case .localPartDots: "local part has a misplaced dot"
            case .domainLength: "domain must be 1 to 253 characters"
            case .domainLabels: "domain labels must be 1 to 63 letters, digits and inner hyphens"
            case .bareHost: "domain has no dot"
            }
        }
    }

    /// Whether a form may take `address` (the rule, with a dot in the domain).
    public static func isValid(_ address: String) -> Bool { problem(address) == nil }

    /// The first problem with `address`, nil when it follows the rule. `allowingBareHost` is
    /// for the mailer's own fallback sender (`no-reply@localhost`), never for what people type.
    public static func problem(_ address: String, allowingBareHost: Bool = false) -> Problem? {
        let bytes = Array(address.utf8)
        guard bytes.count <= 254 else { return .tooLong }
        guard bytes.allSatisfy({ $0 >= 0x21 && $0 <= 0x7E }) else { return .notPrintableASCII }
        guard !bytes.contains(UInt8(ascii: "<")) && !bytes.contains(UInt8(ascii: ">")) else { return .angleBrackets }
        guard let at = bytes.lastIndex(of: UInt8(ascii: "@")) else { return .noAt }
        let local = bytes[..<at]
        let domain = bytes[(at + 1)...]
        guard (1...64).contains(local.count) else { return .localPartLength }
        guard local.allSatisfy({ atext.contains($0) || $0 == UInt8(ascii: ".") }) else { return .localPartCharacters }
        guard local.first != UInt8(ascii: "."), local.last != UInt8(ascii: "."),
            !zip(local, local.dropFirst()).contains(where: { $0 == UInt8(ascii: ".") && $1 == UInt8(ascii: ".") })
        else { return .localPartDots }
        guard (1...253).contains(domain.count) else { return .domainLength }
        let labels = domain.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        for label in labels {
            guard (1...63).contains(label.count), label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-"),
                label.allSatisfy({ isLetterOrDigit($0) || $0 == UInt8(ascii: "-") })
            else { return .domainLabels }
        }
        if labels.count < 2, !allowingBareHost { return .bareHost }
        return nil
    }

    private static let atext = Set(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~".utf8)

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}

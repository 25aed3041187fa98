/// A Bankgirot OCR reference ("OCR-nummer"): digits only, 2–25 long, the last one a Luhn (mod 10)
/// check digit, and the one before it the length digit (the total length mod 10), which is
/// Bankgirot's "variabel längd med längdkontroll" level, the strictest a payer's bank checks.
public struct OCRReference: Sendable, Hashable, CustomStringConvertible {
    public let digits: String

    /// The reference for `base` (digits): base + length digit + check digit.
    /// - Returns: nil when `base` is empty, holds anything but digits, or would exceed 25 digits.
    public init?(base: String) {
        guard !base.isEmpty, base.count <= 23, base.allSatisfy(\.isASCIIDigit) else { return nil }
        let length = (base.count + 2) % 10
        let withLength = base + String(length)
        digits = withLength + String(Self.luhnCheckDigit(withLength))
    }

    /// A reference as typed or paid with (spaces allowed), if it is one.
    public init?(parsing text: String) {
        let digits = text.filter { $0 != " " }
        guard (2...25).contains(digits.count), digits.allSatisfy(\.isASCIIDigit),
            Self.luhnCheckDigit(String(digits.dropLast())) == Int(String(digits.last ?? "x")),
            Int(String(digits.dropLast().last ?? "x")) == digits.count % 10
        else { return nil }
        self.digits = digits
    }

    /// The invoice's reference: its year and sequence (`F-2026-0042` → `20260042` + 2 digits).
    public init?(invoice number: DocumentNumber) {
        let sequence = String(number.sequence)
        self.init(base: String(number.year) + String(repeating: "0", count: max(0, 4 - sequence.count)) + sequence)
    }

    public var description: String { digits }

    /// The digit that makes `digits` + it pass the Luhn check.
    static func luhnCheckDigit(_ digits: String) -> Int {
        (0...9).first { SwedishRegistration.luhn(Substring(digits + String($0))) } ?? -1
    }
}

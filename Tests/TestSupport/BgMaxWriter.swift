public import Foundation

/// Writes BgMax files the way Bankgirot does (the technical manual's record layouts: 80
/// characters, ISO-8859-1, CRLF), for the parser's tests and the import's. The deposit and end
/// records count what was written unless a test asks for other counts.
public struct BgMaxWriter: Sendable {
    /// The records so far; a test may change one to make it malformed.
    public var lines: [String] = []
    private var section: [(ore: Int64, deduction: Bool)] = []
    private var totals = (payments: 0, deductions: 0, extraReferences: 0, deposits: 0)

    /// TK01: layout BGMAX, version 01, the write time (`YYYYMMDDHHMMSSffffff`), P or T.
    public init(written: String = "20261208073012345678", test: Bool = false) {
        lines.append("01" + Self.left("BGMAX", 20) + "01" + written + (test ? "T" : "P"))
    }

    /// TK05: the receiving bankgiro (digits) and the currency.
    public mutating func open(bankgiro: String, currency: String = "SEK") {
        section = []
        lines.append("05" + Self.zeros(bankgiro, 10) + Self.left("", 10) + currency)
    }

    /// TK20 (or TK21 with `deduction` code): the payer's bankgiro, the reference as written
    /// (right-aligned, as a payer's bank does with an OCR reference), öre, reference code,
    /// channel, Bankgirot's serial number, image marker.
    public mutating func payment(
        reference: String, ore: Int64, serial: Int, sender: String = "0", referenceCode: Int = 2, channel: Int = 1,
        deduction: Int? = nil
    ) {
        let code = deduction == nil ? "20" : "21"
        section.append((ore, deduction != nil))
        if deduction == nil { totals.payments += 1 } else { totals.deductions += 1 }
        lines.append(
            code + Self.zeros(sender, 10) + Self.right(reference, 25) + Self.zeros(String(ore), 18)
                + String(referenceCode) + String(channel) + Self.zeros(String(serial), 12) + "0"
                + (deduction.map(String.init) ?? ""))
    }

    /// TK22, or TK23 when `negative`.
    public mutating func extraReference(_ reference: String, ore: Int64, negative: Bool = false, serial: Int) {
        totals.extraReferences += 1
        lines.append(
            (negative ? "23" : "22") + Self.zeros("0", 10) + Self.right(reference, 25) + Self.zeros(String(ore), 18)
                + "31" + Self.zeros(String(serial), 12) + "0")
    }

    /// TK25.
    public mutating func information(_ text: String) { lines.append("25" + Self.left(text, 50)) }
    /// TK26.
    public mutating func name(_ name: String, extra: String = "") {
        lines.append("26" + Self.left(name, 35) + Self.left(extra, 35))
    }
    /// TK27.
    public mutating func address(_ street: String, postalCode: String) {
        lines.append("27" + Self.left(street, 35) + Self.left(postalCode, 9))
    }
    /// TK28.
    public mutating func city(_ city: String, country: String = "", code: String = "") {
        lines.append("28" + Self.left(city, 35) + Self.left(country, 35) + Self.left(code, 2))
    }
    /// TK29.
    public mutating func organisationNumber(_ number: String) { lines.append("29" + Self.zeros(number, 12)) }

    /// A record as it stands (a malformed one, a code the manual does not know).
    public mutating func raw(_ line: String) { lines.append(line) }

    /// TK15: the payment date (`YYYYMMDD`), the deposit's serial, the payments less the
    /// deductions and their number (unless given).
    public mutating func deposit(date: String, serial: Int = 1, ore: Int64? = nil, count: Int? = nil) {
        totals.deposits += 1
        let sum = section.reduce(Int64(0)) { $0 + ($1.deduction ? -$1.ore : $1.ore) }
        lines.append(
            "15" + Self.zeros("99001234567", 35) + date + Self.zeros(String(serial), 5)
                + Self.zeros(String(ore ?? sum), 18) + "SEK" + Self.zeros(String(count ?? section.count), 8) + "K")
    }

    /// TK70 with the counts of what was written, or those given.
    public mutating func end(
        payments: Int? = nil, deductions: Int? = nil, extraReferences: Int? = nil, deposits: Int? = nil
    ) {
        lines.append(
            "70" + Self.zeros(String(payments ?? totals.payments), 8)
                + Self.zeros(String(deductions ?? totals.deductions), 8)
                + Self.zeros(String(extraReferences ?? totals.extraReferences), 8)
                + Self.zeros(String(deposits ?? totals.deposits), 8))
    }

    /// The file: each record padded to 80 characters, ISO-8859-1, CRLF.
    public var bytes: [UInt8] {
        lines.flatMap { line -> [UInt8] in
            let padded = line.count < 80 ? line + String(repeating: " ", count: 80 - line.count) : line
            return padded.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) } + [13, 10]
        }
    }

    public var data: Data { Data(bytes) }

    static func left(_ text: String, _ width: Int) -> String {
        String(text.prefix(width)) + String(repeating: " ", count: max(0, width - text.count))
    }

    static func right(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + String(text.prefix(width))
    }

    static func zeros(_ digits: String, _ width: Int) -> String {
        String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

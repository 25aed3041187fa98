/// A quotation, booking or invoice number: `Q-2026-0042`, `EG-2026-0007`, `F-2026-0001`. The sequence is zero-padded to
/// four digits and grows past 9999 (`Q-2026-12345`). Numbers are gap-free per kind and year; the
/// database allocates them (`number_sequences`), this type only formats and reads them.
public struct DocumentNumber: Sendable, Hashable, Comparable {
    /// Raw values are the database's `number_sequences.kind`.
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        case quotation
        case booking
        /// Invoices and credit notes: one series, so every document the customer may pay or
        /// deduct has its own number (ML 17 kap. 24 §).
        case invoice

        /// `Q`, `EG` or `F`.
        public var prefix: String {
            switch self {
            case .quotation: "Q"
            case .booking: "EG"
            case .invoice: "F"
            }
        }
    }

    public let kind: Kind
    public let year: Int
    public let sequence: Int

    /// Throws ``DocumentNumberError/outOfRange`` unless the year is 2000...9999 and the sequence ≥ 1.
    public init(kind: Kind, year: Int, sequence: Int) throws(DocumentNumberError) {
        guard (2000...9999).contains(year), sequence >= 1 else { throw .outOfRange }
        self.kind = kind
        self.year = year
        self.sequence = sequence
    }

    /// Reads the canonical form only (what ``description`` prints): the prefix, a four-digit year,
    /// a sequence of at least four digits with no extra leading zeros. Throws
    /// ``DocumentNumberError/malformed`` or ``DocumentNumberError/outOfRange``.
    public init(parsing text: String) throws(DocumentNumberError) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, let kind = Kind.allCases.first(where: { $0.prefix == parts[0] }),
            parts[1].count == 4, parts[2].count >= 4, parts[2].count <= 18,
            parts[1].utf8.allSatisfy(Self.isDigit), parts[2].utf8.allSatisfy(Self.isDigit),
            let year = Int(parts[1]), let sequence = Int(parts[2])
        else { throw .malformed(text) }
        try self.init(kind: kind, year: year, sequence: sequence)
        guard description == text else { throw .malformed(text) }  // `Q-2026-00042` is not canonical
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    /// Numbers sort by kind, then year, then sequence (so `Q-2026-10000` comes after `Q-2026-9999`).
    public static func < (lhs: DocumentNumber, rhs: DocumentNumber) -> Bool {
        (lhs.kind.rawValue, lhs.year, lhs.sequence) < (rhs.kind.rawValue, rhs.year, rhs.sequence)
    }
}

extension DocumentNumber: CustomStringConvertible {
    /// `Q-2026-0042`.
    public var description: String {
        let digits = String(sequence)
        return "\(kind.prefix)-\(year)-\(String(repeating: "0", count: max(0, 4 - digits.count)))\(digits)"
    }
}

extension DocumentNumber: Codable {
    /// Encoded as its text, `Q-2026-0042`.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(parsing: text) } catch {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

public enum DocumentNumberError: Error, Sendable, Equatable, CustomStringConvertible {
    case malformed(String)
    case outOfRange

    public var description: String {
        switch self {
        case .malformed(let text): "Not a document number like Q-2026-0001 or EG-2026-0001: \(text)"
        case .outOfRange: "The number's year must be 2000–9999 and its sequence at least 1."
        }
    }
}

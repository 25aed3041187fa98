public import struct Foundation.Date
public import struct Foundation.UUID

/// A Swift value that can be read from a result column in PostgreSQL's text output format.
///
/// Connections set `TimeZone` to UTC, `DateStyle` to ISO and `bytea_output` to hex at connect,
/// so the formats parsed here are the only ones the server sends.
public protocol PostgresDecodable {
    /// Parses the text form of a non-NULL value; `nil` when the text does not fit the type
    /// (which `Row.decode` reports as a `.decoding(column:)` error).
    init?(postgresText: String)
    /// The value for SQL NULL, or `nil` when the type cannot represent NULL (the default).
    static var postgresNull: Self? { get }
}

extension PostgresDecodable {
    public static var postgresNull: Self? { nil }
}

extension String: PostgresDecodable {
    public init?(postgresText: String) { self = postgresText }
}

extension Int: PostgresDecodable {
    public init?(postgresText: String) { self.init(postgresText, radix: 10) }
}

extension Int64: PostgresDecodable {
    public init?(postgresText: String) { self.init(postgresText, radix: 10) }
}

extension Int32: PostgresDecodable {
    public init?(postgresText: String) { self.init(postgresText, radix: 10) }
}

extension Bool: PostgresDecodable {
    public init?(postgresText: String) {
        switch postgresText {
        case "t", "true": self = true
        case "f", "false": self = false
        default: return nil
        }
    }
}

extension Double: PostgresDecodable {
    public init?(postgresText: String) {
        switch postgresText {
        case "NaN": self = .nan
        case "Infinity": self = .infinity
        case "-Infinity": self = -.infinity
        default: self.init(postgresText)
        }
    }
}

extension Date: PostgresDecodable {
    /// Reads `timestamptz` (`2024-05-01 12:00:00.25+00`), `timestamp` (taken as UTC) and `date`
    /// (midnight UTC). `infinity`, `-infinity` and BC dates do not decode.
    public init?(postgresText: String) {
        guard let date = PostgresTimestamp.parse(postgresText) else { return nil }
        self = date
    }
}

extension UUID: PostgresDecodable {
    public init?(postgresText: String) { self.init(uuidString: postgresText) }
}

/// `bytea` in the hex output form `\x0a1b…`.
extension Array: PostgresDecodable where Element == UInt8 {
    public init?(postgresText: String) {
        guard let bytes = ByteaHex.decode(postgresText) else { return nil }
        self = bytes
    }
}

/// SQL NULL decodes as `nil`.
extension Optional: PostgresDecodable where Wrapped: PostgresDecodable {
    public init?(postgresText: String) {
        guard let value = Wrapped(postgresText: postgresText) else { return nil }
        self = .some(value)
    }

    public static var postgresNull: Self? { .some(.none) }
}

public import struct Foundation.Date
public import struct Foundation.UUID

/// A Swift value that can be sent to PostgreSQL as a query parameter, in text format.
///
/// Conform domain types in store code by forwarding to a built-in one, e.g.
/// `extension CustomerID: PostgresEncodable { static var postgresType: PostgresType { .int8 } … }`.
public protocol PostgresEncodable: Sendable {
    /// The type the parameter is declared with; `.unspecified` lets the server infer it.
    static var postgresType: PostgresType { get }
    /// The value in PostgreSQL's text input format, or `nil` for SQL NULL.
    var postgresText: String? { get }
}

extension String: PostgresEncodable {
    /// Unspecified, so the server infers `text`, `citext`, `jsonb`, `date`, `inet`, … from context.
    public static var postgresType: PostgresType { .unspecified }
    public var postgresText: String? { self }
}

extension Int: PostgresEncodable {
    public static var postgresType: PostgresType { .int8 }
    public var postgresText: String? { String(self) }
}

extension Int64: PostgresEncodable {
    public static var postgresType: PostgresType { .int8 }
    public var postgresText: String? { String(self) }
}

extension Int32: PostgresEncodable {
    public static var postgresType: PostgresType { .int4 }
    public var postgresText: String? { String(self) }
}

extension Bool: PostgresEncodable {
    public static var postgresType: PostgresType { .bool }
    public var postgresText: String? { self ? "t" : "f" }
}

extension Double: PostgresEncodable {
    public static var postgresType: PostgresType { .float8 }
    public var postgresText: String? {
        if isNaN { return "NaN" }
        if isInfinite { return self < 0 ? "-Infinity" : "Infinity" }
        return String(self)  // shortest round-tripping form, e.g. "0.1", "1e+20"
    }
}

extension Date: PostgresEncodable {
    /// Sent as `timestamptz` text in UTC with microseconds (PostgreSQL's precision).
    public static var postgresType: PostgresType { .timestamptz }
    public var postgresText: String? { PostgresTimestamp.format(self) }
}

extension UUID: PostgresEncodable {
    public static var postgresType: PostgresType { .uuid }
    public var postgresText: String? { uuidString.lowercased() }
}

/// Byte strings are `bytea`, sent in the hex text form `\x0a1b…`.
extension Array: PostgresEncodable where Element == UInt8 {
    public static var postgresType: PostgresType { .bytea }
    public var postgresText: String? { ByteaHex.encode(self) }
}

/// `nil` is SQL NULL, declared with the wrapped type so `\(optional) IS NULL` works.
extension Optional: PostgresEncodable where Wrapped: PostgresEncodable {
    public static var postgresType: PostgresType { Wrapped.postgresType }
    public var postgresText: String? {
        switch self {
        case .some(let value): value.postgresText
        case .none: nil
        }
    }
}

/// A one-dimensional array parameter in PostgreSQL's text form (`{"a","b",NULL}`), for writing
/// many rows in one statement (`INSERT … SELECT … FROM unnest($1::text[], $2::int8[])`). Cast it
/// in the SQL: its declared type is left to the server.
public struct PostgresArray: PostgresEncodable {
    public static var postgresType: PostgresType { .unspecified }
    public let postgresText: String?

    /// Text elements (`nil` is NULL), each quoted with `\` and `"` escaped.
    public init(_ elements: [String?]) {
        var text = "{"
        for (index, element) in elements.enumerated() {
            if index > 0 { text += "," }
            guard let element else {
                text += "NULL"
                continue
            }
            text += "\""
            for character in element.unicodeScalars {
                if character == "\\" || character == "\"" { text += "\\" }
                text.unicodeScalars.append(character)
            }
            text += "\""
        }
        postgresText = text + "}"
    }

    /// Integer elements (`nil` is NULL).
    public init(_ elements: [Int64?]) {
        postgresText = "{" + elements.map { $0.map(String.init) ?? "NULL" }.joined(separator: ",") + "}"
    }
}

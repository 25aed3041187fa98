import Foundation

/// Request header fields, keyed by lower-case name (`user-agent`, `accept-language`, …).
public struct Headers: Sendable, Equatable {
    private var storage: [String: String]

    public init(_ fields: [String: String] = [:]) {
        storage = [:]
        for (name, value) in fields { storage[name.lowercased()] = value }
    }

    public subscript(name: String) -> String? {
        get { storage[name.lowercased()] }
        set { storage[name.lowercased()] = newValue }
    }

    public var names: [String] { storage.keys.sorted() }

    /// Turns CGI parameters (`HTTP_USER_AGENT`, `CONTENT_TYPE`) into header fields (`user-agent`).
    init(cgiParams params: [String: String]) {
        storage = [:]
        storage.reserveCapacity(params.count)
        for (key, value) in params where key.hasPrefix("HTTP_") {
            storage[Self.fieldName(cgiName: key.utf8.dropFirst(5))] = value
        }
        if let type = params["CONTENT_TYPE"], !type.isEmpty { storage["content-type"] = type }
        if let length = params["CONTENT_LENGTH"], !length.isEmpty { storage["content-length"] = length }
    }

    /// `USER_AGENT` → `user-agent`, over the bytes (ASCII; anything else is kept as it is).
    private static func fieldName(cgiName: Substring.UTF8View) -> String {
        String(
            decoding: cgiName.map { byte in
                switch byte {
                case UInt8(ascii: "_"): UInt8(ascii: "-")
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte + 32
                default: byte
                }
            }, as: UTF8.self)
    }
}

/// Parses a `Cookie:` header into name → value; the first occurrence of a name wins
/// (browsers send the most specific cookie first).
func parseCookies(_ header: String?) -> [String: String] {
    guard let header else { return [:] }
    var cookies: [String: String] = [:]
    for pair in header.split(separator: ";") {
        let trimmed = pair.drop { $0 == " " }
        guard let eq = trimmed.firstIndex(of: "=") else { continue }
        let name = String(trimmed[..<eq]).trimmingSpaces()
        var value = String(trimmed[trimmed.index(after: eq)...]).trimmingSpaces()
        if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
            value = String(value.dropFirst().dropLast())
        }
        if !name.isEmpty, cookies[name] == nil { cookies[name] = value }
    }
    return cookies
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}

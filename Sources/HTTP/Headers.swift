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
        for (key, value) in params {
            if key.hasPrefix("HTTP_") {
                storage[key.dropFirst(5).lowercased().replacingOccurrences(of: "_", with: "-")] = value
            }
        }
        if let type = params["CONTENT_TYPE"], !type.isEmpty { storage["content-type"] = type }
        if let length = params["CONTENT_LENGTH"], !length.isEmpty { storage["content-length"] = length }
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

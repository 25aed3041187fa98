/// The query parameters of a list or filter page (`?q=…&after=…`), kept as text: each page
/// validates its own. Only the parameters the route knows (`Route.queryKeys`) are kept, and
/// empty ones are dropped, so printed links stay canonical.
public struct ListQuery: Hashable, Sendable {
    public private(set) var items: [String: String]

    public init(_ items: [String: String] = [:]) {
        self.items = items.filter { !$0.value.isEmpty }
    }

    public subscript(key: String) -> String? { items[key] }

    /// A copy with `key` set (or removed when `value` is nil or empty).
    public func with(_ key: String, _ value: String?) -> ListQuery {
        var copy = self
        if let value, !value.isEmpty { copy.items[key] = value } else { copy.items[key] = nil }
        return copy
    }

    /// `?a=1&b=2` in key order, percent-encoded; empty when there is nothing.
    public var queryString: String {
        guard !items.isEmpty else { return "" }
        return "?" + items.keys.sorted().map { key in
            "\(PercentEncoding.encodeQueryValue(key))=\(PercentEncoding.encodeQueryValue(items[key] ?? ""))"
        }.joined(separator: "&")
    }

    static func collect(_ keys: [String], from query: (String) -> String?) -> ListQuery {
        var items: [String: String] = [:]
        for key in keys { if let value = query(key) { items[key] = value } }
        return ListQuery(items)
    }
}

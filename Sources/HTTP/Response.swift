/// A complete response, built in memory and written once, so that a failure late in a handler
/// still becomes a clean error page instead of half a page.
public struct Response: Sendable {
    public var status: HTTPStatus
    /// Header fields in order. `Content-Length` is added when the response is written.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(status: HTTPStatus = .ok, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A page of HTML. Pages are `no-store` by default because most of them show personal data;
    /// a handler that serves something public may replace the header.
    public static func html(_ body: [UInt8], status: HTTPStatus = .ok) -> Response {
        Response(
            status: status,
            headers: [("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-store")],
            body: body
        )
    }

    /// Plain text, `no-store`.
    public static func text(_ text: String, status: HTTPStatus = .ok) -> Response {
        Response(
            status: status,
            headers: [("Content-Type", "text/plain; charset=utf-8"), ("Cache-Control", "no-store")],
            body: Array(text.utf8)
        )
    }

    /// `303 See Other` to a local path (POST → redirect → GET).
    public static func redirect(to location: String) -> Response {
        Response(status: .seeOther, headers: [("Location", location), ("Cache-Control", "no-store")])
    }

    /// The first value of a header, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// Sets a header, replacing any earlier value of the same name.
    public mutating func setHeader(_ name: String, _ value: String) {
        headers.removeAll { $0.name.lowercased() == name.lowercased() }
        headers.append((name, value))
    }

    /// The bytes of the FastCGI stdout stream: CGI header block, blank line, body.
    /// Values containing CR or LF are dropped rather than allowed to split the header.
    package func serialized(includeBody: Bool) -> [UInt8] {
        var head = "Status: \(status.code) \(status.reasonPhrase)\r\n"
        for (name, value) in headers where !name.contains(where: \.isNewline) && !value.contains(where: \.isNewline) {
            head += "\(name): \(value)\r\n"
        }
        head += "Content-Length: \(body.count)\r\n\r\n"
        var bytes = Array(head.utf8)
        if includeBody { bytes.append(contentsOf: body) }
        return bytes
    }
}

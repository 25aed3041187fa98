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
    package func serialized(includeBody: Bool) -> [UInt8] {
        var bytes = head()
        if includeBody { bytes.append(contentsOf: body) }
        return bytes
    }

    /// The CGI header block and the blank line after it; the body is written after it as it is.
    /// Values containing CR or LF are dropped rather than allowed to split the header.
    package func head() -> [UInt8] {
        var head: [UInt8] = []
        head.reserveCapacity(256)
        func add(_ text: String) {
            var text = text
            text.withUTF8 { head.append(contentsOf: $0) }
        }
        add("Status: ")
        add(String(status.code))
        add(" ")
        add(status.reasonPhrase)
        add("\r\n")
        for (name, value) in headers where !Self.hasLineBreak(name) && !Self.hasLineBreak(value) {
            add(name)
            add(": ")
            add(value)
            add("\r\n")
        }
        add("Content-Length: ")
        add(String(body.count))
        add("\r\n\r\n")
        return head
    }

    /// Any line break, Unicode's included; ASCII text (nearly every header) is checked byte by byte.
    private static func hasLineBreak(_ text: String) -> Bool {
        var ascii = true
        for byte in text.utf8 {
            if byte >= 0x0A && byte <= 0x0D { return true }
            if byte >= 0x80 { ascii = false }
        }
        return !ascii && text.contains(where: \.isNewline)
    }
}

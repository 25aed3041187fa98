import Foundation

/// One request, copied out of libfcgi's memory into Swift values before any handler runs
/// (libfcgi frees its parameters at the next accept).
///
/// When `problem` is set the request was malformed or too large: `segments`, `query` and `form`
/// may then be incomplete, and the responder must answer with the matching error page.
public struct Request: Sendable {
    public var method: String
    /// The request target as the client sent it (`REQUEST_URI`), path and query, still encoded.
    /// Never log it whole: a query may carry a token.
    public var rawTarget: String
    /// Decoded, normalised path segments: `/sign/abc/` → `["sign", "abc"]`.
    public var segments: [String]
    public var query: FormData
    public var headers: Headers
    public var cookies: [String: String]
    /// The client's address as nginx saw it (`REMOTE_ADDR`).
    public var clientAddress: String
    /// `https` or `http`, as nginx passed it.
    public var scheme: String
    /// nginx's `$request_id`, or one made here when the responder is reached without nginx.
    public var requestID: String
    public var body: [UInt8]
    /// The decoded body of a `POST` form (urlencoded or multipart); empty otherwise.
    public var form: FormData
    public var problem: RequestProblem?

    public init(
        method: String = "GET", rawTarget: String = "/", segments: [String] = [], query: FormData = FormData(),
        headers: Headers = Headers(), cookies: [String: String] = [:], clientAddress: String = "127.0.0.1",
        scheme: String = "https", requestID: String = "test", body: [UInt8] = [], form: FormData = FormData(),
        problem: RequestProblem? = nil
    ) {
        self.method = method
        self.rawTarget = rawTarget
        self.segments = segments
        self.query = query
        self.headers = headers
        self.cookies = cookies
        self.clientAddress = clientAddress
        self.scheme = scheme
        self.requestID = requestID
        self.body = body
        self.form = form
        self.problem = problem
    }

    /// The normalised path, `/` joined; safe to log (no query string).
    public var path: String { "/" + segments.joined(separator: "/") }

    public var isHead: Bool { method == "HEAD" }
}

/// Bounds applied while reading and decoding a request.
public struct RequestLimits: Sendable {
    public var maxBodyBytes: Int
    public var maxFields: Int
    public var maxParts: Int

    public init(maxBodyBytes: Int = 8 << 20, maxFields: Int = 1000, maxParts: Int = 100) {
        self.maxBodyBytes = maxBodyBytes
        self.maxFields = maxFields
        self.maxParts = maxParts
    }
}

extension Request {
    /// Builds a request from CGI parameters. `readBody(n)` must return at most `n` bytes of the body;
    /// it is called only when the declared length is within the limit.
    public static func parse(
        params: [String: String], limits: RequestLimits, readBody: (Int) -> [UInt8]
    ) -> Request {
        var request = Request(
            method: (params["REQUEST_METHOD"] ?? "GET").uppercased(),
            rawTarget: params["REQUEST_URI"] ?? "/",
            headers: Headers(cgiParams: params),
            clientAddress: params["REMOTE_ADDR"] ?? "",
            scheme: params["REQUEST_SCHEME"] ?? (params["HTTPS"] == "on" ? "https" : "http"),
            requestID: params["REQUEST_ID"].flatMap { $0.isEmpty ? nil : $0 } ?? makeRequestID()
        )
        request.cookies = parseCookies(request.headers["cookie"])

        let target = Substring(request.rawTarget)
        let questionMark = target.firstIndex(of: "?")
        let rawPath = target[..<(questionMark ?? target.endIndex)]
        do {
            request.segments = try PathNormalizer.segments(ofRawPath: rawPath)
            if let questionMark {
                request.query = FormData(
                    fields: try URLEncodedForm.decode(
                        target[target.index(after: questionMark)...], part: .query, maxFields: limits.maxFields
                    ).map { (name: $0.0, value: $0.1) })
                try refuseControlCharacters(in: request.query)
            }
        } catch {
            request.problem = .badRequest(error)
            return request
        }

        // The body: refuse above the limit without reading it.
        let declared = params["CONTENT_LENGTH"].flatMap { $0.isEmpty ? 0 : Int($0) }
        guard let length = declared, length >= 0 else {
            request.problem = .badRequest(.invalidContentLength)
            return request
        }
        guard length <= limits.maxBodyBytes else {
            request.problem = .payloadTooLarge(limit: limits.maxBodyBytes)
            return request
        }
        if length > 0 {
            request.body = readBody(length)
            guard request.body.count == length else {
                request.problem = .badRequest(.incompleteBody)
                return request
            }
        }

        if request.method == "POST" || request.method == "PUT" || request.method == "PATCH" {
            do {
                request.form = try decodeForm(
                    body: request.body, contentType: request.headers["content-type"], limits: limits)
                try refuseControlCharacters(in: request.form)
            } catch {
                request.problem = .badRequest(error)
            }
        }
        return request
    }

    static func decodeForm(
        body: [UInt8], contentType: String?, limits: RequestLimits
    ) throws(BadRequestReason) -> FormData {
        guard let contentType else { return FormData() }
        let mediaType =
            contentType.split(separator: ";", maxSplits: 1).first.map { String($0).trimmingSpaces().lowercased() } ?? ""
        switch mediaType {
        case "application/x-www-form-urlencoded":
            guard let text = String(validating: body, as: UTF8.self) else { throw .invalidUTF8(.form) }
            let pairs = try URLEncodedForm.decode(Substring(text), part: .form, maxFields: limits.maxFields)
            return FormData(fields: pairs.map { (name: $0.0, value: $0.1) })
        case "multipart/form-data":
            guard let boundary = Multipart.boundary(fromContentType: contentType) else {
                throw .malformedMultipart(.missingBoundary)
            }
            return try Multipart.decode(body, boundary: boundary, maxParts: limits.maxParts)
        default:
            return FormData()
        }
    }

    /// One rule for every text field of every form and query: C0 control characters other than tab, line
    /// feed and carriage return (and DEL) are not text. PostgreSQL refuses NUL outright, and the
    /// others have no business in names, addresses or reasons, so the request is refused with the
    /// field named before any handler sees it. Uploaded files are bytes and are not checked here.
    static func refuseControlCharacters(in form: FormData) throws(BadRequestReason) {
        for field in form.fields {
            let bad = field.value.utf8.contains { byte in
                (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F
            }
            if bad { throw .controlCharacter(field: String(field.name.prefix(100))) }
        }
    }

    private static func makeRequestID() -> String {
        var generator = SystemRandomNumberGenerator()
        return String(generator.next(), radix: 16) + String(generator.next(), radix: 16)
    }
}

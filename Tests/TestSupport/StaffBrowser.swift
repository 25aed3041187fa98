public import Foundation

/// A staff member's browser for integration tests: keeps cookies like a browser (honouring
/// `Max-Age=0`), sends `Origin` on POSTs the way browsers do, and picks up the CSRF token from
/// the last page it loaded. Each request goes through `client`: real HTTPS through nginx (curl),
/// or the responder in process.
public final class StaffBrowser: @unchecked Sendable {
    public let client: any HTTPClient
    public private(set) var cookies: [String: String] = [:]
    /// The `_csrf` value of the last page that had one.
    public private(set) var csrf: String?
    public var language = "en"
    /// The `Host` to claim instead of the site's own (an attacker's request); nil for the real one.
    public var host: String?

    public init(client: any HTTPClient) { self.client = client }

    /// The site's own origin, as a browser would send it.
    public var origin: String { client.baseURL }

    public func get(_ path: String) throws -> HTTPResult {
        let result = try send("GET", path, headers: headers())
        remember(result)
        return result
    }

    /// POSTs a urlencoded form. `csrf: true` adds the token from the last page; `origin` is
    /// ours unless given (nil leaves the header out).
    public func post(
        _ path: String, _ fields: [(String, String)] = [], csrf addToken: Bool = true, origin: String?? = .none
    )
        throws -> HTTPResult
    {
        var all = fields
        if addToken, let csrf { all.insert(("_csrf", csrf), at: 0) }
        var extra = headers()
        switch origin {
        case .none: extra["Origin"] = self.origin
        case .some(.none): break
        case .some(.some(let value)): extra["Origin"] = value
        }
        let body = Data(Self.urlencode(all).utf8)
        let result = try send(
            "POST", path, headers: extra, body: body, contentType: "application/x-www-form-urlencoded")
        remember(result)
        return result
    }

    /// POSTs multipart/form-data (file uploads).
    public func postMultipart(
        _ path: String, fields: [(String, String)], file: (name: String, filename: String, type: String, data: Data)?
    )
        throws -> HTTPResult
    {
        var all = fields
        if let csrf { all.insert(("_csrf", csrf), at: 0) }
        let (body, contentType) = multipartFormData(fields: all, file: file)
        var extra = headers()
        extra["Origin"] = origin
        let result = try send("POST", path, headers: extra, body: body, contentType: contentType)
        remember(result)
        return result
    }

    /// Signs in through the real form; returns the answer to the POST (303 to the dashboard on success).
    @discardableResult
    public func login(email: String, password: String, next: String? = nil) throws -> HTTPResult {
        let page = try get("/admin/login" + (next.map { "?next=\($0)" } ?? ""))
        let token = Self.inputValue(named: "_login", in: page.text) ?? ""
        var fields = [("_login", token), ("email", email), ("password", password)]
        if let next { fields.append(("next", next)) }
        return try post("/admin/login", fields, csrf: false)
    }

    /// Follows a 303 with a GET, as a browser does after a form.
    public func follow(_ result: HTTPResult) throws -> HTTPResult {
        guard (300..<400).contains(result.status), let location = result.header("location") else { return result }
        return try get(location)
    }

    public func forgetCookies() { cookies.removeAll() }

    public func setCookie(_ name: String, _ value: String?) { cookies[name] = value }

    private func send(
        _ method: String, _ path: String, headers: [String: String], body: Data? = nil, contentType: String? = nil
    )
        throws -> HTTPResult
    {
        try client.request(
            method, path, headers: headers, body: body, contentType: contentType, http1: false, timeout: 30)
    }

    private func headers() -> [String: String] {
        var headers = ["Accept-Language": language]
        if let host { headers["Host"] = host }
        if !cookies.isEmpty {
            headers["Cookie"] = cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ")
        }
        return headers
    }

    private func remember(_ result: HTTPResult) {
        for line in result.headers["set-cookie"] ?? [] {
            let first = line.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
            guard let eq = first.firstIndex(of: "=") else { continue }
            let name = String(first[..<eq])
            let value = String(first[first.index(after: eq)...])
            if line.lowercased().contains("max-age=0") || value.isEmpty {
                cookies[name] = nil
            } else {
                cookies[name] = value
            }
        }
        if let token = Self.inputValue(named: "_csrf", in: result.text) { csrf = token }
    }

    /// The `value` of the first `<input name="NAME" … value="…">` in a page (attributes in our templates' order).
    public static func inputValue(named name: String, in html: String) -> String? {
        guard let nameRange = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        let rest = html[nameRange.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end]).replacingOccurrences(of: "&amp;", with: "&")
    }

    public static func urlencode(_ fields: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return fields.map { name, value in
            let n = name.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
            let v = value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
            return "\(n)=\(v)"
        }.joined(separator: "&")
    }
}

/// A multipart/form-data body (RFC 7578) and its Content-Type, as a browser sends a form with a file.
public func multipartFormData(
    fields: [(String, String)], file: (name: String, filename: String, type: String, data: Data)?
) -> (body: Data, contentType: String) {
    let boundary = "eg-test-\(UUID().uuidString)"
    var body = Data()
    for (name, value) in fields {
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
    }
    if let file {
        body.append(
            Data(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.filename)\"\r\nContent-Type: \(file.type)\r\n\r\n"
                    .utf8))
        body.append(file.data)
        body.append(Data("\r\n".utf8))
    }
    body.append(Data("--\(boundary)--\r\n".utf8))
    return (body, "multipart/form-data; boundary=\(boundary)")
}

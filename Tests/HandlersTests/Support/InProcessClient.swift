import Foundation
import HTTP
import Handlers
import TestSupport

/// A client that calls the responder in process, with the same surface as `HTTPSClient`: each
/// request becomes the CGI parameters nginx passes (nginx/eventgaraget-fastcgi.conf) and goes
/// through the product's own `Request.parse` and `SiteResponder.respond`. No TLS, no nginx: what
/// nginx adds (security headers, limits and their pages, static files) is tested through nginx.
///
/// Thread-safe: like the server's threads, each request in flight takes a responder (with its own
/// PostgreSQL connection) from a pool, so concurrent requests really run at the same time.
final class InProcessClient: HTTPClient, @unchecked Sendable {
    let baseURL: String
    /// `REMOTE_ADDR` of the requests: the client's address as nginx sees it.
    var clientAddress: String {
        get { lock.withLock { address } }
        set { lock.withLock { address = newValue } }
    }

    private let services: SiteServices
    private let lock = NSLock()
    private var idle: [SiteResponder] = []
    private var address = "127.0.0.1"
    private var requestCounter = 0
    private let onRequest: @Sendable (Request, Response, SiteResponder) -> Void

    /// `onRequest` sees every request with its answer (the server's request log is made from them).
    init(
        baseURL: String, services: SiteServices,
        onRequest: @escaping @Sendable (Request, Response, SiteResponder) -> Void
    ) {
        self.baseURL = baseURL
        self.services = services
        self.onRequest = onRequest
    }

    func get(_ path: String, headers: [String: String] = [:]) throws -> HTTPResult {
        try request("GET", path, headers: headers)
    }

    /// `http1` and `timeout` are accepted for `HTTPSClient`'s surface and mean nothing in process.
    func request(
        _ method: String, _ path: String, headers: [String: String] = [:], body: Data? = nil,
        contentType: String? = nil,
        http1: Bool = false, timeout: Double = 30
    ) throws -> HTTPResult {
        let params = cgiParams(method: method, path: path, headers: headers, body: body, contentType: contentType)
        let bytes = body.map { [UInt8]($0) } ?? []
        let request = Request.parse(params: params, limits: RequestLimits(maxBodyBytes: services.maxBodyBytes)) {
            Array(bytes.prefix($0))
        }
        let responder = checkOut()
        defer { checkIn(responder) }
        var response = responder.respond(to: request)
        // What the FastCGI server does with every answer: echo the request ID, no body for HEAD.
        response.setHeader("X-Request-ID", request.requestID)
        onRequest(request, response, responder)

        var fields: [String: [String]] = [:]
        for (name, value) in response.headers { fields[name.lowercased(), default: []].append(value) }
        fields["content-length"] = [String(response.body.count)]
        return HTTPResult(
            status: response.status.code, headers: fields, body: request.isHead ? Data() : Data(response.body),
            httpVersion: "in-process")
    }

    /// The parameters nginx would pass for this request (the subset the product reads, and the
    /// request headers as `HTTP_*`, as `fastcgi_pass_request_headers` does).
    func cgiParams(
        method: String, path: String, headers: [String: String], body: Data?, contentType: String?
    )
        -> [String: String]
    {
        let host = baseURL.components(separatedBy: "://").last ?? baseURL
        let query = path.firstIndex(of: "?").map { String(path[path.index(after: $0)...]) } ?? ""
        let id = lock.withLock {
            requestCounter += 1
            return requestCounter
        }
        var params: [String: String] = [
            "REQUEST_METHOD": method, "REQUEST_URI": path, "QUERY_STRING": query,
            "CONTENT_TYPE": contentType ?? "", "CONTENT_LENGTH": body.map { String($0.count) } ?? "",
            "SERVER_PROTOCOL": "HTTP/2.0", "REQUEST_SCHEME": "https", "HTTPS": "on", "GATEWAY_INTERFACE": "CGI/1.1",
            "REMOTE_ADDR": clientAddress, "REMOTE_PORT": "50000", "SERVER_NAME": "localhost",
            "SERVER_PORT": host.split(separator: ":").last.map(String.init) ?? "443",
            // nginx's $request_id: 32 hex digits.
            "REQUEST_ID": String(repeating: "0", count: 32 - String(id, radix: 16).count) + String(id, radix: 16),
            "HTTP_HOST": host, "HTTP_USER_AGENT": "EventGaraget-in-process-test", "HTTP_ACCEPT": "*/*",
        ]
        for (name, value) in headers {
            params["HTTP_" + name.uppercased().replacingOccurrences(of: "-", with: "_")] = value
        }
        if let contentType { params["HTTP_CONTENT_TYPE"] = contentType }
        return params
    }

    /// Closes every responder's connection (the database can then be dropped).
    func close() {
        let all = lock.withLock {
            defer { idle.removeAll() }
            return idle
        }
        for responder in all { responder.close() }
    }

    private func checkOut() -> SiteResponder {
        if let responder = lock.withLock({ idle.popLast() }) { return responder }
        return SiteResponder(services: services)
    }

    private func checkIn(_ responder: SiteResponder) {
        lock.withLock { idle.append(responder) }
    }
}

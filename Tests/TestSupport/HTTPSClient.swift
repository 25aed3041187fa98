public import Foundation

/// What a real client saw: status, headers (lower-case names) and body.
public struct HTTPResult: Sendable {
    public let status: Int
    public let headers: [String: [String]]
    public let body: Data
    /// `HTTP/2`, `HTTP/1.1`, as curl reported the response line.
    public let httpVersion: String

    public init(status: Int, headers: [String: [String]], body: Data, httpVersion: String) {
        self.status = status
        self.headers = headers
        self.body = body
        self.httpVersion = httpVersion
    }

    public var text: String { String(decoding: body, as: UTF8.self) }

    public func header(_ name: String) -> String? { headers[name.lowercased()]?.first }
}

/// What `StaffBrowser` needs from a client: the site's address (its `Origin`) and a request.
/// `HTTPSClient` goes through the real nginx; the in-process client of the page tests calls the
/// responder directly with the CGI parameters nginx would pass.
public protocol HTTPClient: Sendable {
    /// `https://host[:port]`, without a trailing slash.
    var baseURL: String { get }
    func request(
        _ method: String, _ path: String, headers: [String: String], body: Data?, contentType: String?, http1: Bool,
        timeout: Double
    ) throws -> HTTPResult
}

/// HTTPS requests through curl, a real client speaking TLS and HTTP/2 to the real nginx.
/// (Foundation's URLSession on Linux cannot be told to trust one self-signed certificate.)
public struct HTTPSClient: HTTPClient {
    public let baseURL: String

    public init(baseURL: String) { self.baseURL = baseURL }

    public func get(_ path: String, headers: [String: String] = [:]) throws -> HTTPResult {
        try request("GET", path, headers: headers)
    }

    /// Sends a request. `body` goes as it is, with `contentType` when given.
    public func request(
        _ method: String, _ path: String, headers: [String: String] = [:], body: Data? = nil,
        contentType: String? = nil,
        http1: Bool = false, timeout: Double = 30
    ) throws -> HTTPResult {
        var arguments = ["-k", "-s", "-S", "-i", "--max-time", String(timeout), "-X", method]
        arguments.append(http1 ? "--http1.1" : "--http2")
        if method == "HEAD" { arguments = arguments.filter { $0 != "-X" && $0 != "HEAD" } + ["-I"] }
        for (name, value) in headers { arguments += ["-H", "\(name): \(value)"] }
        if let contentType { arguments += ["-H", "Content-Type: \(contentType)"] }
        var bodyFile: URL?
        if let body {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("eg-body-\(UUID().uuidString)")
            try body.write(to: file)
            bodyFile = file
            arguments += ["--data-binary", "@\(file.path)", "-H", "Expect:"]
        }
        defer { if let bodyFile { try? FileManager.default.removeItem(at: bodyFile) } }
        arguments.append(baseURL + path)

        let result = try run("/usr/bin/curl", arguments)
        guard result.status == 0 else {
            throw TestFailure(
                "curl \(method) \(path) failed (\(result.status)): \(String(decoding: result.stderr, as: UTF8.self))")
        }
        return try Self.parse(result.stdout)
    }

    static func parse(_ output: Data) throws -> HTTPResult {
        let separator = Data("\r\n\r\n".utf8)
        guard let end = output.range(of: separator) else { throw TestFailure("no header block in curl output") }
        let head = String(decoding: output[..<end.lowerBound], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { throw TestFailure("bad status line") }
        var headers: [String: [String]] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers[name, default: []].append(value)
        }
        return HTTPResult(
            status: status, headers: headers, body: Data(output[end.upperBound...]), httpVersion: String(statusLine[0]))
    }
}

/// A failure in the test harness itself, with a message saying what to look at.
public struct TestFailure: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

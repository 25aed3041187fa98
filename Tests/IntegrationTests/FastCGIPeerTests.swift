import Foundation
import TestSupport
import Testing

/// The responder's TCP port against peers that are not nginx (finding H1): FastCGI has no
/// authentication, so the port admits only the listed web servers and never waits for ever.
@Suite("FastCGI over TCP: who may connect, and for how long", .serialized)
struct FastCGIPeerTests {
    @Test func aPeerNotOnTheListIsClosedBeforeItsRequestIsRead() throws {
        // nginx connects from 127.0.0.1; the forger from 127.0.0.2.
        let stack = try ProductStack(environment: ["EG_FASTCGI_ALLOW": "127.0.0.1"], listenTCP: true)
        defer { stack.shutdown() }
        let port = try #require(stack.responderPort)

        let allowed = try RawFastCGI(port: port, from: "127.0.0.1")
        let answer = try allowed.exchange(params: RawFastCGI.get("/healthz", remoteAddress: "203.0.113.9"))
        #expect(answer.contains("Status: 200"), "\(answer)")

        let forger = try RawFastCGI(port: port, from: "127.0.0.2")
        let refused = try forger.exchange(params: RawFastCGI.get("/healthz", remoteAddress: "203.0.113.9"))
        #expect(refused.isEmpty, "a peer not on the list got an answer: \(refused)")
        try waitUntil { stack.readResponderLog().contains("refused FastCGI connection") }
        let log = stack.readResponderLog()
        #expect(log.contains("peer=127.0.0.2"))
        #expect(try stack.client.get("/healthz").status == 200)
    }

    @Test func stalledPeersReleaseTheirThreadsAtTheDeadline() throws {
        let stack = try ProductStack(
            environment: ["EG_THREADS": "2", "EG_FASTCGI_TIMEOUT": "1"], listenTCP: true)
        defer { stack.shutdown() }
        let port = try #require(stack.responderPort)

        // One peer sends half a record header and stops; one declares a body and never sends it.
        // Each holds a thread while libfcgi waits for the rest: both threads are taken.
        let half = try RawFastCGI(port: port, from: "127.0.0.1")
        try half.send([1, 1, 0])
        let noBody = try RawFastCGI(port: port, from: "127.0.0.1")
        var params = RawFastCGI.get("/admin/login", remoteAddress: "203.0.113.9")
        params["REQUEST_METHOD"] = "POST"
        params["CONTENT_TYPE"] = "application/x-www-form-urlencoded"
        params["CONTENT_LENGTH"] = "1000"
        try noBody.send(RawFastCGI.begin() + RawFastCGI.params(params))
        usleep(200_000)

        let started = Date()
        let page = try stack.client.get("/healthz")
        let waited = Date().timeIntervalSince(started)
        #expect(page.status == 200)
        #expect(waited < 5, "a request waited \(waited) s behind stalled peers")
        // The stalled body is refused, not half-read into a handler.
        let stalled = try noBody.readAll()
        #expect(stalled.contains("Status: 400"), "\(stalled)")
    }
}

/// A FastCGI client speaking the wire format by hand, as someone who reaches the port would.
private struct RawFastCGI {
    let fd: Int32

    init(port: Int, from source: String) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestFailure("socket failed") }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var local = sockaddr_in()
        local.sin_family = sa_family_t(AF_INET)
        inet_pton(AF_INET, source, &local.sin_addr)
        var remote = sockaddr_in()
        remote.sin_family = sa_family_t(AF_INET)
        remote.sin_port = in_port_t(UInt16(port).bigEndian)
        inet_pton(AF_INET, "127.0.0.1", &remote.sin_addr)
        let size = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &local) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, size) }
        }
        let connected = withUnsafePointer(to: &remote) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, size) }
        }
        guard bound == 0, connected == 0 else { throw TestFailure("connect from \(source) failed: errno \(errno)") }
    }

    static func get(_ path: String, remoteAddress: String) -> [String: String] {
        [
            "REQUEST_METHOD": "GET", "REQUEST_URI": path, "QUERY_STRING": "", "CONTENT_LENGTH": "",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "REMOTE_ADDR": remoteAddress, "HTTP_HOST": "localhost", "REQUEST_ID": String(repeating: "a", count: 32),
        ]
    }

    static func record(_ type: UInt8, _ content: [UInt8]) -> [UInt8] {
        [1, type, 0, 1, UInt8(content.count >> 8), UInt8(content.count & 0xFF), 0, 0] + content
    }

    /// FCGI_BEGIN_REQUEST, role responder, connection not kept.
    static func begin() -> [UInt8] { record(1, [0, 1, 0, 0, 0, 0, 0, 0]) }

    /// FCGI_PARAMS with every pair, then the empty record that ends them.
    static func params(_ pairs: [String: String]) -> [UInt8] {
        var content: [UInt8] = []
        for (name, value) in pairs {
            content += [UInt8(name.utf8.count), UInt8(value.utf8.count)] + Array(name.utf8) + Array(value.utf8)
        }
        return record(4, content) + record(4, [])
    }

    func send(_ bytes: [UInt8]) throws {
        let sent = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard sent == bytes.count else { throw TestFailure("write failed") }
    }

    /// What the responder writes until it closes: the content of its FCGI_STDOUT records
    /// (the CGI headers, then the body).
    func readAll() throws -> String {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(fd, &buffer, buffer.count)
            if n <= 0 { break }
            received += buffer[0..<n]
        }
        close(fd)
        var stdout: [UInt8] = []
        var at = 0
        while at + 8 <= received.count {
            let length = Int(received[at + 4]) << 8 | Int(received[at + 5])
            let padding = Int(received[at + 6])
            let end = min(at + 8 + length, received.count)
            if received[at + 1] == 6 { stdout += received[(at + 8)..<end] }
            at = end + padding
        }
        return String(decoding: stdout, as: UTF8.self)
    }

    /// A whole GET: begin, parameters, an empty body; the answer as text ("" when closed unanswered).
    func exchange(params pairs: [String: String]) throws -> String {
        try? send(Self.begin() + Self.params(pairs) + Self.record(5, []))
        return try readAll()
    }
}

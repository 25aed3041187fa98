import Foundation
import TestSupport
import Testing

/// nginx's own rules, each against a real nginx: what its logs keep (M1), which errors it
/// answers alone (M3), which hosts it serves (L9) and how it counts an IPv6 client (L8). The
/// production site file inside Debian's stock nginx.conf is in `ProductionNginxTests`.
@Suite("nginx rules", .serialized)
struct NginxRulesTests {
    /// A made-up token with the shape of a real one (43 base64url characters).
    static func token(_ seed: Character) -> String { String(seed) + String(repeating: "Q7", count: 21) }

    @Test func signingFeedAndHookTokensReachNoNginxLog() throws {
        let stack = try ProductStack()
        defer { stack.shutdown() }
        let client = stack.client
        let sign = Self.token("S")
        let feed = Self.token("F")
        let hook = Self.token("H")
        let page = "\(client.baseURL)/sign/\(sign)"

        #expect(try client.get("/sign/\(sign)").status == 404)
        #expect(try client.get("/sign/\(sign)/offer.pdf?download=1").status == 404)
        #expect(try client.get("/calendar/\(feed).ics").status == 404)
        let unknownHook = try client.request(
            "POST", "/hooks/\(hook)", body: Data("{}".utf8), contentType: "application/json")
        #expect(unknownHook.status == 404 && unknownHook.text.contains("no such hook"))
        // A hook's limit is its own: a lead form's message is small.
        let bigHook = try client.request(
            "POST", "/hooks/\(hook)", body: Data(repeating: UInt8(ascii: "a"), count: 300 << 10),
            contentType: "application/json", http1: true)
        #expect(bigHook.status == 413)
        // The pages a signing page loads name it in their Referer.
        #expect(try client.get("/help/signing", headers: ["Referer": page]).status == 200)
        #expect(try client.get("/language/en?return=/sign/\(sign)", headers: ["Referer": page]).status == 303)
        // The errors nginx raises itself, which it also writes to its error log.
        let big = Data(repeating: UInt8(ascii: "a"), count: 9 << 20)
        let tooLarge = try client.request(
            "POST", "/sign/\(sign)", body: big, contentType: "application/x-www-form-urlencoded", http1: true)
        #expect(tooLarge.status == 413)
        _ = stack.stopResponder()
        #expect(try client.get("/sign/\(sign)").status == 503)  // the upstream failure nginx logs
        var statuses: [Int] = []
        for _ in 0..<30 { statuses.append(try client.get("/sign/\(sign)").status) }
        for _ in 0..<25 { statuses.append(try client.get("/calendar/\(feed).ics").status) }
        #expect(statuses.contains(429), "\(statuses)")

        usleep(1_500_000)  // the access log is buffered for a second
        let folder = stack.directory + "/nginx"
        let logs = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".log") }
        #expect(Set(logs).isSuperset(of: ["access.log", "error.log"]), "\(logs)")
        for name in logs {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            #expect(!text.contains(sign), "\(name) holds the signing token")
            #expect(!text.contains(feed), "\(name) holds the feed token")
            #expect(!text.contains(hook), "\(name) holds the hook token")
            #expect(!text.contains("download=1"), "\(name) holds a query string")
        }
        let access = try String(contentsOfFile: folder + "/access.log", encoding: .utf8)
        #expect(access.contains("\"GET /sign/[token] HTTP/2.0\" 404"))
        #expect(access.contains("\"GET /sign/[token]/offer.pdf HTTP/2.0\" 404"))
        #expect(access.contains("\"GET /calendar/[token] HTTP/2.0\" 404"))
        #expect(access.contains("\"POST /hooks/[token] HTTP/2.0\" 404"))
        #expect(access.contains("\"POST /hooks/[token] HTTP/1.1\" 413"))
        #expect(access.contains("\"\(client.baseURL)/sign/[token]\""))
        #expect(access.contains("\"POST /sign/[token] HTTP/1.1\" 413"))
        #expect(access.contains("\"GET /sign/[token] HTTP/2.0\" 429"))
        #expect(access.contains("\"GET /sign/[token] HTTP/2.0\" 503"))
        #expect(access.contains("upstream=502"))
    }

    @Test func errorsNginxRaisesAreAnsweredWithoutTheResponder() throws {
        let stack = try ProductStack()
        defer { stack.shutdown() }
        let client = stack.client
        let linesBefore = stack.readResponderLog().split(separator: "\n").count

        let big = Data(repeating: UInt8(ascii: "a"), count: 9 << 20)
        let tooLarge = try client.request(
            "POST", "/", body: big, contentType: "application/x-www-form-urlencoded", http1: true)
        #expect(tooLarge.status == 413)  // the page itself: ThroughNginxTests
        #expect(tooLarge.text.contains("The largest size allowed is 8 MB."))
        #expect(tooLarge.header("content-type") == "text/html")
        #expect(tooLarge.header("x-request-id")?.count == 32)

        var limited: [HTTPResult] = []
        for _ in 0..<40 {
            let result = try client.request(
                "POST", "/admin/login", body: Data("email=a%40b.se&password=x".utf8),
                contentType: "application/x-www-form-urlencoded")
            if result.status == 429 { limited.append(result) }
        }
        #expect(limited.count >= 15)
        let page = try #require(limited.first)
        #expect(page.text.contains("<h1>För många förfrågningar</h1>"))
        #expect(page.text.contains("<h2 lang=\"en\">Too many requests</h2>"))
        #expect(page.header("retry-after") == "10")
        #expect(page.header("content-security-policy")?.contains("frame-ancestors 'none'") == true)

        // A Content-Length that is not a number: nginx refuses it before any location.
        let malformed = try client.request("GET", "/", headers: ["Content-Length": "many"], http1: true)
        #expect(malformed.status == 400)
        #expect(malformed.text.contains("<h1>Felaktig förfrågan</h1>"))

        usleep(200_000)
        let lines = stack.readResponderLog().split(separator: "\n").dropFirst(linesBefore)
        // (The stack's own readiness probe may be logged late, under load: it is not a request of this test.)
        let reached = lines.filter { $0.contains("request_id=") && !$0.contains("GET /healthz") }
        // Only the sign-in attempts inside the limit reached the responder (each a 403: no form token).
        #expect(reached.count == 40 - limited.count, "\(reached)")
        #expect(reached.allSatisfy { $0.contains("POST /admin/login 403") }, "\(reached)")

        _ = stack.stopResponder()
        let down = try client.get("/")
        #expect(down.status == 503)
        #expect(down.text.contains("<h1>Tillfälligt otillgänglig</h1>"))
        #expect(down.text.contains("/static/app.css?v="))
    }

    @Test func theCommittedErrorPagesAreWhatTheTemplatesRender() throws {
        let check = try run(productBinary, ["error-pages", "--static-dir", repositoryRoot + "/static", "--check"])
        #expect(check.status == 0, "\(check.errorOutput)")
    }

    @Test func unknownHostsAreDropped() throws {
        let stack = try ProductStack()
        defer { stack.shutdown() }
        #expect(try stack.client.get("/", headers: ["Host": "localhost:\(stack.httpsPort)"]).status == 200)
        #expect(try stack.client.get("/", headers: ["Host": "127.0.0.1:\(stack.httpsPort)"]).status == 200)
        // 444: nginx closes the connection without a response, so nothing reflects the name.
        #expect(throws: TestFailure.self) { _ = try stack.client.get("/", headers: ["Host": "evil.example"]) }
        #expect(throws: TestFailure.self) {
            _ = try stack.client.request("GET", "/", headers: ["Host": "evil.example"], http1: true)
        }
    }

    /// The key nginx's limits count by, for IPv6 clients written every way the "::" can fall,
    /// against the /64 computed from the address's bytes.
    @Test func limitsCountAnIPv6ClientByItsSlash64() throws {
        var template = Array("/tmp/egkey-XXXXXX".utf8CString)
        let folder = String(cString: try #require(mkdtemp(&template)))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/eventgaraget", withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: repositoryRoot + "/nginx/eventgaraget-http.conf",
            toPath: folder + "/eventgaraget/eventgaraget-http.conf")
        let port = try freeTCPPort()
        // realip makes each request's X-Real-IP its client address, which nginx then prints canonically.
        let config = """
            daemon off;
            pid \(folder)/nginx.pid;
            error_log \(folder)/error.log warn;
            events {}
            http {
                access_log off;
                client_body_temp_path \(folder)/tmp; fastcgi_temp_path \(folder)/tmp; proxy_temp_path \(folder)/tmp;
                uwsgi_temp_path \(folder)/tmp; scgi_temp_path \(folder)/tmp;
                include eventgaraget/eventgaraget-http.conf;
                server {
                    listen 127.0.0.1:\(port);
                    set_real_ip_from 127.0.0.1;
                    real_ip_header X-Real-IP;
                    location / { return 200 "$eg_client_key"; }
                }
            }
            """
        try config.write(toFile: folder + "/nginx.conf", atomically: true, encoding: .utf8)
        let nginx = Process()
        nginx.executableURL = URL(fileURLWithPath: "/usr/sbin/nginx")
        nginx.arguments = ["-p", folder, "-c", folder + "/nginx.conf", "-e", folder + "/error.log"]
        nginx.standardError = FileHandle.nullDevice
        try nginx.run()
        defer {
            nginx.terminate()
            nginx.waitUntilExit()
        }
        let client = PlainHTTP(port: port)
        try client.waitUntilListening()

        var addresses = [
            "2001:db8::1", "::1", "::", "::6774:476f", "fe80::1:2:3:4", "2001:db8:0:0:1::", "1::2:3:4:5:6:7",
        ]
        var random = SystemRandomNumberGenerator()
        for _ in 0..<400 {
            // Zero groups are common in real prefixes and are what moves the "::".
            let groups = (0..<8).map { _ in Bool.random(using: &random) ? 0 : UInt16.random(in: 1...0xffff) }
            addresses.append(groups.map { String($0, radix: 16) }.joined(separator: ":"))
        }
        let keys = try client.keys(for: addresses)
        #expect(keys.count == addresses.count)
        for (address, key) in zip(addresses, keys) {
            var bytes = in6_addr()
            #expect(inet_pton(AF_INET6, address, &bytes) == 1)
            let prefix = withUnsafeBytes(of: bytes) { raw in
                (0..<4).map { String(UInt16(raw[2 * $0]) << 8 | UInt16(raw[2 * $0 + 1]), radix: 16) }
            }
            #expect(key == prefix.joined(separator: ":") + "::/64", "\(address)")
        }
        #expect(try client.get("/", headers: ["X-Real-IP": "192.0.2.7"]) == "192.0.2.7")
        #expect(try client.get("/", headers: ["X-Real-IP": "::ffff:192.0.2.7"]) == "192.0.2.7")
    }
}

/// Plain HTTP/1.1 GETs to a local port over one socket each, for nginx configurations without TLS.
private struct PlainHTTP {
    let port: Int

    func waitUntilListening() throws {
        for _ in 0..<100 {
            if (try? get("/")) != nil { return }
            usleep(50_000)
        }
        throw TestFailure("nginx did not listen on \(port)")
    }

    /// The key nginx prints for each client address, from one curl that sends a request per address.
    func keys(for addresses: [String]) throws -> [String] {
        var arguments: [String] = []
        for address in addresses {
            if !arguments.isEmpty { arguments.append("--next") }
            arguments += ["-s", "-S", "-w", "\\n", "-H", "X-Real-IP: \(address)", "http://127.0.0.1:\(port)/"]
        }
        let result = try run("/usr/bin/curl", arguments)
        guard result.status == 0 else { throw TestFailure("curl failed: \(result.errorOutput)") }
        return result.output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    /// The body of the answer.
    func get(_ path: String, headers: [String: String] = [:]) throws -> String {
        var arguments = ["-s", "-S", "--max-time", "5"]
        for (name, value) in headers { arguments += ["-H", "\(name): \(value)"] }
        let result = try run("/usr/bin/curl", arguments + ["http://127.0.0.1:\(port)\(path)"])
        guard result.status == 0 else { throw TestFailure("curl failed: \(result.errorOutput)") }
        return String(decoding: result.stdout, as: UTF8.self)
    }
}

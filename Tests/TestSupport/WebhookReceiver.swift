public import Foundation

/// A real HTTP receiver for webhook tests (Python's http.server on 127.0.0.1): it verifies the
/// Standard Webhooks signature itself (HMAC-SHA256 over `id.timestamp.body` with the secret's
/// key, five minutes' tolerance), answers 204 and records the message when it holds, 401 when
/// not. `delay` holds each answer back (a worker killed while waiting).
public final class WebhookReceiver {
    public struct Message: Decodable, Sendable {
        public let id: String
        public let timestamp: String
        public let body: String
        public let valid: Bool
    }

    public let port: Int
    public let folder: String
    public private(set) var secret: String
    private var process: Process?
    private let delay: Double

    public var url: String { "http://127.0.0.1:\(port)/hook" }

    public init(secret: String, delay: Double = 0, port: Int? = nil) throws {
        self.secret = secret
        self.delay = delay
        self.port = try port ?? freeTCPPort()
        var template = Array("/tmp/eghook-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw TestFailure("mkdtemp") }
        folder = String(cString: made)
        try Self.script.write(toFile: folder + "/receiver.py", atomically: true, encoding: .utf8)
        try start()
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(atPath: folder)
    }

    public func start() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [folder + "/receiver.py", String(port), secret, String(delay), folder + "/messages.jsonl"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        self.process = process
        try waitUntil {
            (try? run("/usr/bin/curl", ["-s", "-o", "/dev/null", "http://127.0.0.1:\(port)/health"]))?.status == 0
        }
    }

    public func stop() {
        guard let process else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        self.process = nil
    }

    /// Every request received so far, in order (valid or not).
    public func messages() -> [Message] {
        guard let text = try? String(contentsOfFile: folder + "/messages.jsonl", encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { try? JSONDecoder().decode(Message.self, from: Data($0.utf8)) }
    }

    static let script = #"""
        import base64, hashlib, hmac, json, sys, time
        from http.server import HTTPServer, BaseHTTPRequestHandler

        port, secret, delay, out = int(sys.argv[1]), sys.argv[2], float(sys.argv[3]), sys.argv[4]
        key = base64.b64decode(secret[len("whsec_"):])

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                self.send_response(200); self.send_header("Content-Length", "0"); self.end_headers()

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                mid = self.headers.get("webhook-id", "")
                ts = self.headers.get("webhook-timestamp", "")
                sigs = self.headers.get("webhook-signature", "").split(" ")
                expected = "v1," + base64.b64encode(
                    hmac.new(key, mid.encode() + b"." + ts.encode() + b"." + body, hashlib.sha256).digest()).decode()
                valid = any(hmac.compare_digest(s, expected) for s in sigs) and abs(time.time() - int(ts or 0)) < 300
                with open(out, "a") as f:
                    f.write(json.dumps({"id": mid, "timestamp": ts, "body": body.decode(), "valid": valid}) + "\n")
                time.sleep(delay)
                self.send_response(204 if valid else 401)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        HTTPServer(("127.0.0.1", port), Handler).serve_forever()
        """#
}

/// Signs a message the way a Standard Webhooks sender does, with Python's own HMAC (not the
/// product's code), for tests that post to the product's incoming hooks.
public enum StandardWebhooksSender {
    /// The three headers for `body` signed with `secret` at `timestamp` (Unix seconds; now by default).
    public static func headers(
        secret: String, id: String, body: Data, timestamp: Int = Int(Date().timeIntervalSince1970)
    ) throws -> [String: String] {
        let script = """
            import base64, hashlib, hmac, sys
            key = base64.b64decode(sys.argv[1][len("whsec_"):])
            body = sys.stdin.buffer.read()
            print("v1," + base64.b64encode(hmac.new(key, sys.argv[2].encode() + b"." + sys.argv[3].encode() + b"." + body, hashlib.sha256).digest()).decode())
            """
        let signed = try run("/usr/bin/python3", ["-c", script, secret, id, String(timestamp)], input: body)
        guard signed.status == 0 else { throw TestFailure("signing failed: \(signed.errorOutput)") }
        return [
            "webhook-id": id, "webhook-timestamp": String(timestamp),
            "webhook-signature": signed.output.trimmingCharacters(in: .whitespacesAndNewlines),
        ]
    }
}

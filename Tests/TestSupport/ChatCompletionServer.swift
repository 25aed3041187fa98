public import Foundation

/// A real HTTP server for tests that speaks the OpenAI chat-completions API: Python's
/// `http.server` on a free port of 127.0.0.1.
///
/// It answers `POST /v1/chat/completions` only with the right `Authorization: Bearer` key (401
/// with an OpenAI-style error otherwise), records each request's body, and answers with what the
/// test set through `answer(…)`: the content, or a refusal, an HTTP status with an error
/// message, a delay, or padding to make the answer large. The server is stopped by `stop()`,
/// at deinit, and at process exit; it also exits by itself when its parent process is gone.
public final class ChatCompletionTestServer: @unchecked Sendable {
    public let port: Int
    public let directory: String
    public let apiKey: String
    /// The endpoint's URL.
    public var url: String { "http://127.0.0.1:\(port)/v1/chat/completions" }

    private let lock = NSLock()
    private var process: Process?

    public init(apiKey: String = "sk-test-\(UUID().uuidString)") throws {
        self.apiKey = apiKey
        var template = Array("/tmp/egllm-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw TestFailure("mkdtemp failed") }
        directory = String(cString: made)
        try FileManager.default.createDirectory(atPath: directory + "/requests", withIntermediateDirectories: true)
        port = try freeTCPPort()
        try answer(content: "{}")

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", Self.script, String(port), directory]
        // The key reaches the server through its environment, never its command line.
        process.environment = ["EG_TEST_LLM_KEY": apiKey, "PATH": "/usr/bin:/bin"]
        _ = FileManager.default.createFile(atPath: directory + "/server.log", contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: directory + "/server.log"))
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        try process.run()
        self.process = process
        TestServerRegistry.shared.add(process, directory: directory)

        let deadline = Date().addingTimeInterval(20)
        while !FileManager.default.fileExists(atPath: directory + "/ready") {
            guard process.isRunning, Date() < deadline else {
                let output = self.log
                stop()
                throw TestFailure("the chat-completion server did not start:\n\(output.suffix(2000))")
            }
            usleep(20_000)
        }
    }

    deinit { stop() }

    /// What the next requests are answered with.
    /// - Parameters:
    ///   - content: `choices[0].message.content` (nil sends `null`).
    ///   - refusal: `choices[0].message.refusal`.
    ///   - status: the HTTP status; other than 200, the body is `{"error": {"message": errorMessage}}`.
    ///   - delaySeconds: waited before answering.
    ///   - paddingBytes: that many spaces inside the JSON body, to make the answer large.
    ///   - finishReason: `choices[0].finish_reason`.
    public func answer(
        content: String?, refusal: String? = nil, status: Int = 200, errorMessage: String = "",
        delaySeconds: Double = 0, paddingBytes: Int = 0, finishReason: String = "stop"
    ) throws {
        let answer: [String: Any] = [
            "content": content ?? NSNull(), "refusal": refusal ?? NSNull(), "status": status,
            "error_message": errorMessage, "delay": delaySeconds, "padding": paddingBytes,
            "finish_reason": finishReason,
        ]
        let data = try JSONSerialization.data(withJSONObject: answer)
        let path = directory + "/answer.json"
        try data.write(to: URL(fileURLWithPath: path + ".tmp"))
        guard rename(path + ".tmp", path) == 0 else { throw TestFailure("rename failed") }
    }

    /// The bodies of the requests received so far, in order (also those refused with 401).
    public func requests() -> [Data] {
        let folder = directory + "/requests"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasSuffix(".json") }.sorted()
        return names.compactMap { FileManager.default.contents(atPath: folder + "/" + $0) }
    }

    /// The server's log, for failure messages.
    public var log: String { (try? String(contentsOfFile: directory + "/server.log", encoding: .utf8)) ?? "" }

    /// Stops the server and removes its folder. Idempotent.
    public func stop() {
        let running = lock.withLock { () -> Process? in
            defer { process = nil }
            return process
        }
        if let running { TestServerRegistry.shared.stop(running, directory: directory) }
    }

    // Requests are written under a temporary name and renamed, so a reader never sees half of one.
    private static let script = #"""
        import json, os, signal, sys, threading, time
        # Spawned from a dispatch thread, the server inherits a mask blocking SIGTERM: undo it.
        signal.pthread_sigmask(signal.SIG_SETMASK, set())
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        port, folder = int(sys.argv[1]), sys.argv[2]
        key = os.environ["EG_TEST_LLM_KEY"]
        parent = os.getppid()
        counter = [0]
        lock = threading.Lock()

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format, *args):
                pass  # the log is for start-up failures; requests hold customer text

            def send_json(self, status, value, padding=0):
                body = json.dumps(value).encode()
                if padding:
                    body = body[:-1] + b" " * padding + body[-1:]
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def do_POST(self):
                length = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(length)
                with lock:
                    counter[0] += 1
                    n = counter[0]
                path = os.path.join(folder, "requests", "%06d.json" % n)
                with open(path + ".tmp", "wb") as f: f.write(body)
                os.rename(path + ".tmp", path)
                if self.path != "/v1/chat/completions":
                    return self.send_json(404, {"error": {"message": "no such endpoint", "type": "not_found"}})
                if self.headers.get("Authorization") != "Bearer " + key:
                    return self.send_json(401, {"error": {
                        "message": "Incorrect API key provided.", "type": "invalid_request_error",
                        "code": "invalid_api_key"}})
                with open(os.path.join(folder, "answer.json")) as f: answer = json.load(f)
                if answer["delay"]:
                    time.sleep(answer["delay"])
                if answer["status"] != 200:
                    return self.send_json(answer["status"], {"error": {
                        "message": answer["error_message"], "type": "server_error"}})
                try:
                    model = json.loads(body).get("model")
                except ValueError:
                    model = None
                self.send_json(200, {
                    "id": "chatcmpl-test%d" % n, "object": "chat.completion", "created": int(time.time()),
                    "model": model,
                    "choices": [{"index": 0, "finish_reason": answer["finish_reason"], "message": {
                        "role": "assistant", "content": answer["content"], "refusal": answer["refusal"]}}],
                    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
                }, padding=answer["padding"])

        server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        open(os.path.join(folder, "ready"), "w").close()
        while os.getppid() == parent:
            time.sleep(0.2)
        """#
}

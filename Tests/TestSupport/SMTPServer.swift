public import Foundation

/// What the test SMTP server received in one transaction.
public struct ReceivedMail: Sendable, Decodable {
    /// The envelope sender (`MAIL FROM`).
    public let mailFrom: String
    /// The envelope recipients it accepted (`RCPT TO`).
    public let recipients: [String]
    /// The user name of a successful `AUTH`, if any.
    public let login: String?
    /// Whether the session had switched to TLS (STARTTLS or implicit).
    public let tls: Bool
    /// The message exactly as received after `DATA` (dot-unstuffed).
    public var data: Data { Data(base64Encoded: dataBase64) ?? Data() }

    let dataBase64: String

    enum CodingKeys: String, CodingKey {
        case mailFrom = "mail_from"
        case recipients = "rcpt_tos"
        case login, tls
        case dataBase64 = "data_b64"
    }
}

/// A real SMTP server for tests: Python's aiosmtpd (Debian's python3-aiosmtpd) on a free port of
/// 127.0.0.1, writing every accepted message into its own folder as JSON.
///
/// Options: AUTH (PLAIN/LOGIN, allowed without TLS for the test), STARTTLS or implicit TLS with a
/// fresh self-signed certificate for `localhost`/127.0.0.1 (`certificatePath` is its CA file),
/// and recipients to refuse with `550`. The server is stopped by `stop()`, at deinit, and at
/// process exit; it also exits by itself when its parent process is gone, so none is left behind.
public final class SMTPTestServer: @unchecked Sendable {
    public enum TLSMode: Sendable { case none, startTLS, implicit }

    public let port: Int
    public let directory: String
    /// The self-signed certificate (PEM) when TLS is on.
    public var certificatePath: String { directory + "/cert.pem" }

    private let lock = NSLock()
    private var process: Process?

    public init(
        tls: TLSMode = .none, credentials: (user: String, password: String)? = nil, refusing: [String] = []
    ) throws {
        var template = Array("/tmp/egsmtp-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw TestFailure("mkdtemp failed") }
        directory = String(cString: made)
        try FileManager.default.createDirectory(atPath: directory + "/mail", withIntermediateDirectories: true)
        port = try freeTCPPort()

        var arguments = ["-c", Self.script, String(port), directory]
        if tls != .none {
            let result = try run(
                "/usr/bin/openssl",
                [
                    "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", directory + "/key.pem", "-out",
                    certificatePath, "-days", "2", "-subj", "/CN=localhost", "-addext",
                    "subjectAltName=DNS:localhost,IP:127.0.0.1",
                ])
            guard result.status == 0 else {
                try? FileManager.default.removeItem(atPath: directory)
                throw TestFailure("openssl req failed: \(result.errorOutput)")
            }
            arguments += ["--tls", tls == .startTLS ? "starttls" : "implicit"]
        }
        if let credentials { arguments += ["--auth", credentials.user, credentials.password] }
        for address in refusing { arguments += ["--refuse", address] }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = arguments
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
                let output = (try? String(contentsOfFile: directory + "/server.log", encoding: .utf8)) ?? ""
                stop()
                throw TestFailure("aiosmtpd did not start:\n\(output.suffix(2000))")
            }
            usleep(20_000)
        }
    }

    deinit { stop() }

    /// Messages received so far, in order of arrival.
    public func messages() -> [ReceivedMail] {
        let folder = directory + "/mail"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasSuffix(".json") }.sorted()
        return names.compactMap { name in
            guard let data = FileManager.default.contents(atPath: folder + "/" + name) else { return nil }
            return try? JSONDecoder().decode(ReceivedMail.self, from: data)
        }
    }

    /// The server log (aiosmtpd's output), for failure messages.
    public var log: String { (try? String(contentsOfFile: directory + "/server.log", encoding: .utf8)) ?? "" }

    /// Stops the server and removes its folder. Idempotent.
    public func stop() {
        let running = lock.withLock { () -> Process? in
            defer { process = nil }
            return process
        }
        if let running { TestServerRegistry.shared.stop(running, directory: directory) }
    }

    // Files are written under a temporary name and renamed, so a reader never sees half a message.
    private static let script = #"""
        import asyncio, base64, json, os, signal, ssl, sys, threading, time
        # Spawned from a dispatch thread, the server inherits a mask blocking SIGTERM: undo it.
        signal.pthread_sigmask(signal.SIG_SETMASK, set())
        from aiosmtpd.controller import Controller
        from aiosmtpd.smtp import AuthResult, LoginPassword

        port, folder = int(sys.argv[1]), sys.argv[2]
        args = sys.argv[3:]
        tls, creds, refused = None, None, set()
        i = 0
        while i < len(args):
            if args[i] == "--tls": tls = args[i + 1]; i += 2
            elif args[i] == "--auth": creds = (args[i + 1], args[i + 2]); i += 3
            elif args[i] == "--refuse": refused.add(args[i + 1].lower()); i += 2
            else: raise SystemExit("unknown argument " + args[i])
        parent = os.getppid()
        counter = [0]
        lock = threading.Lock()

        class Handler:
            async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
                if address.lower() in refused:
                    return "550 5.1.1 No such user here"
                envelope.rcpt_tos.append(address)
                return "250 OK"

            async def handle_DATA(self, server, session, envelope):
                with lock:
                    counter[0] += 1
                    n = counter[0]
                data = session.auth_data
                login = data.login.decode() if session.authenticated and isinstance(data, LoginPassword) else None
                record = {
                    "mail_from": envelope.mail_from,
                    "rcpt_tos": list(envelope.rcpt_tos),
                    "login": login,
                    "tls": session.ssl is not None or server.transport.get_extra_info("ssl_object") is not None,
                    "data_b64": base64.b64encode(envelope.original_content).decode(),
                }
                path = os.path.join(folder, "mail", "%06d.json" % n)
                with open(path + ".tmp", "w") as f: json.dump(record, f)
                os.rename(path + ".tmp", path)
                return "250 Message accepted"

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = isinstance(auth_data, LoginPassword) and creds is not None and \
                (auth_data.login.decode(), auth_data.password.decode()) == creds
            return AuthResult(success=ok, handled=False, auth_data=auth_data)

        kwargs = {}
        context = None
        if tls:
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(os.path.join(folder, "cert.pem"), os.path.join(folder, "key.pem"))
        if tls == "starttls":
            kwargs.update(tls_context=context, require_starttls=True)
        elif tls == "implicit":
            kwargs.update(ssl_context=context)
        if creds:
            kwargs.update(authenticator=authenticator, auth_required=True, auth_require_tls=False)

        controller = Controller(Handler(), hostname="127.0.0.1", port=port, **kwargs)
        controller.start()
        open(os.path.join(folder, "ready"), "w").close()
        try:
            while os.getppid() == parent:
                time.sleep(0.2)
        finally:
            try: controller.stop()
            except Exception: pass
        """#
}

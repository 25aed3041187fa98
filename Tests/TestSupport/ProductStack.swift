public import Foundation

/// The whole product as real processes, for integration tests: its own PostgreSQL cluster, the
/// `eventgaraget` responder on a unix socket, and nginx on a free HTTPS port with the same
/// configuration scripts/run uses (rendered by scripts/nginx-config). Each stack has its own
/// folder, so stacks run side by side; tests that stop parts of it make their own.
public final class ProductStack: @unchecked Sendable {
    public let postgres: TemporaryPostgres
    public let directory: String
    public let httpsPort: Int
    /// The database as its owner (superuser): `migrate` uses it, and tests that look underneath.
    public let databaseURL: String
    /// The database as the product's own least-privileged login, once migrated (the migrations
    /// make its group role): what `serve` and the other commands get as `DATABASE_URL`.
    public private(set) var appDatabaseURL: String?
    public let client: HTTPSClient
    public var socketPath: String { directory + "/eventgaraget.sock" }
    /// The responder's TCP port when the stack was made with `listenTCP`, else nil (unix socket).
    public let responderPort: Int?
    /// What the responder listens on and nginx passes to: `unix:/…` or `127.0.0.1:port`.
    public var upstream: String { responderPort.map { "127.0.0.1:\($0)" } ?? "unix:" + socketPath }
    public var responderLog: String { directory + "/responder.log" }
    public var nginxConfig: String { directory + "/nginx/nginx.conf" }

    private let lock = NSLock()
    private var responder: Process?
    private var nginx: Process?
    private let extraEnvironment: [String: String]

    /// Starts everything and waits until `/healthz` answers 200 through nginx.
    /// `environment` adds to (or overrides) the responder's configuration.
    public init(environment: [String: String] = [:], migrate: Bool = true, listenTCP: Bool = false) throws {
        postgres = try TemporaryPostgres()
        databaseURL = postgres.createDatabase(named: "product")
        var template = Array("/tmp/egstack-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw TestFailure("mkdtemp failed") }
        directory = String(cString: made)
        ChildProcesses.shared.addDirectory(directory)
        httpsPort = try freeTCPPort()
        responderPort = listenTCP ? try freeTCPPort() : nil
        client = HTTPSClient(baseURL: "https://localhost:\(httpsPort)")
        extraEnvironment = environment

        if migrate {
            let result = try self.eventgaraget(["migrate"])
            guard result.status == 0 else { throw TestFailure("migrate failed: \(result.errorOutput)") }
            appDatabaseURL = try postgres.appURL(databaseURL)
        }
        try startResponder()
        try startNginx()
        try waitUntilHealthy()
    }

    deinit { shutdown() }

    /// The environment the product's commands get: this stack's database, socket and static folder.
    public var environment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["DATABASE_URL"] = appDatabaseURL ?? databaseURL
        env["EG_MIGRATE_DATABASE_URL"] = databaseURL
        env["EG_LISTEN"] = upstream
        env["EG_STATIC_DIR"] = repositoryRoot + "/static"
        env["EG_THREADS"] = "4"
        env["EG_PUBLIC_URL"] = "https://localhost:\(httpsPort)"
        for (key, value) in extraEnvironment { env[key] = value }
        return env
    }

    /// Runs `eventgaraget ARGS` to completion with this stack's environment.
    @discardableResult
    public func eventgaraget(
        _ arguments: [String], input: Data? = nil, environment extra: [String: String] = [:]
    ) throws
        -> CommandResult
    {
        var env = environment
        for (key, value) in extra { env[key] = value }
        return try run(productBinary, arguments, environment: env, input: input)
    }

    public func startResponder() throws {
        try lock.withLock {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: productBinary)
            process.arguments = ["serve"]
            process.environment = environment
            _ = FileManager.default.createFile(atPath: responderLog, contents: nil)
            let log = try FileHandle(forWritingTo: URL(fileURLWithPath: responderLog))
            log.seekToEndOfFile()
            process.standardError = log
            process.standardOutput = log
            try process.run()
            responder = process
            ChildProcesses.shared.add(process.processIdentifier)
        }
        // The socket file appears (or the port accepts) once the responder listens.
        for _ in 0..<200 where !responderListens() { usleep(25_000) }
        guard responderListens() else {
            throw TestFailure("responder did not start:\n\(readResponderLog())")
        }
    }

    private func responderListens() -> Bool {
        guard let port = responderPort else { return FileManager.default.fileExists(atPath: socketPath) }
        return acceptsConnections(port: port)
    }

    public func startNginx() throws {
        let rendered = try run(
            "/bin/bash",
            [repositoryRoot + "/scripts/nginx-config", directory + "/nginx", String(httpsPort), upstream])
        guard rendered.status == 0 else { throw TestFailure("nginx-config failed: \(rendered.errorOutput)") }
        let check = try nginxCommand(["-t"])
        guard check.status == 0 else { throw TestFailure("nginx -t failed: \(check.errorOutput)") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.nginxBinary)
        process.arguments = [
            "-p", directory + "/nginx", "-c", nginxConfig, "-e", directory + "/nginx/error.log", "-g", "daemon off;",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        ChildProcesses.shared.add(process.processIdentifier)
        lock.withLock { nginx = process }
    }

    /// `nginx ARGS` against this stack's configuration (for `-t`).
    public func nginxCommand(_ arguments: [String]) throws -> CommandResult {
        try run(
            Self.nginxBinary,
            ["-p", directory + "/nginx", "-c", nginxConfig, "-e", directory + "/nginx/error.log"] + arguments)
    }

    static let nginxBinary: String = {
        for path in ["/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx"]
        where FileManager.default.isExecutableFile(atPath: path) { return path }
        return "/usr/sbin/nginx"
    }()

    public func waitUntilHealthy(timeout: Double = 20) throws {
        let deadline = Date().addingTimeInterval(timeout)
        var last = "no answer"
        while Date() < deadline {
            if let result = try? client.get("/healthz", headers: [:]), result.status == 200 { return }
            last = "not yet healthy"
            usleep(50_000)
        }
        throw TestFailure("stack did not become healthy (\(last)):\n\(readResponderLog())")
    }

    /// The responder process, while it runs.
    public var responderProcess: Process? { lock.withLock { responder } }

    /// Sends `signal` to the responder and waits (up to `timeout`) for it to exit; returns its status.
    public func stopResponder(signal: Int32 = SIGTERM, timeout: Double = 30) -> Int32? {
        guard let process = lock.withLock({ responder }) else { return nil }
        kill(process.processIdentifier, signal)
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        guard !process.isRunning else { return nil }
        lock.withLock { responder = nil }
        return process.terminationStatus
    }

    public func readResponderLog() -> String {
        (try? String(contentsOfFile: responderLog, encoding: .utf8)) ?? ""
    }

    /// Stops nginx, the responder and PostgreSQL, and removes the folder.
    public func shutdown() {
        let (r, n) = lock.withLock { () -> (Process?, Process?) in
            defer {
                responder = nil
                nginx = nil
            }
            return (responder, nginx)
        }
        for process in [n, r].compactMap({ $0 }) where process.isRunning {
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
            ChildProcesses.shared.remove(process.processIdentifier)
        }
        postgres.shutdown()
        try? FileManager.default.removeItem(atPath: directory)
    }
}

/// Responders and nginx masters still running (and their folders) when the test process exits (a stack shared by a
/// suite is never shut down explicitly) get SIGTERM from an exit handler, so a run leaves nothing behind.
private final class ChildProcesses: @unchecked Sendable {
    static let shared = ChildProcesses()

    private let lock = NSLock()
    private var pids: Set<pid_t> = []
    private var directories: Set<String> = []

    private init() {
        atexit { ChildProcesses.shared.terminateAll() }
    }

    func add(_ pid: pid_t) { _ = lock.withLock { pids.insert(pid) } }
    func remove(_ pid: pid_t) { _ = lock.withLock { pids.remove(pid) } }
    func addDirectory(_ path: String) { _ = lock.withLock { directories.insert(path) } }

    private func terminateAll() {
        let remaining = lock.withLock { pids }
        for pid in remaining { kill(pid, SIGTERM) }
        // Give them a moment to exit (nginx stops its workers; the responder drains).
        for _ in 0..<100 where remaining.contains(where: { kill($0, 0) == 0 }) { usleep(20_000) }
        for directory in lock.withLock({ directories }) { try? FileManager.default.removeItem(atPath: directory) }
    }
}

import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A throwaway PostgreSQL cluster for tests: `initdb` into a fresh directory under `/tmp`, started
/// with `pg_ctl`, listening only on a Unix socket in that directory (no TCP port, so any number of
/// clusters and test processes can run side by side), with `fsync` off for speed.
///
/// ```swift
/// let url = TemporaryPostgres.shared.createDatabase(named: "customers")  // a new, empty database
/// let connection = try Connection(url: url)
/// ```
///
/// Use `shared` and one fresh database per test (Swift Testing runs tests in parallel). A test that
/// stops and restarts the server must make its own instance, or it would pull the floor from under
/// every other test.
///
/// **Binaries**: `$PG_BIN` if set, else the highest `/usr/lib/postgresql/<version>/bin` (Debian and
/// Ubuntu), else whichever `initdb` is first on `PATH`.
///
/// **Running as root** (CI containers, this development machine): PostgreSQL refuses to run as root.
/// Then `initdb`, `pg_ctl` and the server run as the unprivileged `postgres` account (created by
/// Debian's `postgresql` package) through `runuser -u postgres --`, and the temporary directory is
/// handed to that user (mode 0700). The test process, still root, can reach the socket in it anyway,
/// and connects as the database superuser `postgres` with `trust` authentication. Not root: everything
/// runs as the current user.
///
/// **Clean-up**: `shutdown()` (also on deinit, and for live instances at process exit) stops the
/// server and removes the directory. If a test process is killed before that, the next instance
/// created on the machine finds its directory (the owner pid is recorded) and removes it.
///
/// Thread-safe: state changes are serialised by a lock, so it is shared across tests as `Sendable`.
public final class TemporaryPostgres: @unchecked Sendable {
    /// A cluster started on first use and shut down when the test process exits.
    /// Stops the test run with a clear message if PostgreSQL cannot be started at all.
    public static let shared: TemporaryPostgres = {
        do {
            return try TemporaryPostgres()
        } catch {
            fatalError("TemporaryPostgres.shared: cannot start PostgreSQL: \(error)")
        }
    }()

    /// The temporary directory; also the socket directory (libpq's `host`).
    public let directory: String
    /// The cluster's data directory (inside `directory`).
    public let dataDirectory: String
    /// The socket's port number (`.s.PGSQL.<port>`); nothing listens on TCP.
    public let port: Int
    /// Where `initdb`, `pg_ctl`, `postgres` and `psql` were found.
    public let binDirectory: String
    /// The database created at start-up, which `url` points to.
    public let databaseName = "test"

    private let runAsServerUser: Bool
    private let lock = NSLock()
    private var running = false
    private var finished = false
    private var databaseCounter = 0
    private let templateCopies = NSLock()
    private let appLoginLock = NSLock()
    private var appLoginMade = false
    private let templatesLock = NSRecursiveLock()
    private var templates: [String: Result<String, any Error>] = [:]

    private static let serverUser = "postgres"
    private static let directoryPrefix = "egpg-"

    /// Creates and starts a cluster with one empty database, `databaseName`.
    ///
    /// - Throws: `TemporaryPostgresError` when the binaries are missing or `initdb`/`pg_ctl` fail
    ///   (the error holds their output).
    public init(port: Int = 5432) throws {
        _ = Self.removeStaleClusters
        self.port = port
        binDirectory = try Self.findBinDirectory()
        runAsServerUser = getuid() == 0

        var template = Array("/tmp/\(Self.directoryPrefix)XXXXXX".utf8CString)
        guard let created = mkdtemp(&template) else {
            throw TemporaryPostgresError("mkdtemp failed: \(String(cString: strerror(errno)))")
        }
        directory = String(cString: created)
        dataDirectory = directory + "/data"
        try "\(getpid())\n".write(toFile: directory + "/owner.pid", atomically: true, encoding: .utf8)

        if runAsServerUser {
            guard let account = getpwnam(Self.serverUser) else {
                try? FileManager.default.removeItem(atPath: directory)
                throw TemporaryPostgresError(
                    "running as root, PostgreSQL must run as the '\(Self.serverUser)' user, which does not exist"
                )
            }
            guard chown(directory, account.pointee.pw_uid, account.pointee.pw_gid) == 0 else {
                try? FileManager.default.removeItem(atPath: directory)
                throw TemporaryPostgresError("chown \(directory) failed: \(String(cString: strerror(errno)))")
            }
        }

        do {
            try initializeCluster()
            try startServer()
            _ = try psql("CREATE DATABASE \(databaseName)", database: "postgres")
        } catch {
            cleanUp()
            throw error
        }
        Registry.shared.add(self)
    }

    deinit {
        shutdown()
    }

    /// A libpq keyword connection string for the default database:
    /// `host=<socket dir> port=… user=postgres dbname=test`.
    public var url: String { url(database: databaseName) }

    /// A libpq keyword connection string for `database` on this cluster.
    public func url(database: String) -> String {
        "host=\(directory) port=\(port) user=postgres dbname=\(database)"
    }

    /// The login the product runs as (`serve`, `worker`, `seed-demo`): a member of
    /// `eventgaraget_app`, the least-privileged role the migrations grant to, as in production.
    public static let appUser = "eventgaraget_test"

    /// `url`'s database, logged in as `appUser`. The role is made on first use, once its group
    /// role exists (the first `migrate` on this cluster makes that).
    public func appURL(_ url: String) throws -> String {
        try appLoginLock.withLock {
            if !appLoginMade {
                _ = try psql(
                    """
                    DO $$ BEGIN
                      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '\(Self.appUser)') THEN
                        CREATE ROLE \(Self.appUser) LOGIN IN ROLE eventgaraget_app;
                      END IF;
                    END $$
                    """, database: "postgres")
                appLoginMade = true
            }
        }
        return url.replacingOccurrences(of: "user=postgres", with: "user=\(Self.appUser)")
    }

    /// Creates a new, empty database and returns its URL. The name is made safe and unique by
    /// appending a counter (`named: "Migrations"` gives `migrations_3`), so tests never collide.
    /// Stops the test run if the server cannot create it.
    ///
    /// With `template` (a database name), the new database is a copy of that one: a file copy that
    /// takes milliseconds, so a migrated and seeded database per test costs almost nothing. Copies
    /// are made one at a time, because PostgreSQL refuses to copy a database while another session
    /// (another copy in progress included) is connected to it; the template must have no open
    /// connections of its own.
    public func createDatabase(named name: String, template: String? = nil) -> String {
        let database = lock.withLock {
            databaseCounter += 1
            let safe = name.lowercased().map { ($0.isASCII && ($0.isLetter || $0.isNumber)) ? $0 : "_" }
            return "\(String(safe.prefix(40)))_\(databaseCounter)"
        }
        do {
            if let template {
                try templateCopies.withLock {
                    _ = try psql("CREATE DATABASE \"\(database)\" TEMPLATE \"\(template)\"", database: "postgres")
                }
            } else {
                _ = try psql("CREATE DATABASE \"\(database)\"", database: "postgres")
            }
        } catch {
            fatalError("TemporaryPostgres.createDatabase(named: \(name)): \(error)")
        }
        return url(database: database)
    }

    /// A template database, made once per cluster: the first call with `name` creates a database
    /// (empty, or a copy of the template `copying`), lets `make` fill it (given its URL; `make` must close its connections), then closes it
    /// to connections for good (so nothing, autovacuum included, keeps a copy waiting) and returns
    /// its name for `createDatabase(named:template:)`. Later calls return the same name, or throw
    /// the same error, without calling `make`. Calls may nest (one template made from another).
    public func template(
        named name: String, copying source: String? = nil, make: (String) throws -> Void
    ) throws
        -> String
    {
        try templatesLock.withLock {
            if let made = templates[name] { return try made.get() }
            let made = Result<String, any Error> {
                let url = createDatabase(named: name, template: source)
                try make(url)
                let database = TestSupport.databaseName(fromURL: url)
                try psql(
                    "ALTER DATABASE \"\(database)\" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false", database: "postgres"
                )
                return database
            }
            templates[name] = made
            return try made.get()
        }
    }

    /// Drops a database made by `createDatabase` (its URL or name), closing its sessions first.
    public func dropDatabase(_ database: String) {
        let name = database.contains("=") ? TestSupport.databaseName(fromURL: database) : database
        _ = try? psql("DROP DATABASE IF EXISTS \"\(name)\" WITH (FORCE)", database: "postgres")
    }

    /// Runs `sql` with `psql` (unaligned, tuples only, stop on the first error) and returns its output
    /// without the trailing newline. `database` is a database name or a URL from `createDatabase`.
    ///
    /// - Throws: `TemporaryPostgresError` with psql's output when it fails.
    @discardableResult
    public func psql(_ sql: String, database: String? = nil) throws -> String {
        let target = database.map { $0.contains("=") ? $0 : url(database: $0) } ?? url
        let output = try run(
            binDirectory + "/psql",
            ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", target, "-c", sql],
            asServerUser: false
        )
        return output.hasSuffix("\n") ? String(output.dropLast()) : output
    }

    /// Stops the server (fast shutdown: open sessions are terminated), keeping the data directory,
    /// so `start()` brings the same cluster back on the same socket. Stops the test run on failure.
    public func stop() {
        lock.withLock {
            guard running else { return }
            do {
                try run(
                    binDirectory + "/pg_ctl",
                    ["-D", dataDirectory, "-m", "fast", "-w", "-t", "60", "stop"],
                    asServerUser: true
                )
                running = false
            } catch {
                fatalError("TemporaryPostgres.stop: \(error)")
            }
        }
    }

    /// Starts the server again after `stop()`. Stops the test run on failure.
    public func start() {
        lock.withLock {
            guard !running, !finished else { return }
            do {
                try startServerLocked()
            } catch {
                fatalError("TemporaryPostgres.start: \(error)")
            }
        }
    }

    /// Stops the server at once and removes the directory. Idempotent; also done on deinit.
    public func shutdown() {
        Registry.shared.remove(self)
        cleanUp()
    }

    // MARK: - Cluster lifecycle

    private func initializeCluster() throws {
        let initdb = binDirectory + "/initdb"
        let common = ["-D", dataDirectory, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]
        do {
            // C.UTF-8 sorts by code point like C, but lower()/upper()/ILIKE also work on å, ä, ö.
            try run(initdb, common + ["--locale=C.UTF-8"], asServerUser: true)
        } catch {
            try? FileManager.default.removeItem(atPath: dataDirectory)
            try run(initdb, common + ["--locale=C"], asServerUser: true)
        }
    }

    private func startServer() throws {
        try lock.withLock { try startServerLocked() }
    }

    private func startServerLocked() throws {
        // pg_ctl passes -o through a shell: the socket directory has no spaces (mkdtemp under /tmp).
        let options = [
            "-c listen_addresses=''", "-k \(directory)", "-p \(port)",
            "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off",
            "-c max_connections=200", "-c shared_buffers=32MB",
        ].joined(separator: " ")
        do {
            try run(
                binDirectory + "/pg_ctl",
                ["-D", dataDirectory, "-l", directory + "/server.log", "-w", "-t", "60", "-o", options, "start"],
                asServerUser: true
            )
        } catch {
            let log = (try? String(contentsOfFile: directory + "/server.log", encoding: .utf8)) ?? ""
            throw TemporaryPostgresError("\(error)\nserver.log:\n\(log.suffix(2000))")
        }
        running = true
    }

    private func cleanUp() {
        lock.withLock {
            guard !finished else { return }
            finished = true
            running = false
            Self.killServer(dataDirectory: dataDirectory)
            try? FileManager.default.removeItem(atPath: directory)
        }
    }

    /// Immediate shutdown (SIGQUIT to the postmaster), waiting up to 10 s for it to exit. Needs no
    /// subprocess, so it also works from the exit handler.
    static func killServer(dataDirectory: String) {
        guard let pidFile = try? String(contentsOfFile: dataDirectory + "/postmaster.pid", encoding: .utf8),
            let firstLine = pidFile.split(separator: "\n").first,
            let pid = pid_t(firstLine.trimmingCharacters(in: .whitespaces)), pid > 0
        else { return }
        guard kill(pid, SIGQUIT) == 0 else { return }
        for _ in 0..<1000 {
            if kill(pid, 0) != 0 && errno == ESRCH { return }
            usleep(10_000)
        }
    }

    // MARK: - Processes

    /// Runs a program to completion and returns its combined output, or throws with that output.
    /// Output goes through a file, not a pipe, and the program is spawned by `PostgresSpawn`, not
    /// Foundation's `Process`: `pg_ctl start` leaves a server running that would otherwise hold the
    /// pipe (or `Process`'s exit-watch socket) open, and the wait would never end.
    @discardableResult
    private func run(_ executable: String, _ arguments: [String], asServerUser: Bool) throws -> String {
        let outputPath = directory + "/command-\(UUID().uuidString).out"
        guard FileManager.default.createFile(atPath: outputPath, contents: nil) else {
            throw TemporaryPostgresError("cannot create \(outputPath)")
        }
        defer { try? FileManager.default.removeItem(atPath: outputPath) }

        var program = executable
        var programArguments = arguments
        if asServerUser && runAsServerUser {
            program = try Self.findRunuser()
            programArguments = ["-u", Self.serverUser, "--", executable] + arguments
        }
        let status = try PostgresSpawn.run(
            program,
            programArguments,
            // Keep the caller's PG* variables (PGHOST, PGDATABASE, …) from redirecting anything.
            environment: ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("PG") },
            // The server user cannot enter root's working directory; initdb and pg_ctl want to.
            directory: directory,
            outputPath: outputPath
        )
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        guard status == 0 else {
            let command = ([executable] + arguments).joined(separator: " ")
            throw TemporaryPostgresError("\(command) failed (status \(status)):\n\(text)")
        }
        return text
    }

    static func findBinDirectory() throws -> String {
        let fileManager = FileManager.default
        if let configured = ProcessInfo.processInfo.environment["PG_BIN"], !configured.isEmpty {
            guard fileManager.isExecutableFile(atPath: configured + "/initdb") else {
                throw TemporaryPostgresError("PG_BIN=\(configured) has no initdb")
            }
            return configured
        }
        let debianRoot = "/usr/lib/postgresql"
        let versions = ((try? fileManager.contentsOfDirectory(atPath: debianRoot)) ?? [])
            .compactMap { name in Double(name).map { (name, $0) } }
            .sorted { $0.1 > $1.1 }
        for (name, _) in versions where fileManager.isExecutableFile(atPath: "\(debianRoot)/\(name)/bin/initdb") {
            return "\(debianRoot)/\(name)/bin"
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where fileManager.isExecutableFile(atPath: "\(directory)/initdb") {
            // Follow a symlink such as /usr/local/bin/initdb so pg_ctl and psql come from the same place.
            let resolved = URL(fileURLWithPath: "\(directory)/initdb").resolvingSymlinksInPath()
                .deletingLastPathComponent().path
            return fileManager.isExecutableFile(atPath: resolved + "/pg_ctl") ? resolved : String(directory)
        }
        throw TemporaryPostgresError("no PostgreSQL binaries: set PG_BIN or install postgresql")
    }

    private static func findRunuser() throws -> String {
        for candidate in ["/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser", "/bin/runuser"]
        where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        throw TemporaryPostgresError(
            "running as root needs runuser (util-linux) to start PostgreSQL as '\(serverUser)'"
        )
    }

    /// Removes clusters left behind by test processes that died without cleaning up (once per process).
    private static let removeStaleClusters: Void = {
        let fileManager = FileManager.default
        for name in (try? fileManager.contentsOfDirectory(atPath: "/tmp")) ?? [] where name.hasPrefix(directoryPrefix) {
            let path = "/tmp/\(name)"
            guard let owner = try? String(contentsOfFile: path + "/owner.pid", encoding: .utf8),
                let pid = pid_t(owner.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 0
            else { continue }
            guard kill(pid, 0) != 0, errno == ESRCH else { continue }  // owner still alive (or not ours to judge)
            killServer(dataDirectory: path + "/data")
            try? fileManager.removeItem(atPath: path)
        }
    }()
}

/// Live clusters, shut down by an exit handler so a test run leaves no servers behind.
private final class Registry: @unchecked Sendable {
    static let shared = Registry()

    private let lock = NSLock()
    private var dataDirectories: [ObjectIdentifier: (data: String, directory: String)] = [:]

    private init() {
        atexit { Registry.shared.shutDownAll() }
    }

    func add(_ cluster: TemporaryPostgres) {
        lock.withLock { dataDirectories[ObjectIdentifier(cluster)] = (cluster.dataDirectory, cluster.directory) }
    }

    func remove(_ cluster: TemporaryPostgres) {
        _ = lock.withLock { dataDirectories.removeValue(forKey: ObjectIdentifier(cluster)) }
    }

    private func shutDownAll() {
        let clusters = lock.withLock { Array(dataDirectories.values) }
        for cluster in clusters {
            TemporaryPostgres.killServer(dataDirectory: cluster.data)
            try? FileManager.default.removeItem(atPath: cluster.directory)
        }
    }
}

/// A failure starting or driving a temporary cluster; the message includes the tool's output.
public struct TemporaryPostgresError: Error, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}

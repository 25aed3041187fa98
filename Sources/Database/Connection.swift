import CLibPQ
public import Logging

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One PostgreSQL session, through libpq.
///
/// **Thread rule.** libpq allows one thread at a time per `PGconn`, so `Connection` is deliberately
/// not `Sendable`: create it on the thread that uses it (each responder thread and the worker own
/// one) and the compiler keeps it there. Every method blocks that thread until the server answers;
/// never call it from `async` code or an actor.
///
/// **Queries.** Only `Query` values, whose interpolations are bound parameters. Each distinct SQL
/// text is prepared once per session (`PQprepare`, cached by text and parameter types) and run
/// with `PQexecPrepared`; parameters and results use the text format.
///
/// **Lost connections.** When PostgreSQL goes away (restart, failover, network), the failing call
/// throws a `.connectionUnavailable` error and the connection is marked for reset. Call
/// `ensureConnected()` at the start of each request (or just carry on: the next call outside a
/// transaction resets first) and it recovers once the server is back, without restarting the process.
public final class Connection {
    /// The `PGconn *`; nil after `close()`.
    var handle: OpaquePointer?
    /// Set when the session is known or suspected to be broken; the next use outside a transaction resets it.
    var needsReset = false
    /// 0 outside a transaction; 1 inside `transaction`; more inside nested ones (savepoints).
    var transactionDepth = 0
    /// Prepared statement names by SQL text and parameter types. Cleared on reset (a new session has none).
    var preparedStatements: [PreparedStatementKey: String] = [:]
    var preparedStatementCounter = 0
    /// The result columns of each prepared statement (by name), made on its first result.
    var resultColumns: [String: Row.Columns] = [:]
    /// Round trips to the server so far (each statement, prepare, transaction command, pipeline):
    /// the responder logs how many each request made.
    public internal(set) var roundTrips = 0
    let logger: Logger

    /// How long to wait for PostgreSQL to accept a connection, in seconds, unless the URL says otherwise.
    public static let defaultConnectTimeout = 5

    /// Statements run after every (re)connect, so results parse the same way on every session.
    private static let sessionSetup = """
        SET TimeZone TO 'UTC'; SET DateStyle TO 'ISO, YMD'; SET bytea_output TO 'hex'; \
        SET IntervalStyle TO 'postgres'
        """

    /// Connects (blocking) to the database described by `url`: a libpq URI
    /// (`postgresql://user@host/db?sslmode=…`) or keyword string (`host=/run/postgresql dbname=…`).
    ///
    /// `connect_timeout` defaults to `defaultConnectTimeout` and `application_name` to
    /// `eventgaraget`; the URL may override both. The session is set to UTC, ISO dates, hex `bytea`
    /// and UTF-8.
    ///
    /// - Throws: `DatabaseError` of kind `.connectionUnavailable` when the server cannot be reached
    ///   or refuses the connection (its message says why; it holds no password).
    public init(
        url: String,
        logger: Logger = Logger(label: "eventgaraget.database"),
        file: String = #fileID,
        line: Int = #line
    ) throws(DatabaseError) {
        self.logger = logger
        // Entries before `dbname` can be overridden by the URL; entries after it override the URL.
        let settings: [(String, String)] = [
            ("connect_timeout", String(Self.defaultConnectTimeout)),
            ("application_name", "eventgaraget"),
            ("dbname", url),
            ("client_encoding", "UTF8"),
        ]
        let keywords = settings.map { strdup($0.0) }
        let values = settings.map { strdup($0.1) }
        defer {
            for keyword in keywords { free(keyword) }
            for value in values { free(value) }
        }
        let connection =
            (keywords.map { UnsafePointer($0) } + [nil]).withUnsafeBufferPointer { keywordPointers in
                (values.map { UnsafePointer($0) } + [nil]).withUnsafeBufferPointer { valuePointers in
                    PQconnectdbParams(keywordPointers.baseAddress, valuePointers.baseAddress, 1)
                }
            }
        guard let connection else {
            throw DatabaseError(
                .connectionUnavailable,
                message: "libpq could not allocate a connection",
                file: file,
                line: line
            )
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = Self.errorMessage(of: connection)
            PQfinish(connection)
            throw DatabaseError(.connectionUnavailable, message: message, file: file, line: line)
        }
        handle = connection
        installNoticeProcessor(on: connection)
        try configureSession(connection, file: file, line: line)  // on failure, deinit closes the connection
    }

    deinit {
        close()
    }

    /// True until `close()`; says nothing about whether the server is still there (see `ensureConnected()`).
    public var isOpen: Bool { handle != nil }

    /// True inside `transaction` (at any depth).
    public var isInTransaction: Bool { transactionDepth > 0 }

    /// Makes sure the session is usable, reconnecting (`PQreset`, blocking up to the connect timeout)
    /// when it is marked broken or the server has closed it. Cheap when all is well: no round trip,
    /// one non-blocking `poll` to notice a connection the server closed while it sat idle.
    ///
    /// Inside a transaction it never reconnects (the transaction's work would silently be lost); it
    /// returns false instead and the transaction fails.
    ///
    /// - Returns: true when the connection can be used, false while PostgreSQL is unreachable or after `close()`.
    public func ensureConnected() -> Bool {
        guard let handle else { return false }
        if !needsReset, PQstatus(handle) == CONNECTION_OK {
            guard transactionDepth == 0 else { return true }
            if !Self.isIdleConnectionHealthy(handle) { needsReset = true }
            if !needsReset { return true }
        }
        guard transactionDepth == 0 else { return false }
        return reset()
    }

    /// Closes the session (`PQfinish`). Later calls throw `.connectionUnavailable`. Also done on deinit.
    public func close() {
        guard let handle else { return }
        PQfinish(handle)
        self.handle = nil
        preparedStatements.removeAll()
        resultColumns.removeAll()
        transactionDepth = 0
    }

    /// `PQreset`: a new session with the same parameters. Forgets prepared statements (the new session has none).
    func reset() -> Bool {
        guard let handle else { return false }
        preparedStatements.removeAll()
        resultColumns.removeAll()
        PQreset(handle)
        guard PQstatus(handle) == CONNECTION_OK else {
            needsReset = true
            logger.warning(
                "PostgreSQL still unavailable",
                metadata: ["error": "\(Self.errorMessage(of: handle))"]
            )
            return false
        }
        do {
            try configureSession(handle, file: #fileID, line: #line)
        } catch {
            needsReset = true
            logger.warning("PostgreSQL session setup failed after reconnect", metadata: ["error": "\(error.message)"])
            return false
        }
        needsReset = false
        logger.info("reconnected to PostgreSQL")
        return true
    }

    /// Runs `sessionSetup` on a freshly (re)opened session; straight to libpq, as the connection
    /// is not yet marked usable.
    private func configureSession(_ handle: OpaquePointer, file: String, line: Int) throws(DatabaseError) {
        roundTrips += 1
        let result = PQexec(handle, Self.sessionSetup)
        defer { PQclear(result) }
        try check(result, handle: handle, file: file, line: line)
    }

    /// Routes server notices (e.g. "relation already exists, skipping") to the logger at debug level
    /// instead of libpq's default of printing them on stderr.
    private func installNoticeProcessor(on connection: OpaquePointer) {
        let context = Unmanaged.passUnretained(self).toOpaque()
        _ = PQsetNoticeProcessor(
            connection,
            { context, message in
                guard let context, let message else { return }
                let connection = Unmanaged<Connection>.fromOpaque(context).takeUnretainedValue()
                var text = String(cString: message)
                while text.last?.isNewline == true { text.removeLast() }
                connection.logger.debug("PostgreSQL notice", metadata: ["notice": "\(text)"])
            },
            context
        )
    }

    /// Whether an idle session is still there, without a round trip and without blocking.
    ///
    /// An idle session only receives data when the server has something to say unasked: a notice,
    /// a parameter change, or — when it shuts down or restarts — a FATAL error followed by EOF.
    /// libpq notices EOF only when it reads it, so read what is waiting (a few rounds: the error
    /// message and the EOF can arrive in separate reads) and see whether libpq gave up on the socket.
    private static func isIdleConnectionHealthy(_ handle: OpaquePointer) -> Bool {
        for _ in 0..<4 {
            let socket = PQsocket(handle)
            guard socket >= 0 else { return false }
            var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, 0)
            if ready == 0 { return true }  // nothing waiting: healthy
            if ready < 0 { return errno == EINTR }
            guard PQconsumeInput(handle) != 0, PQstatus(handle) == CONNECTION_OK else { return false }
            _ = PQisBusy(handle)  // parses what arrived (notices go to the notice processor)
        }
        return false  // still chattering after several reads: not worth trusting
    }

    static func errorMessage(of handle: OpaquePointer) -> String {
        guard let message = PQerrorMessage(handle) else { return "unknown libpq error" }
        return String(cString: message).trimmingTrailingNewlines()
    }
}

/// The thread rule, stated to the compiler: a `Connection` never crosses threads.
@available(*, unavailable, message: "A Connection belongs to the thread that created it (libpq's rule)")
extension Connection: Sendable {}

extension String {
    func trimmingTrailingNewlines() -> String {
        var text = self
        while text.last?.isNewline == true { text.removeLast() }
        return text
    }
}

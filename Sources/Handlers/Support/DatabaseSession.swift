public import Database
public import Logging

/// This thread's PostgreSQL connection: opened on first use, reset after failures. While
/// PostgreSQL is down every use throws `.connectionUnavailable` (a 503 page); once it is back
/// the next request reconnects, without restarting the responder. Not `Sendable`: it lives and
/// dies on its thread, like the `Connection` inside.
public final class DatabaseSession {
    private let url: String
    private let logger: Logger
    private var current: Connection?

    public init(url: String, logger: Logger) {
        self.url = url
        self.logger = logger
    }

    /// A usable connection, or `.connectionUnavailable`.
    public func connection() throws(DatabaseError) -> Connection {
        if let current {
            guard current.ensureConnected() else {
                throw DatabaseError(.connectionUnavailable, message: "PostgreSQL is not reachable")
            }
            return current
        }
        let opened = try Connection(url: url, logger: logger)
        current = opened
        return opened
    }

    /// Round trips made through this session's connection so far.
    public var roundTrips: Int { current?.roundTrips ?? 0 }

    public func close() {
        current?.close()
        current = nil
    }
}

extension DatabaseError {
    /// PostgreSQL is not there (or went away): answer 503, not 500.
    var isConnectionProblem: Bool { kind == .connectionUnavailable }
}

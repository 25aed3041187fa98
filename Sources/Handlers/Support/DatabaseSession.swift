public import Database
import Logging

/// This thread's PostgreSQL connection: opened on first use, reset after failures. While
/// PostgreSQL is down every use throws `.connectionUnavailable` (a 503 page); once it is back
/// the next request reconnects, without restarting the responder. Not `Sendable`: it lives and
/// dies on its thread, like the `Connection` inside.
public final class DatabaseSession {
    private let url: String
    private let logger: Logger
    private var connection: Connection?

    public init(url: String, logger: Logger) {
        self.url = url
        self.logger = logger
    }

    /// A usable connection, or `.connectionUnavailable`.
    public func connection() throws(DatabaseError) -> Connection {
        if let connection {
            guard connection.ensureConnected() else {
                throw DatabaseError(.connectionUnavailable, message: "PostgreSQL is not reachable")
            }
            return connection
        }
        let opened = try Connection(url: url, logger: logger)
        connection = opened
        return opened
    }

    public func close() {
        connection?.close()
        connection = nil
    }
}

extension DatabaseError {
    /// PostgreSQL is not there (or went away): answer 503, not 500.
    var isConnectionProblem: Bool { kind == .connectionUnavailable }
}

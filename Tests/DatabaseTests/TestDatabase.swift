import Database
import TestSupport

/// Fresh databases on the shared temporary cluster: every test gets its own, so tests stay
/// independent while Swift Testing runs them in parallel.
enum TestDatabase {
    /// A connection to a new, empty database.
    static func connect(_ name: String) throws -> Connection {
        try Connection(url: TemporaryPostgres.shared.createDatabase(named: name))
    }

    /// A connection to a new database with every bundled migration applied.
    static func migrated(_ name: String) throws -> Connection {
        let connection = try connect(name)
        try Migrator(connection: connection).migrate()
        return connection
    }
}

/// An error thrown by test code, to see what `transaction` does with a non-database error.
struct Abort: Error, Equatable {}

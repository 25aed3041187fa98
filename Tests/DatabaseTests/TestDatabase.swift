import Database
import TestSupport

/// Fresh databases on the shared temporary cluster: every test gets its own, so tests stay
/// independent while Swift Testing runs them in parallel.
enum TestDatabase {
    /// A connection to a new, empty database.
    static func connect(_ name: String) throws -> Connection {
        try Connection(url: TemporaryPostgres.shared.createDatabase(named: name))
    }

    /// A connection to a new database with every bundled migration applied: a copy of a template
    /// the Migrator migrated once per test process.
    static func migrated(_ name: String) throws -> Connection {
        try Connection(url: migratedURL(name))
    }

    /// The URL of a new migrated database, for tests that need several connections to it.
    static func migratedURL(_ name: String) throws -> String {
        let postgres = TemporaryPostgres.shared
        let template = try postgres.template(named: "database_tests_migrated") { url in
            let connection = try Connection(url: url)
            defer { connection.close() }
            try Migrator(connection: connection).migrate()
        }
        return postgres.createDatabase(named: name, template: template)
    }
}

/// An error thrown by test code, to see what `transaction` does with a non-database error.
struct Abort: Error, Equatable {}

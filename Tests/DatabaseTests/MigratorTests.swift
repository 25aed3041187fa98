import Database
import Foundation
import TestSupport
import Testing

@Suite("Migrations")
struct MigratorTests {
    @Test("on an empty database everything is pending, migrate applies and records it all, then nothing is left")
    func migrateEmptyDatabase() throws {
        let connection = try TestDatabase.connect("migrate_empty")
        let bundled = try Migration.bundled()
        #expect(bundled.first?.version == 1)
        #expect(bundled.first?.fileName == "0001_initial.sql")
        #expect(bundled.map(\.version) == bundled.map(\.version).sorted())

        let migrator = Migrator(connection: connection)
        #expect(try migrator.pending() == bundled)
        #expect(try migrator.migrate() == bundled)
        #expect(try migrator.pending() == [])
        #expect(try migrator.migrate() == [])

        let recorded = try connection.query(
            "SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version"
        )
        #expect(try recorded.map { try $0.decode("version", as: Int.self) } == bundled.map(\.version))
        #expect(try recorded.map { try $0.decode("name", as: String.self) } == bundled.map(\.name))
        for (row, migration) in zip(recorded, bundled) {
            #expect(try row.decode("checksum", as: String.self) == migration.checksum)
            #expect(abs(try row.decode("applied_at", as: Date.self).timeIntervalSinceNow) < 300)
            // The checksum is SHA-256 of the file, as PostgreSQL computes it too.
            let serverHash = try connection.query(
                "SELECT encode(sha256(convert_to(\(migration.sql), 'UTF8')), 'hex') AS hash"
            )[0].decode("hash", as: String.self)
            #expect(serverHash == migration.checksum)
        }
    }

    @Test("a migration edited after it was applied is an error naming the file")
    func changedChecksum() throws {
        let connection = try TestDatabase.connect("migrate_checksum")
        let original = Migration(version: 1, name: "widgets", sql: "CREATE TABLE widgets (id int);")
        try Migrator(connection: connection, migrations: [original]).migrate()

        let edited = Migration(version: 1, name: "widgets", sql: "CREATE TABLE widgets (id bigint);")
        let migrator = Migrator(connection: connection, migrations: [edited])
        for attempt in [migrator.pending, { try migrator.migrate() }] {
            let error = #expect(throws: MigrationError.self) { _ = try attempt() }
            #expect(error?.description.contains("0001_widgets.sql") == true)
            if case .checksumMismatch(let version, let fileName, _, _) = error {
                #expect(version == 1)
                #expect(fileName == "0001_widgets.sql")
            } else {
                Issue.record("expected checksumMismatch, got \(String(describing: error))")
            }
        }
    }

    @Test("a failing migration leaves no trace; the ones before it stay applied")
    func failingMigration() throws {
        let connection = try TestDatabase.connect("migrate_failing")
        let migrations = [
            Migration(version: 1, name: "first", sql: "CREATE TABLE first (id int);"),
            Migration(version: 2, name: "broken", sql: "CREATE TABLE second (id int); SELECT * FROM no_such_table;"),
            Migration(version: 3, name: "third", sql: "CREATE TABLE third (id int);"),
        ]
        let migrator = Migrator(connection: connection, migrations: migrations)
        let error = #expect(throws: DatabaseError.self) { try migrator.migrate() }
        #expect(error?.sqlState == "42P01")
        let tables = try connection.query(
            "SELECT to_regclass('first') IS NOT NULL AS first, to_regclass('second') IS NOT NULL AS second"
        )[0]
        #expect(try tables.decode("first", as: Bool.self))
        #expect(try !tables.decode("second", as: Bool.self))
        #expect(try migrator.pending().map(\.version) == [2, 3])
    }

    @Test("two migrators racing on two connections both succeed, and the set is applied once")
    func concurrentMigrators() throws {
        let url = TemporaryPostgres.shared.createDatabase(named: "migrate_concurrent")
        let bundled = try Migration.bundled()

        // Hold the migrators' advisory lock so both are certainly waiting on it at the same time.
        let holder = try Connection(url: url)
        try holder.execute("SELECT pg_advisory_lock(\(Migrator.advisoryLockKey))")

        let results = ResultBox()
        let finished = DispatchGroup()
        for _ in 0..<2 {
            finished.enter()
            let thread = Thread {
                defer { finished.leave() }
                do {
                    let connection = try Connection(url: url)  // made on this thread, used only here
                    results.append(.success(try Migrator(connection: connection).migrate().map(\.version)))
                } catch {
                    results.append(.failure(String(describing: error)))
                }
            }
            thread.start()
        }

        let deadline = Date().addingTimeInterval(30)
        var waiting = 0
        while waiting < 2 && Date() < deadline {
            waiting = try holder.query(
                """
                SELECT count(*) AS n FROM pg_locks
                WHERE locktype = 'advisory' AND NOT granted
                  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                """
            )[0].decode("n")
            if waiting < 2 { usleep(20_000) }
        }
        #expect(waiting == 2)
        try holder.execute("SELECT pg_advisory_unlock(\(Migrator.advisoryLockKey))")

        #expect(finished.wait(timeout: .now() + 60) == .success)
        let outcomes = results.values
        #expect(outcomes.count == 2)
        let applied = outcomes.compactMap { if case .success(let versions) = $0 { versions } else { nil } }
        #expect(applied.count == 2, "both migrators succeed: \(outcomes)")
        #expect(applied.sorted { $0.count < $1.count } == [[], bundled.map(\.version)])
        let recorded = try holder.query("SELECT count(*) AS n FROM schema_migrations")[0].decode("n", as: Int.self)
        #expect(recorded == bundled.count)
    }
}

/// Results from the migrator threads.
private final class ResultBox: @unchecked Sendable {
    enum Outcome: Equatable {
        case success([Int])
        case failure(String)
    }

    private let lock = NSLock()
    private var outcomes: [Outcome] = []

    func append(_ outcome: Outcome) { lock.withLock { outcomes.append(outcome) } }
    var values: [Outcome] { lock.withLock { outcomes } }
}

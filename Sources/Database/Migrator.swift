public import Logging

/// Applies the numbered migrations in `Sources/Database/Migrations` that a database has not seen yet.
///
/// `migrate()` is safe to run from several processes at once (every `serve` and `worker` may run it
/// at start-up): it holds a PostgreSQL advisory lock while it works, so one process applies the
/// migrations and the others wait, then find nothing left to do. Each migration runs in its own
/// transaction together with its `schema_migrations` row, so a failing migration leaves no trace
/// and the ones before it stay applied.
///
/// Uses the caller's `Connection`, so the thread rule is the connection's.
public struct Migrator {
    /// The `pg_advisory_lock` key that serialises migrators ("EGMIGRAT" in ASCII).
    public static let advisoryLockKey: Int64 = 0x4547_4D49_4752_4154

    private let connection: Connection
    private let migrations: [Migration]?
    private let logger: Logger

    /// A migrator for the migrations bundled with this module.
    public init(connection: Connection, logger: Logger = Logger(label: "eventgaraget.migrations")) {
        self.connection = connection
        self.migrations = nil
        self.logger = logger
    }

    /// A migrator for the given migrations (tests, tools).
    public init(
        connection: Connection,
        migrations: [Migration],
        logger: Logger = Logger(label: "eventgaraget.migrations")
    ) {
        self.connection = connection
        self.migrations = migrations.sorted { $0.version < $1.version }
        self.logger = logger
    }

    /// The migrations not yet applied, in version order; all of them on an empty database.
    /// Reads only; takes no lock.
    ///
    /// - Throws: `MigrationError` for bad files or a changed applied migration, `DatabaseError` from the queries.
    public func pending() throws -> [Migration] {
        let available = try availableMigrations()
        guard try tableExists() else { return available }
        let applied = try appliedChecksums()
        try verify(available, against: applied)
        return available.filter { applied[$0.version] == nil }
    }

    /// Applies every pending migration, in version order, and returns those it applied (none when
    /// another process got there first).
    ///
    /// - Throws: `MigrationError` for bad files or a changed applied migration (naming the file),
    ///   `DatabaseError` from a failing migration (earlier ones stay applied).
    @discardableResult
    public func migrate() throws -> [Migration] {
        guard !connection.isInTransaction else { throw MigrationError.insideTransaction }
        let available = try availableMigrations()

        try connection.execute("SELECT pg_advisory_lock(\(Self.advisoryLockKey))")
        defer {
            // The lock is per session: if the connection died, it is already gone.
            _ = try? connection.execute("SELECT pg_advisory_unlock(\(Self.advisoryLockKey))")
        }
        // Only under the lock: concurrent CREATE TABLE IF NOT EXISTS can still collide.
        try connection.executeScript(
            unsafeSQL: """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version    integer PRIMARY KEY,
                    name       text NOT NULL,
                    checksum   text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """
        )
        let applied = try appliedChecksums()
        try verify(available, against: applied)

        var appliedNow: [Migration] = []
        for migration in available where applied[migration.version] == nil {
            try connection.transaction { connection in
                try connection.executeScript(unsafeSQL: migration.sql)
                try connection.execute(
                    """
                    INSERT INTO schema_migrations (version, name, checksum)
                    VALUES (\(migration.version), \(migration.name), \(migration.checksum))
                    """
                )
            }
            logger.info(
                "applied migration",
                metadata: ["version": "\(migration.version)", "file": "\(migration.fileName)"]
            )
            appliedNow.append(migration)
        }
        return appliedNow
    }

    private func availableMigrations() throws -> [Migration] {
        if let migrations { return migrations }
        return try Migration.bundled()
    }

    private func tableExists() throws -> Bool {
        let rows = try connection.query("SELECT to_regclass('schema_migrations') IS NOT NULL AS present")
        return try rows.first?.decode("present", as: Bool.self) ?? false
    }

    /// Recorded checksums by version.
    private func appliedChecksums() throws -> [Int: String] {
        var checksums: [Int: String] = [:]
        for row in try connection.query("SELECT version, checksum FROM schema_migrations") {
            checksums[try row.decode("version", as: Int.self)] = try row.decode("checksum", as: String.self)
        }
        return checksums
    }

    private func verify(_ available: [Migration], against applied: [Int: String]) throws {
        for migration in available {
            if let recorded = applied[migration.version], recorded != migration.checksum {
                throw MigrationError.checksumMismatch(
                    version: migration.version,
                    fileName: migration.fileName,
                    recorded: recorded,
                    current: migration.checksum
                )
            }
        }
        let known = Set(available.map(\.version))
        let unknown = applied.keys.filter { !known.contains($0) }.sorted()
        if !unknown.isEmpty {
            // A newer build migrated this database; this build can still run against it.
            logger.warning(
                "database has migrations this build does not know",
                metadata: ["versions": "\(unknown.map(String.init).joined(separator: ","))"]
            )
        }
    }

    /// Whether the connection's role may change or delete rows of the audit log (the schema's
    /// owner or a superuser may; `eventgaraget_app`'s members may not).
    /// - Throws: `DatabaseError`.
    public static func mayRewriteAuditLog(_ connection: Connection) throws(DatabaseError) -> Bool {
        try connection.query(
            """
            SELECT has_table_privilege('audit_log', 'DELETE') OR has_table_privilege('audit_log', 'UPDATE')
                   AS may
            """)[0].decode("may")
    }
}

import Foundation

/// Product databases for tests that run the product in process: each test gets its own database,
/// copied in milliseconds from a template made once per test process in `TemporaryPostgres.shared`
/// by the product's own commands (`eventgaraget migrate`, then `eventgaraget seed-demo`).
///
/// ```swift
/// let url = try ProductDatabase.create(.demo, named: "bookings")    // migrated + demo data
/// let empty = try ProductDatabase.create(.migrated, named: "setup")  // migrated, no rows
/// ```
public enum ProductDatabase {
    public enum Contents: Sendable {
        /// The schema only: what `eventgaraget migrate` leaves on an empty database.
        case migrated
        /// The schema and the demo data of `eventgaraget seed-demo`.
        case demo
    }

    /// The public address `seed-demo` printed its signing link with (the in-process site's address).
    public static let publicBaseURL = "https://localhost:8443"

    /// What `seed-demo` printed when the demo template was made: the signing link of a sent
    /// quotation and the demo logins. Every copy of the template has the same data, so the link
    /// works in every `.demo` database.
    public static func demoSeedResult() throws -> CommandResult { try templates.get().seeded }

    /// A new database with `contents`, named after `name` (made unique); returns its URL.
    /// - Throws: `TestFailure` when the templates could not be made (migrate or seed-demo failed).
    public static func create(_ contents: Contents, named name: String) throws -> String {
        let made = try templates.get()
        return TemporaryPostgres.shared.createDatabase(
            named: name, template: contents == .demo ? made.demo : made.migrated)
    }

    /// The environment a product command gets against `databaseURL`, independent of the developer's shell.
    public static func environment(databaseURL: String) -> [String: String] {
        productEnvironment([
            "DATABASE_URL": databaseURL, "EG_PUBLIC_URL": publicBaseURL, "EG_STATIC_DIR": repositoryRoot + "/static",
        ])
    }

    private struct Templates: Sendable {
        let migrated: String
        let demo: String
        let seeded: CommandResult
    }

    private static let templates = Result<Templates, any Error> {
        let postgres = TemporaryPostgres.shared
        let migratedURL = postgres.createDatabase(named: "template_migrated")
        let migrate = try run(productBinary, ["migrate"], environment: environment(databaseURL: migratedURL))
        guard migrate.status == 0 else { throw TestFailure("eventgaraget migrate failed: \(migrate.errorOutput)") }
        let migrated = databaseName(fromURL: migratedURL)

        let demoURL = postgres.createDatabase(named: "template_demo", template: migrated)
        let seeded = try run(productBinary, ["seed-demo"], environment: environment(databaseURL: demoURL))
        guard seeded.status == 0 else { throw TestFailure("eventgaraget seed-demo failed: \(seeded.errorOutput)") }
        let demo = databaseName(fromURL: demoURL)

        // Nobody connects to a template again (autovacuum included), so copying it never waits.
        for name in [migrated, demo] {
            try postgres.psql("ALTER DATABASE \"\(name)\" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false", database: "postgres")
        }
        return Templates(migrated: migrated, demo: demo, seeded: seeded)
    }
}

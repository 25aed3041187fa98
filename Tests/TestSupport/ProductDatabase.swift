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
    public static func demoSeedResult() throws -> CommandResult {
        _ = try template(.demo)
        return seedResult.get() ?? CommandResult(status: 0, stdout: Data(), stderr: Data())
    }

    /// A new database with `contents`, named after `name` (made unique); returns its URL, logged
    /// in as the product's least-privileged role (`TemporaryPostgres.appUser`), as in production.
    /// - Throws: `TestFailure` when the template could not be made (migrate or seed-demo failed).
    public static func create(_ contents: Contents, named name: String) throws -> String {
        let postgres = TemporaryPostgres.shared
        return try postgres.appURL(postgres.createDatabase(named: name, template: try template(contents)))
    }

    /// The environment a product command gets against `databaseURL`, independent of the developer's shell.
    public static func environment(databaseURL: String) -> [String: String] {
        productEnvironment([
            "DATABASE_URL": databaseURL, "EG_PUBLIC_URL": publicBaseURL, "EG_STATIC_DIR": repositoryRoot + "/static",
        ])
    }

    private static let seedResult = LockedBox<CommandResult?>(nil)

    /// The template's name, made on first use by the product's own commands.
    private static func template(_ contents: Contents) throws -> String {
        let postgres = TemporaryPostgres.shared
        switch contents {
        case .migrated:
            return try postgres.template(named: "template_migrated") { url in
                let migrate = try run(productBinary, ["migrate"], environment: environment(databaseURL: url))
                guard migrate.status == 0 else {
                    throw TestFailure("eventgaraget migrate failed: \(migrate.errorOutput)")
                }
            }
        case .demo:
            let migrated = try template(.migrated)
            return try postgres.template(named: "template_demo", copying: migrated) { url in
                let seeded = try run(
                    productBinary, ["seed-demo"], environment: environment(databaseURL: try postgres.appURL(url)))
                guard seeded.status == 0 else {
                    throw TestFailure("eventgaraget seed-demo failed: \(seeded.errorOutput)")
                }
                seedResult.set(seeded)
            }
        }
    }
}

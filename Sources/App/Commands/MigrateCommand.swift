import ArgumentParser
import Database

/// `eventgaraget migrate`: applies the pending numbered migrations, each in its own transaction,
/// under an advisory lock (two concurrent runs are safe: the second waits and finds nothing to do).
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply pending database migrations (safe to run concurrently).",
        discussion: "Prints each migration it applies; exits non-zero when one fails (that one is rolled back).")

    @OptionGroup var options: ConfigurationOptions

    @Flag(name: .long, help: "Only list the pending migrations.")
    var dryRun = false

    func run() throws {
        let configuration = try Bootstrap.configuration(options)
        let logger = Bootstrap.logger(configuration, label: "eventgaraget.migrate")
        // The schema's owner: the app's own role (DATABASE_URL) may not create or alter tables.
        let connection = try Connection(url: configuration.migrateDatabaseURL, logger: logger)
        defer { connection.close() }
        let migrator = Migrator(connection: connection)
        if dryRun {
            let pending = try migrator.pending()
            for migration in pending { print("pending \(migration.fileName)") }
            print(pending.isEmpty ? "no pending migrations" : "\(pending.count) pending")
            return
        }
        let applied = try migrator.migrate()
        for migration in applied { print("applied \(migration.fileName)") }
        print(applied.isEmpty ? "database is up to date" : "applied \(applied.count) migration(s)")
    }
}

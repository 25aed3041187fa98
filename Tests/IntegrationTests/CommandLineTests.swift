import Foundation
import TestSupport
import Testing

/// The `eventgaraget` subcommands as an operator runs them.
@Suite("Command line")
struct CommandLineTests {
    @Test func migrateRunTwiceAtOnceBothSucceedWithOneSetApplied() throws {
        let url = TemporaryPostgres.shared.createDatabase(named: "migrate_race")
        let env = productEnvironment(["DATABASE_URL": url])
        let results = LockedBox<[CommandResult]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            if let result = try? run(productBinary, ["migrate"], environment: env) {
                results.update { $0.append(result) }
            }
        }
        let both = results.get()
        #expect(both.count == 2)
        for result in both { #expect(result.status == 0, "\(result.errorOutput)") }
        // One applied the migrations, the other found nothing to do.
        #expect(both.filter { $0.output.contains("applied 0001_initial.sql") }.count == 1)
        #expect(both.filter { $0.output.contains("database is up to date") }.count == 1)
        let files = try FileManager.default.contentsOfDirectory(atPath: repositoryRoot + "/Sources/Database/Migrations")
            .filter { $0.hasSuffix(".sql") }
        let database = databaseName(fromURL: url)
        let recorded = try TemporaryPostgres.shared.psql("SELECT count(*) FROM schema_migrations", database: database)
        #expect(recorded.trimmingCharacters(in: .whitespacesAndNewlines) == String(files.count))
    }

    @Test func serveRefusesToStartWhileMigrationsArePending() throws {
        let url = TemporaryPostgres.shared.createDatabase(named: "pending")
        let socket = "/tmp/eg-pending-\(UUID().uuidString.prefix(8)).sock"
        let result = try run(
            productBinary, ["serve"], environment: productEnvironment(["DATABASE_URL": url, "EG_LISTEN": socket]))
        #expect(result.status != 0)
        #expect(result.errorOutput.contains("pending"))
        #expect(result.errorOutput.contains("eventgaraget migrate"))
        #expect(!FileManager.default.fileExists(atPath: socket))
    }

    @Test func workerRecordsFailuresAndStopsCleanlyOnSigterm() throws {
        let url = TemporaryPostgres.shared.createDatabase(named: "worker")
        let env = productEnvironment(["DATABASE_URL": url])
        #expect(try run(productBinary, ["migrate"], environment: env).status == 0)
        let database = databaseName(fromURL: url)
        try TemporaryPostgres.shared.psql("INSERT INTO jobs (kind) VALUES ('from.the.future')", database: database)

        let worker = try WorkerProcess(environment: env)

        var state = ""
        for _ in 0..<100 {
            state = try TemporaryPostgres.shared.psql(
                "SELECT state || '|' || attempts || '|' || coalesce(last_error, '') FROM jobs WHERE kind = 'from.the.future'",
                database: database
            ).trimmingCharacters(in: .whitespacesAndNewlines)
            if state.hasPrefix("queued|1|") { break }
            usleep(50_000)
        }
        // Unknown kinds are not lost: the attempt is recorded and retried later with backoff.
        #expect(state == "queued|1|no handler for job kind from.the.future")

        #expect(worker.stop() == 0)
    }

    @Test func checkConfigMasksSecretsAndNamesEveryProblem() throws {
        let good = try run(
            productBinary, ["check-config"],
            environment: productEnvironment([
                "DATABASE_URL": "postgresql://eg:hunter2@db.example/eg", "EG_THREADS": "6",
            ]))
        #expect(good.status == 0)
        #expect(good.output.contains("DATABASE_URL=postgresql://eg:*****@db.example/eg"))
        #expect(good.output.contains("EG_THREADS=6"))
        #expect(!good.output.contains("hunter2"))

        let bad = try run(
            productBinary, ["check-config"],
            environment: productEnvironment([
                "DATABASE_URL": "mysql://x", "EG_THREADS": "many", "EG_LISTEN": "nowhere", "EG_PUBLIC_URL": "ftp://x",
            ]))
        #expect(bad.status != 0)
        for name in ["DATABASE_URL", "EG_THREADS", "EG_LISTEN", "EG_PUBLIC_URL"] {
            #expect(bad.errorOutput.contains(name), "\(name) in \(bad.errorOutput)")
        }
    }

    @Test func envFileIsReadAndTheProcessEnvironmentWins() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("eg-\(UUID().uuidString).env")
        try "# comment\nEG_THREADS=3\nEG_PUBLIC_URL=\"https://rental.example.se\"\nEG_LOG_LEVEL=debug\n"
            .write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try run(
            productBinary, ["check-config", "--env-file", file.path],
            environment: productEnvironment(["EG_LOG_LEVEL": "warning"]))
        #expect(result.status == 0)
        #expect(result.output.contains("EG_THREADS=3"))
        #expect(result.output.contains("EG_PUBLIC_URL=https://rental.example.se"))
        #expect(result.output.contains("EG_LOG_LEVEL=warning"))
    }

    @Test func sanitizeFiltersStandardInput() throws {
        let result = try run(
            productBinary, ["sanitize"],
            input: Data(
                "<p onclick=\"steal()\">Tält &amp; golv<script>alert(1)</script></p><a href=\"javascript:x\">l</a>".utf8
            ))
        #expect(result.status == 0)
        #expect(result.output == "<p>Tält &amp; golv</p><a rel=\"nofollow noopener noreferrer\">l</a>")
    }

    @Test func helpExplainsEverySubcommand() throws {
        let help = try run(productBinary, ["--help"])
        for command in ["serve", "worker", "migrate", "sanitize", "check-config"] {
            #expect(help.output.contains(command))
            let sub = try run(productBinary, [command, "--help"])
            #expect(sub.status == 0)
            #expect(sub.output.contains("USAGE: eventgaraget \(command)"))
        }
    }
}

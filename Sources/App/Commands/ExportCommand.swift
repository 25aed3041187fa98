import ArgumentParser
import Database
import Domain
import Foundation
import UseCases

/// `eventgaraget export sie --from DATE --to DATE [--lock]`: the period's bookkeeping as an SIE 4I
/// file on standard output (CP437), for the accounting program, recorded with its SHA-256 and
/// balances (audited); `--lock` then locks the books through `--to` in the same transaction.
/// `eventgaraget export reconcile --from DATE --to DATE`: the period's balances per account from
/// the database next to the SIE file's.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export and reconcile the bookkeeping.",
        subcommands: [SIE.self, Reconcile.self])

    static let actor = AuditActor(kind: .system)

    static func period(from: String, to: String) throws -> BookkeepingPeriod {
        do {
            return try BookkeepingPeriod(from: from, to: to)
        } catch .acrossYears {
            throw CommandFailure("one fiscal year at a time: --from and --to must be in the same year")
        } catch {
            throw CommandFailure("--from and --to must be dates (YYYY-MM-DD), --from first")
        }
    }

    struct SIE: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sie",
            abstract: "The invoices, credit notes and payments of a period as SIE 4I (CP437) on standard output.",
            discussion: """
                Every export is recorded (period, the file's SHA-256, the balance per account) with an \
                audit row and a bookkeeping.exported event; the SHA-256 goes to standard error.
                """)
        @Option(help: "The first day (YYYY-MM-DD).") var from: String
        @Option(help: "The last day (YYYY-MM-DD), in the same calendar year.") var to: String
        @Flag(help: "Lock the books through --to after exporting (nothing can then be issued or paid on those days).")
        var lock = false
        @OptionGroup var options: ConfigurationOptions

        func run() throws {
            let period = try ExportCommand.period(from: from, to: to)
            let connection = try Bootstrap.connection(options, label: "eventgaraget.export")
            defer { connection.close() }
            switch try ExportBookkeeping.run(
                connection, period: period, lock: lock, by: nil, actor: ExportCommand.actor,
                today: BusinessCalendar.today())
            {
            case .lockRefused(let refusal):
                let reason =
                    switch refusal {
                    case .notForward(let current):
                        "the books are already locked through \(current.iso) (the lock only moves forward)"
                    case .future: "a day after today cannot be locked"
                    case .notExported: "the lock would close days no export covers (export from the day after the lock)"
                    }
                throw CommandFailure("not exported: \(reason)")
            case .exported(let export):
                FileHandle.standardOutput.write(Data(export.file))
                var note = "Exported \(period.from.iso) – \(period.to.iso): SHA-256 \(export.sha256)"
                if lock, let day = export.lockedThrough { note += "; locked through \(day.iso)" }
                FileHandle.standardError.write(Data((note + "\n").utf8))
            }
        }
    }

    struct Reconcile: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Per account, the period's balance from the database next to the SIE file's.",
            discussion: """
                One line per account: number, name, database, file (kronor), then "matches" or the \
                difference. Exit status 1 when an account differs.
                """)
        @Option(help: "The first day (YYYY-MM-DD).") var from: String
        @Option(help: "The last day (YYYY-MM-DD), in the same calendar year.") var to: String
        @OptionGroup var options: ConfigurationOptions

        func run() throws {
            let period = try ExportCommand.period(from: from, to: to)
            let connection = try Bootstrap.connection(options, label: "eventgaraget.export")
            defer { connection.close() }
            let reconciliation = try ReconcileBookkeeping.run(
                connection, period: period, today: BusinessCalendar.today())
            for row in reconciliation.rows {
                let result = row.matches ? "matches" : "differs by \(SIEExport.decimal(row.difference))"
                print(
                    [
                        String(row.account), row.name, SIEExport.decimal(row.database), SIEExport.decimal(row.file),
                        result,
                    ].joined(separator: "\t"))
            }
            guard reconciliation.matches else { throw ExitCode(1) }
        }
    }
}

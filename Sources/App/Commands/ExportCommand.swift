import ArgumentParser
import Database
import Domain
import Foundation

/// `eventgaraget export sie --from DATE --to DATE`: the period's bookkeeping as an SIE 4I file
/// on standard output (CP437), for the accounting program.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export the bookkeeping.", subcommands: [SIE.self])

    struct SIE: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sie",
            abstract: "The invoices, credit notes and payments of a period as SIE 4I (CP437) on standard output.")
        @Option(help: "The first day (YYYY-MM-DD).") var from: String
        @Option(help: "The last day (YYYY-MM-DD), in the same calendar year.") var to: String
        @OptionGroup var options: ConfigurationOptions

        func run() throws {
            guard let first = try? CalendarDate(iso: from), let last = try? CalendarDate(iso: to), first <= last else {
                throw CommandFailure("--from and --to must be dates (YYYY-MM-DD), --from first")
            }
            guard first.year == last.year else {
                throw CommandFailure("one fiscal year at a time: --from and --to must be in the same year")
            }
            let connection = try Bootstrap.connection(options, label: "eventgaraget.export")
            defer { connection.close() }
            let settings = try InvoiceStore.settings(connection)
            let books = try InvoiceStore.bookkeeping(connection, from: first, to: last)
            let year = try RentalPeriod(
                start: try CalendarDate(year: first.year, month: 1, day: 1),
                end: try CalendarDate(year: first.year, month: 12, day: 31))
            let file = SIEExport.file(
                companyName: settings.seller.party.legalName,
                organisationNumber: settings.seller.party.organisationNumber, generated: BusinessCalendar.today(),
                fiscalYear: year, documents: books.documents, payments: books.payments)
            FileHandle.standardOutput.write(Data(file))
        }
    }
}

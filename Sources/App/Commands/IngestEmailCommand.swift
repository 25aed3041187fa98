import ArgumentParser
import Database
import Domain
import Foundation

/// `eventgaraget ingest-email`: one raw RFC 5322 message on standard input into the inbox — the
/// command an MTA pipes each message to (Postfix `pipe`, an `aliases` line). `--dry-run --json`
/// prints what would be read from it without storing anything.
struct IngestEmailCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest-email",
        abstract: "Store one email from standard input in the inbox (for an MTA pipe), or show what it says.",
        discussion: """
            The message is kept as it came (up to EG_INBOX_KEEP_BYTES) with its SHA-256, threaded into its \
            conversation and read for an inquiry. The same message twice (by Message-ID or bytes) is stored \
            once. Exit status: 0 stored or already stored; 1 for an empty input (not a message); 75 \
            (EX_TEMPFAIL) for anything else that kept it from being stored (the database down, the \
            configuration wrong), so the MTA keeps the message and tries again later rather than \
            returning it to the customer. With --dry-run --json it prints one JSON object (kind, \
            language, customer, period, guests, deliveryAddress, lines, confidence) and stores nothing; the \
            database is only read, for the catalogue.
            """)

    @Flag(help: "Read the message and print what was found; store nothing.") var dryRun = false
    @Flag(help: "Print JSON: the extraction with --dry-run, else what was stored.") var json = false
    @Option(help: "Read the message from this file instead of standard input.") var file: String?
    @OptionGroup var options: ConfigurationOptions

    /// sysexits.h: a temporary failure the MTA retries.
    static let temporaryFailure: Int32 = 75

    func run() throws {
        let raw: [UInt8]
        if let file {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CommandFailure("cannot read \(file)")
            }
            raw = [UInt8](data)
        } else {
            raw = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        }
        guard !raw.isEmpty else { throw CommandFailure("no message: the input is empty; nothing was stored") }
        let configuration: AppConfiguration
        let connection: Connection
        do {
            configuration = try Bootstrap.configuration(options)
            connection = try Connection(
                url: configuration.databaseURL,
                logger: Bootstrap.logger(configuration, label: "eventgaraget.ingest-email"))
        } catch {
            FileHandle.standardError.write(Data("error: \(error); the message was not stored, try again later\n".utf8))
            throw ExitCode(Self.temporaryFailure)
        }
        defer { connection.close() }
        let inbox = InboxIngest(configuration)
        if dryRun {
            let reading = try inbox.read(raw, source: .pipe, connection: connection)
            print(json ? reading.extraction.jsonText(pretty: true) : Self.describe(reading))
            return
        }
        let result: InboxIngest.Result
        do {
            result = try inbox.ingest(raw, source: .pipe, connection: connection)
        } catch {
            // Whatever went wrong, the message is the MTA's to keep: it tries again later.
            FileHandle.standardError.write(Data("error: \(error); the message was not stored, try again later\n".utf8))
            throw ExitCode(Self.temporaryFailure)
        }
        if json {
            print(result.json)
        } else {
            print(result.description)
        }
    }

    /// The dry run's plain text: one line per field.
    static func describe(_ reading: InboundReader.Reading) -> String {
        let e = reading.extraction
        var lines = [
            "Kind:     \(e.kind.rawValue) (\(e.language.rawValue))",
            "From:     \([e.customer.name, e.customer.email].compactMap { $0 }.joined(separator: " "))",
        ]
        if let phone = e.customer.phone { lines.append("Phone:    \(phone)") }
        if let company = e.customer.company { lines.append("Company:  \(company)") }
        if let period = e.period { lines.append("Period:   \(period.start.iso) – \(period.end.iso)") }
        if let guests = e.guests { lines.append("Guests:   \(guests)") }
        if let address = e.deliveryAddress {
            lines.append(
                "Address:  \([address.line1, address.postalCode, address.city].compactMap { $0 }.joined(separator: ", "))"
            )
        }
        for line in e.lines { lines.append("Line:     \(line.quantity) × \(line.sku ?? line.name)") }
        for problem in reading.mail.problems { lines.append("Problem:  \(problem)") }
        return lines.joined(separator: "\n")
    }
}

import ArgumentParser
import Foundation

/// `eventgaraget inbox poll`: one pass over `EG_IMAP_URL`, as the worker makes every
/// `EG_IMAP_INTERVAL` seconds (for cron, or to try a mailbox's settings).
struct InboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inbox", abstract: "Fetch customer email from the configured IMAP mailbox.",
        subcommands: [Poll.self])

    struct Poll: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Store every unseen message of EG_IMAP_URL in the inbox, then mark it seen (or move it).")
        @OptionGroup var options: ConfigurationOptions

        func run() throws {
            let configuration = try Bootstrap.configuration(options)
            guard !configuration.imapURL.isEmpty else { throw CommandFailure("EG_IMAP_URL is not set") }
            let logger = Bootstrap.logger(configuration, label: "eventgaraget.inbox")
            let counts = try InboxPoller(configuration, logger: logger).pass()
            print("Stored \(counts.stored) new message(s); \(counts.duplicates) already stored.")
        }
    }
}

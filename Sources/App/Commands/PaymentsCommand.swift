import ArgumentParser
import Database
import Domain
import Foundation

/// `eventgaraget payments …`: Bankgirot's BgMax files of incoming payments, through the same store
/// as the payments page.
struct PaymentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "payments", abstract: "Import Bankgirot's payment files and see what waits to be matched.",
        subcommands: [ImportBgMax.self, Unmatched.self])

    struct ImportBgMax: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-bgmax",
            abstract:
                "Book a BgMax file: payments with an invoice's OCR reference to the invoice, the rest to the queue.",
            discussion: """
                The whole file is one transaction: a malformed file, or one for another bankgiro, stores nothing \
                and exits non-zero. The same file twice, and a payment already imported from another file, are \
                skipped.
                """)
        @Argument(help: "The BgMax file (ISO-8859-1, as Bankgirot delivers it).") var file: String
        @OptionGroup var options: ConfigurationOptions

        func run() throws {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CommandFailure("cannot read \(file)")
            }
            let bytes = [UInt8](data)
            let parsed: BgMaxFile
            do {
                parsed = try BgMaxFile.parse(bytes)
            } catch {
                throw CommandFailure("\(file): \(error.description); nothing was imported")
            }
            let connection = try Bootstrap.connection(options, label: "eventgaraget.payments")
            defer { connection.close() }
            switch try PaymentImportStore.importFile(
                connection, file: parsed, bytes: bytes, fileName: URL(fileURLWithPath: file).lastPathComponent,
                importedBy: nil, actor: AuditActor(kind: .system))
            {
            case .imported(let summary): print(Self.summary(summary))
            case .alreadyImported(let summary):
                print(
                    "Already imported (import \(summary.id), \(summary.importedAt.formatted(.iso8601))): nothing was done."
                )
            case .refused(let refusal): throw CommandFailure("\(file): \(refusal.description)")
            }
        }

        static func summary(_ summary: PaymentImportSummary) -> String {
            """
            Import \(summary.id): \(summary.fileName)
            Matched:    \(summary.matched) (\(summary.matchedAmount.formatted(.en)))
            Unmatched:  \(summary.unmatched)
            Duplicates: \(summary.duplicates)
            Total:      \(summary.totalAmount.formatted(.en))
            """
        }
    }

    struct Unmatched: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The payments waiting to be attached to an invoice or ignored, oldest first.")
        @OptionGroup var options: ConfigurationOptions

        func run() throws {
            let connection = try Bootstrap.connection(options, label: "eventgaraget.payments")
            defer { connection.close() }
            for payment in try PaymentImportStore.unmatched(connection) where payment.state == .open {
                print(
                    [
                        String(payment.id), payment.paidOn.iso, payment.kind.rawValue, payment.amount.formatted(.en),
                        payment.reference.isEmpty ? "-" : payment.reference, payment.reason.rawValue,
                        payment.senderName.isEmpty ? "-" : payment.senderName,
                    ].joined(separator: "\t"))
            }
        }
    }
}

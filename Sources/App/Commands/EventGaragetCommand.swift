public import ArgumentParser
import Foundation

/// `eventgaraget`: one executable, one subcommand per process or task.
public struct EventGaragetCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "eventgaraget",
        abstract: "Runs EventGaraget: quotations, digital signing and bookings for event-equipment rental.",
        discussion: """
            Configuration comes from environment variables, optionally read from an env file \
            (--env-file or EG_ENV_FILE); run `eventgaraget check-config` to see the effective values.
            """,
        subcommands: [
            ServeCommand.self, WorkerCommand.self, MigrateCommand.self, CreateUserCommand.self, SeedDemoCommand.self,
            SanitizeCommand.self, ErrorPagesCommand.self, VerifyCommand.self, WebhooksCommand.self,
            InvoicesCommand.self, ExportCommand.self, PaymentsCommand.self, IngestEmailCommand.self, InboxCommand.self,
            PortalCommand.self,
            CheckConfigCommand.self,
        ]
    )

    public init() {}
}

/// Options every subcommand that reads the configuration takes.
struct ConfigurationOptions: ParsableArguments {
    @Option(name: .long, help: "Read KEY=value lines from this file; the process environment wins over it.")
    var envFile: String?
}

extension EventGaragetCommand {
    /// Parses the command line and runs the chosen subcommand; exits the process.
    public static func runFromCommandLine() -> Never {
        main()
        Foundation.exit(0)
    }
}

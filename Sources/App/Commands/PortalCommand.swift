import ArgumentParser
import Database
import Foundation
import UseCases

/// `eventgaraget portal link --email ADDRESS`: prints a fresh sign-in link to the customer portal
/// for the live customer with that address, without sending email (development and support).
/// The link is the one a customer would be emailed: single use, valid 15 minutes, audited.
struct PortalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portal", abstract: "The customer portal.", subcommands: [Link.self])

    struct Link: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a single-use, 15-minute sign-in link to /portal for a customer (no email is sent).")
        @OptionGroup var options: ConfigurationOptions
        @Option(help: "The customer's email address.") var email: String

        func run() throws {
            let configuration = try Bootstrap.configuration(options)
            let connection = try Bootstrap.connection(options, label: "eventgaraget.portal")
            defer { connection.close() }
            guard let token = try IssuePortalLink.run(connection, email: email) else {
                throw CommandFailure("no customer (that is not archived) has the address \(email)")
            }
            let base = configuration.publicBaseURL.isEmpty ? "https://localhost:8443" : configuration.publicBaseURL
            print("\(base)/portal/login/\(token)")
        }
    }
}

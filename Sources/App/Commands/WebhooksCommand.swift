import ArgumentParser
import Database
import Domain
import Foundation
import Webhooks

/// `eventgaraget webhooks …`: outgoing webhook endpoints from the command line (the same store
/// the admin pages use). Secrets are printed once, when made.
struct WebhooksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "webhooks",
        abstract: "Manage outgoing webhook endpoints (Standard Webhooks).",
        subcommands: [Add.self, List.self, RotateSecret.self, Enable.self, Remove.self])

    static let actor = AuditActor(kind: .system)

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an endpoint; prints its id and its secret (shown only now).")
        @Option(help: "The https (or http) URL events are POSTed to.") var url: String
        @Option(help: "Comma-separated event types (see docs/events.md); omit for all.") var events: String = ""
        @Option(help: "What the endpoint is for.") var description: String?
        @OptionGroup var options: ConfigurationOptions

        func run() throws {
            guard WebhookTarget.isValid(url) else { throw CommandFailure("--url must be an http(s) URL with a host") }
            let types = EventTypes.parse(events)
            let unknown = EventTypes.unknown(in: types)
            guard unknown.isEmpty else {
                throw CommandFailure("unknown event type(s): \(unknown.joined(separator: ", ")) (see docs/events.md)")
            }
            let connection = try Bootstrap.connection(options, label: "eventgaraget.webhooks")
            defer { connection.close() }
            let secret = WebhookSignature.newSecret()
            let id = try WebhookStore.add(
                connection, url: url, events: types, description: description, secret: secret,
                actor: WebhooksCommand.actor)
            print("Endpoint: \(id)")
            print("Secret: \(secret)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the endpoints and their health.")
        @OptionGroup var options: ConfigurationOptions

        func run() throws {
            let connection = try Bootstrap.connection(options, label: "eventgaraget.webhooks")
            defer { connection.close() }
            let formatter = ISO8601DateFormatter()
            for endpoint in try WebhookStore.list(connection) {
                var line = "\(endpoint.id)\t\(endpoint.active ? "active" : "disabled")\t\(endpoint.url)\t"
                line += endpoint.events.isEmpty ? "all events" : endpoint.events.joined(separator: ",")
                if endpoint.consecutiveFailures > 0 { line += "\t\(endpoint.consecutiveFailures) failures in a row" }
                if let success = endpoint.lastSuccessAt {
                    line += "\tlast delivered \(formatter.string(from: success))"
                }
                if let reason = endpoint.disabledReason { line += "\t(\(reason))" }
                print(line)
            }
        }
    }

    struct RotateSecret: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rotate-secret", abstract: "Give an endpoint a new secret; prints it.")
        @Argument(help: "The endpoint's id.") var id: Int64
        @OptionGroup var options: ConfigurationOptions

        func run() throws {
            let connection = try Bootstrap.connection(options, label: "eventgaraget.webhooks")
            defer { connection.close() }
            let secret = WebhookSignature.newSecret()
            guard try WebhookStore.rotateSecret(connection, id: id, secret: secret, actor: WebhooksCommand.actor)
            else { throw CommandFailure("no webhook endpoint \(id)") }
            print("Secret: \(secret)")
        }
    }

    struct Enable: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Enable an endpoint again (after it was disabled for failures), or --off to disable it.")
        @Argument(help: "The endpoint's id.") var id: Int64
        @Flag(help: "Disable instead.") var off = false
        @OptionGroup var options: ConfigurationOptions

        func run() throws {
            let connection = try Bootstrap.connection(options, label: "eventgaraget.webhooks")
            defer { connection.close() }
            guard try WebhookStore.setActive(connection, id: id, active: !off, actor: WebhooksCommand.actor) else {
                throw CommandFailure("no webhook endpoint \(id)")
            }
            print(off ? "Endpoint \(id) disabled." : "Endpoint \(id) enabled.")
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove an endpoint and its delivery log.")
        @Argument(help: "The endpoint's id.") var id: Int64
        @OptionGroup var options: ConfigurationOptions

        func run() throws {
            let connection = try Bootstrap.connection(options, label: "eventgaraget.webhooks")
            defer { connection.close() }
            guard try WebhookStore.remove(connection, id: id, actor: WebhooksCommand.actor) else {
                throw CommandFailure("no webhook endpoint \(id)")
            }
            print("Endpoint \(id) removed.")
        }
    }
}

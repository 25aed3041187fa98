import ArgumentParser
import Database
import Foundation
import Logging

/// The composition root's shared steps: read the configuration, set up logging.
enum Bootstrap {
    /// The effective configuration, or a `ConfigurationError` listing every problem.
    static func configuration(_ options: ConfigurationOptions) throws -> AppConfiguration {
        let process = ProcessInfo.processInfo.environment
        let environment = try EnvironmentFile.merged(path: options.envFile ?? process["EG_ENV_FILE"], over: process)
        switch AppConfiguration.load(environment: environment) {
        case .success(let configuration): return configuration
        case .failure(let error): throw error
        }
    }

    /// Sends swift-log output to standard error, one line per event, at the configured level.
    /// A database connection for a one-shot command (`webhooks`, `invoices`, `export`).
    static func connection(_ options: ConfigurationOptions, label: String) throws -> Connection {
        let configuration = try configuration(options)
        return try Connection(url: configuration.databaseURL, logger: logger(configuration, label: label))
    }

    static func logger(_ configuration: AppConfiguration, label: String) -> Logger {
        let level = Logger.Level(rawValue: configuration.logLevel) ?? .info
        LoggingSystem.bootstrap { LineLogHandler(label: $0, level: level) }
        return Logger(label: label)
    }
}

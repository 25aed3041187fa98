import ArgumentParser
import Database
import FCGIHost
import Foundation
import HTTP
import Handlers
import Logging
import Templates
import UseCases

/// `eventgaraget serve`: the FastCGI responder nginx talks to.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the FastCGI responder (behind nginx).",
        discussion: """
            Listens on EG_LISTEN with EG_THREADS threads, each with its own PostgreSQL connection. \
            Refuses to start while migrations are pending. SIGTERM or SIGINT: stops accepting, lets \
            in-flight requests finish (EG_SHUTDOWN_TIMEOUT), closes the connections, exits 0.
            """)

    @OptionGroup var options: ConfigurationOptions

    func run() throws {
        let configuration = try Bootstrap.configuration(options)
        let logger = Bootstrap.logger(configuration, label: "eventgaraget.serve")

        try Self.refuseWhilePendingMigrations(configuration, logger: logger)

        let services = SiteServices(
            databaseURL: configuration.databaseURL,
            assets: Self.loadAssets(from: configuration.staticDirectory, logger: logger),
            maxBodyBytes: configuration.maxBodyBytes,
            logger: logger, publicBaseURL: configuration.publicBaseURL,
            sealTrust: configuration.sealTrustCertificates,
            ublValidator: configuration.ublValidator.isEmpty ? nil : UBLValidator(command: configuration.ublValidator))
        let server = FastCGIServer(
            configuration: ServerConfiguration(
                listen: configuration.listen, socketMode: configuration.socketMode, threads: configuration.threads,
                limits: RequestLimits(maxBodyBytes: configuration.maxBodyBytes),
                shutdownTimeoutSeconds: configuration.shutdownTimeoutSeconds, allowedPeers: configuration.allowedPeers,
                readTimeoutSeconds: Double(configuration.fastCGITimeoutSeconds)),
            logger: logger)
        do {
            _ = try server.run { _ in SiteResponder(services: services) }
        } catch {
            throw CommandFailure(error.description)
        }
    }

    /// A responder on an older schema would fail in odd places; stop early and say what to run.
    static func refuseWhilePendingMigrations(_ configuration: AppConfiguration, logger: Logger) throws {
        let connection: Connection
        do {
            connection = try Connection(url: configuration.databaseURL, logger: logger)
        } catch {
            throw CommandFailure("cannot connect to PostgreSQL (DATABASE_URL): \(error)")
        }
        defer { connection.close() }
        let pending = try Migrator(connection: connection).pending()
        guard pending.isEmpty else {
            throw CommandFailure(
                "\(pending.count) database migration(s) pending (\(pending.map(\.fileName).joined(separator: ", "))); "
                    + "run `eventgaraget migrate` first")
        }
        // Least privilege (finding L10): a role that may delete audit rows owns more than it should.
        if try Migrator.mayRewriteAuditLog(connection) {
            logger.warning(
                "DATABASE_URL's role may change or delete audit rows; log in as a member of eventgaraget_app and migrate as the owner (EG_MIGRATE_DATABASE_URL, README: Deployment)"
            )
        }
    }

    /// Fingerprints every file in the static folder so pages can link them with a cache-busting `?v=`.
    static func loadAssets(from directory: String, logger: Logger) -> AssetCatalog {
        var files: [String: [UInt8]] = [:]
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(atPath: directory) else {
            logger.warning(
                "static folder not found; asset URLs carry no fingerprint", metadata: ["path": "\(directory)"])
            return AssetCatalog()
        }
        while let relative = enumerator.nextObject() as? String {
            let path = directory + "/" + relative
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                let data = manager.contents(atPath: path)
            else { continue }
            files[relative] = [UInt8](data)
        }
        return AssetCatalog(files: files)
    }
}

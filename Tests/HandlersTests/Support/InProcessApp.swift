import Foundation
import HTTP
import Handlers
import Logging
import Templates
import TestSupport

/// The product's pages in process, for page and handler tests: the real `SiteResponder` on a
/// database of its own (copied from a migrated, or migrated and seeded, template in the shared
/// cluster), reached through `InProcessClient`. It has the parts of `ProductStack`'s surface the
/// page tests use (`client`, `postgres`, `databaseURL`, `directory`, `environment`, `eventgaraget`,
/// `readResponderLog`), so a test body reads the same against either.
final class InProcessApp: @unchecked Sendable {
    let postgres: TemporaryPostgres
    let databaseURL: String
    /// A scratch folder of this app's own (mail written by a worker, PDFs to read), removed by `shutdown`.
    let directory: String
    let client: InProcessClient
    /// What `seed-demo` printed for the demo data (the signing link, the logins); for `.migrated`, an empty success.
    let seeded: CommandResult

    private let log: LockedBox<[String]>

    /// - Parameter contents: `.demo` (the default) for the demo data, `.migrated` for an empty product.
    /// `sealTrust`: DER roots the done page's seal check trusts.
    init(_ contents: ProductDatabase.Contents = .demo, sealTrust: [[UInt8]] = [], name: String = #function) throws {
        postgres = .shared
        databaseURL = try ProductDatabase.create(contents, named: name)
        seeded =
            try contents == .demo
            ? ProductDatabase.demoSeedResult() : CommandResult(status: 0, stdout: Data(), stderr: Data())
        var template = Array("/tmp/egapp-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw TestFailure("mkdtemp failed") }
        directory = String(cString: made)

        let log = LockedBox<[String]>([])
        self.log = log
        let logger = Logger(label: "eventgaraget.serve") { _ in CapturingLogHandler(lines: log) }
        let services = SiteServices(
            databaseURL: databaseURL, assets: Self.assets, maxBodyBytes: Self.maxBodyBytes, logger: logger,
            publicBaseURL: ProductDatabase.publicBaseURL, sealTrust: sealTrust)
        client = InProcessClient(baseURL: ProductDatabase.publicBaseURL, services: services) {
            request, response, responder in
            // The line the FastCGI server logs for every request, made the same way.
            log.update {
                $0.append(
                    "request_id=\(request.requestID) \(request.method) \(responder.loggablePath(for: request)) \(response.status.code)"
                )
            }
        }
    }

    deinit { shutdown() }

    /// The environment a product command (the worker, seed-demo) gets against this app's database.
    var environment: [String: String] { ProductDatabase.environment(databaseURL: databaseURL) }

    /// Runs `eventgaraget ARGS` to completion against this app's database.
    @discardableResult
    func eventgaraget(
        _ arguments: [String], input: Data? = nil, environment extra: [String: String] = [:]
    ) throws
        -> CommandResult
    {
        var env = environment
        for (key, value) in extra { env[key] = value }
        return try run(productBinary, arguments, environment: env, input: input)
    }

    /// Everything the responder logged, one line per entry: the request lines and whatever handlers logged.
    func readResponderLog() -> String { log.get().joined(separator: "\n") }

    /// Closes the connections and drops the database. Idempotent.
    func shutdown() {
        let wasClosed = closed.update { isClosed -> Bool in
            defer { isClosed = true }
            return isClosed
        }
        guard !wasClosed else { return }
        client.close()
        postgres.dropDatabase(databaseURL)
        try? FileManager.default.removeItem(atPath: directory)
    }

    private let closed = LockedBox(false)

    /// The server's default body limit (EG_MAX_BODY_BYTES), which nginx's client_max_body_size matches.
    static let maxBodyBytes = 8 << 20

    /// Fingerprints of static/, as `serve` computes them, so pages link assets the same way.
    static let assets: AssetCatalog = {
        let folder = repositoryRoot + "/static"
        var files: [String: [UInt8]] = [:]
        let manager = FileManager.default
        for relative in (manager.subpaths(atPath: folder) ?? []) {
            var isDirectory: ObjCBool = false
            let path = folder + "/" + relative
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                let data = manager.contents(atPath: path)
            else { continue }
            files[relative] = [UInt8](data)
        }
        return AssetCatalog(files: files)
    }()
}

/// Collects log lines (metadata first, then the message) for `readResponderLog`.
struct CapturingLogHandler: LogHandler {
    let lines: LockedBox<[String]>
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let all = metadata.merging(event.metadata ?? [:]) { $1 }
        let fields = all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        lines.update { $0.append("\(event.level) \(fields) \(event.message)") }
    }
}

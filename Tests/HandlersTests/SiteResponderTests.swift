import HTTP
import Handlers
import Logging
import Templates
import TestSupport
import Testing

/// The responder in process, against a real PostgreSQL: what a page shows when things go wrong.
@Suite("Site responder")
struct SiteResponderTests {
    final class Capture: @unchecked Sendable {
        var lines: [String] = []
    }

    struct CapturingHandler: LogHandler {
        let capture: Capture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            capture.lines.append("\(metadata.merging(event.metadata ?? [:]) { $1 }) \(event.message)")
        }
    }

    func responder(databaseURL: String, capture: Capture) -> SiteResponder {
        let logger = Logger(label: "test") { _ in CapturingHandler(capture: capture) }
        return SiteResponder(
            services: SiteServices(databaseURL: databaseURL, assets: AssetCatalog(), maxBodyBytes: 1024, logger: logger)
        )
    }

    @Test func anUnexpectedErrorIsAGeneric500WithTheRequestIDAndALogLine() {
        // A database that was never migrated: the settings table is missing, a bug-shaped failure.
        let url = TemporaryPostgres.shared.createDatabase(named: "unmigrated")
        let capture = Capture()
        let site = responder(databaseURL: url, capture: capture)
        defer { site.close() }
        let response = site.respond(
            to: Request(segments: [], headers: Headers(["accept-language": "en"]), requestID: "req-42"))
        let page = String(decoding: response.body, as: UTF8.self)
        #expect(response.status.code == 500)
        #expect(page.contains("<h1>Something went wrong</h1>"))
        #expect(page.contains("<code>req-42</code>"))
        #expect(!page.contains("settings"))
        #expect(!page.lowercased().contains("sqlstate"))
        #expect(
            capture.lines.contains { $0.contains("req-42") && $0.contains("unhandled error") && $0.contains("42P01") })
    }

    @Test func aDatabaseThatIsNotThereIsA503NotACrash() {
        let capture = Capture()
        let site = responder(databaseURL: "host=/nonexistent-socket-dir port=1 user=x dbname=x", capture: capture)
        defer { site.close() }
        let response = site.respond(to: Request(segments: ["healthz"]))
        #expect(response.status.code == 503)
        let page = site.respond(to: Request(segments: [], headers: Headers(["accept-language": "sv"])))
        #expect(page.status.code == 503)
        #expect(String(decoding: page.body, as: UTF8.self).contains("<h1>Tillfälligt otillgänglig</h1>"))
    }

    @Test func problemsFoundWhileParsingBecomeTheirPages() {
        let capture = Capture()
        let site = responder(databaseURL: "host=/nonexistent-socket-dir port=1 user=x dbname=x", capture: capture)
        defer { site.close() }
        let tooLarge = site.respond(to: Request(problem: .payloadTooLarge(limit: 1024)))
        #expect(tooLarge.status.code == 413)
        #expect(String(decoding: tooLarge.body, as: UTF8.self).contains("1 kB"))
        let traversal = site.respond(
            to: Request(headers: Headers(["accept-language": "en"]), problem: .badRequest(.pathTraversal)))
        #expect(traversal.status.code == 400)
        #expect(String(decoding: traversal.body, as: UTF8.self).contains("The address tries to leave the site"))
    }
}

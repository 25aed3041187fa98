import Foundation
import TestSupport
import Testing

/// Live pages through a real nginx with nchan: a signed-in member's `/admin/live` becomes an
/// EventSource that nginx holds; the worker announces a change within moments of its commit.
@Suite("Live pages through nginx", .serialized)
struct LivePagesTests {
    @Test func aChangeReachesASignedInMembersStreamWithinTwoSeconds() throws {
        let stack = try ProductStack()
        defer { stack.shutdown() }
        #expect(try stack.eventgaraget(["seed-demo"]).status == 0)
        // Not signed in: the stream is refused like any staff page.
        let anonymous = try run(
            "/usr/bin/curl",
            ["-ks", "-o", "/dev/null", "-w", "%{http_code}", "https://localhost:\(stack.httpsPort)/admin/live"])
        #expect(anonymous.output == "303" || anonymous.output == "302" || anonymous.output == "401")

        let browser = StaffBrowser(client: stack.client)
        #expect(try browser.login(email: "maria@eventgaraget.se", password: "eventgaraget-demo").status == 303)
        let cookie = browser.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        #expect(!cookie.isEmpty)
        let output = stack.directory + "/live.txt"
        let curl = Process()
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        curl.arguments = [
            "-ksN", "-H", "Accept: text/event-stream", "-H", "Cookie: \(cookie)", "-o", output,
            "https://localhost:\(stack.httpsPort)/admin/live",
        ]
        try curl.run()
        defer {
            // SIGKILL: the test process's threads may block SIGTERM, which the child inherits.
            kill(curl.processIdentifier, SIGKILL)
            curl.waitUntilExit()
        }

        var env = stack.environment
        env["EG_LIVE_PUBLISH"] = stack.directory + "/nginx/live.sock"
        let worker = try WorkerProcess(environment: env)
        defer { worker.stop() }
        // Let the worker announce what seed-demo wrote, then make one change and time it.
        try waitUntil(timeout: 20) {
            (try? stack.postgres.psql(
                "SELECT last_event_id = (SELECT max(id) FROM events) FROM live_cursor",
                database: databaseName(fromURL: stack.databaseURL)))?.trimmingCharacters(in: .whitespacesAndNewlines)
                == "t"
        }
        let before = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        let customer =
            try stack.postgres.psql(
                """
                WITH c AS (INSERT INTO customers (kind, name) VALUES ('person', 'Levande Kund') RETURNING id),
                     a AS (INSERT INTO audit_log (actor_kind, entity_type, entity_id, action) SELECT 'system', 'customer', id, 'created' FROM c)
                SELECT id FROM c
                """, database: databaseName(fromURL: stack.databaseURL)
            ).trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").first.map(String.init) ?? ""
        let committed = Date()
        try waitUntil(timeout: 2) {
            let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
            return text.count > before.count
                && text.contains("\"type\": \"customer.created\", \"entity_id\": \(customer)")
        }
        #expect(Date().timeIntervalSince(committed) < 2)
        let stream = try String(contentsOfFile: output, encoding: .utf8)
        #expect(stream.contains("data: {\"events\": [{"))
        #expect(!stream.contains("Levande Kund"), "only that something changed, never the data")
        // No responder thread was held: the responder answers while the stream stays open.
        #expect(try stack.client.get("/healthz").status == 200)
    }

    /// A browser with two windows: a customer signs in one, the manager's list in the other shows
    /// the signature without a reload, within two seconds.
    @Test func signingInOneWindowUpdatesTheListInTheOther() throws {
        let stack = try ProductStack()
        defer { stack.shutdown() }
        let seeded = try stack.eventgaraget(["seed-demo"])
        let link = try #require(seeded.output.split(separator: "\n").first { $0.hasPrefix("Signing link: ") })
        let path = "/sign/" + String(link.split(separator: "/").last!)
        var env = stack.environment
        env["EG_LIVE_PUBLISH"] = stack.directory + "/nginx/live.sock"
        let worker = try WorkerProcess(environment: env)
        defer { worker.stop() }
        let browser = try run(
            "/usr/bin/python3",
            [
                repositoryRoot + "/Tests/IntegrationTests/Browser/live_list.py", stack.client.baseURL, path,
                "maria@eventgaraget.se", "eventgaraget-demo", "Bröllop på Särö",
            ])
        #expect(browser.status == 0, "\(browser.output)\n\(browser.errorOutput)")
        #expect(browser.output.contains("without a reload") && browser.output.contains("within two seconds"))
    }
}

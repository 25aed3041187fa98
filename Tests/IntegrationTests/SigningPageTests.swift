import Foundation
import Testing
import TestSupport

/// The customer's page `/sign/{token}` through nginx, on demo data.
@Suite("Signing page", .serialized)
struct SigningPageTests {
    @Test func everyLinkStateHasItsPageAndTheFirstViewIsAudited() throws {
        let stack = try ProductStack()
        defer { stack.shutdown() }
        let seeded = try stack.eventgaraget(["seed-demo"])
        #expect(seeded.status == 0, "\(seeded.errorOutput)")
        let link = try #require(seeded.output.split(separator: "\n").first { $0.hasPrefix("Signing link: ") })
        let path = "/sign/" + String(link.split(separator: "/").last!)
        let database = databaseName(fromURL: stack.databaseURL)

        let page = try stack.client.get(path, headers: ["Accept-Language": "sv"])
        #expect(page.status == 200)
        #expect(page.header("cache-control") == "no-store")
        #expect(page.text.contains("<h1>Offert Q-"))
        #expect(page.text.contains("Att betala"))
        #expect(page.text.contains("Hyresperiod"))
        #expect(page.text.contains("class=\"terms\""))
        #expect(page.text.range(of: #"<code>[0-9a-f]{64}</code>"#, options: .regularExpression) != nil)
        _ = try stack.client.get(path)
        let viewed = try stack.postgres.psql("SELECT count(*) FROM audit_log WHERE action = 'viewed'", database: database)
        #expect(viewed.trimmingCharacters(in: .whitespacesAndNewlines) == "1")
        let views = try stack.postgres.psql("SELECT max(view_count) FROM signing_links", database: database)
        // A reload within a minute does not write again.
        #expect(views.trimmingCharacters(in: .whitespacesAndNewlines) == "1")

        // Wrong, malformed and never-issued tokens: one and the same 404 page.
        let wrong = try stack.client.get("/sign/" + String(repeating: "A", count: 43), headers: ["Accept-Language": "en"])
        let malformed = try stack.client.get("/sign/%3Cscript%3E", headers: ["Accept-Language": "en"])
        for result in [wrong, malformed] {
            #expect(result.status == 404)
            #expect(result.text.contains("<h1>The link does not work</h1>"))
        }

        // The other demo links (their tokens are still in the unsent email jobs) show their states.
        let tokens = try stack.postgres.psql(
            "SELECT payload->>'token' FROM jobs WHERE kind = 'email.signing_link' ORDER BY id", database: database
        ).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var headings: [Int: [String]] = [:]
        for token in tokens {
            let result = try stack.client.get("/sign/\(token)", headers: ["Accept-Language": "en"])
            let h1 = result.text.range(of: #"<h1>[^<]*"#, options: .regularExpression).map { String(result.text[$0].dropFirst(4)) } ?? ""
            headings[result.status, default: []].append(h1)
        }
        #expect(headings[410]?.contains("The offer has been replaced") == true, "\(headings)")
        #expect(headings[200]?.contains { $0.hasPrefix("Quotation Q-") } == true, "\(headings)")

        // The token never reaches the log.
        usleep(100_000)
        let log = stack.readResponderLog()
        #expect(log.contains("GET /sign/[token] 200"))
        for token in tokens { #expect(!log.contains(token)) }
    }
}

import Foundation
import TestSupport
import Testing

/// A real browser: Debian's chromium, headless, driven by Selenium, on a 360×640 phone screen.
@Suite("Signing in a browser", .serialized)
struct SigningInBrowserTests {
    @Test func aPhoneUserDrawsASignatureAndSigns() throws {
        let stack = try ProductStack()
        defer { stack.shutdown() }
        let seeded = try stack.eventgaraget(["seed-demo"])
        let link = String(
            try #require(seeded.output.split(separator: "\n").first { $0.hasPrefix("Signing link: ") })
                .dropFirst("Signing link: ".count))

        let browser = try run(
            "/usr/bin/python3", [repositoryRoot + "/Tests/IntegrationTests/Browser/sign_drawn.py", link])
        #expect(browser.status == 0, "\(browser.output)\n\(browser.errorOutput)")
        #expect(browser.output.contains("no horizontal scrolling"))
        #expect(browser.output.contains("signed: done page with booking number"))

        let stored = try stack.postgres.psql(
            "SELECT method || '|' || jsonb_array_length(strokes) FROM signatures WHERE method = 'drawn'",
            database: databaseName(fromURL: stack.databaseURL))
        #expect(stored.trimmingCharacters(in: .whitespacesAndNewlines) == "drawn|1")
    }
}

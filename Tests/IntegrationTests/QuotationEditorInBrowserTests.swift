import Foundation
import TestSupport
import Testing

/// A real browser: Debian's chromium, headless, driven by Selenium, on a 1024×768 tablet screen.
@Suite("Quotation editor in a browser", .serialized)
struct QuotationEditorInBrowserTests {
    @Test func aManagerBuildsAQuotationInTheEditor() throws {
        let stack = try ProductStack()
        defer { stack.shutdown() }
        #expect(try stack.eventgaraget(["seed-demo"]).status == 0)
        let (start, end) = try dates(inDays: 20, length: 2)
        var arguments = [
            repositoryRoot + "/Tests/IntegrationTests/Browser/build_quotation.py", stack.client.baseURL,
            "maria@eventgaraget.se", "eventgaraget-demo", start, end,
        ]
        if let folder = ProcessInfo.processInfo.environment["EG_SCREENSHOTS"] { arguments.append(folder) }
        let browser = try run("/usr/bin/python3", arguments)
        #expect(browser.status == 0, "\(browser.output)\n\(browser.errorOutput)")
        #expect(browser.output.contains("customer picked"))
        #expect(browser.output.contains("line added: Partytält 3×3 m"))
        // 2 tents × 450 kr × 2 days = 1 800 kr; + 500 kr delivery = 2 300 kr; + 25 % VAT = 2 875 kr.
        // Selenium reads the no-break space after SEK as a plain space.
        let output = browser.output.replacingOccurrences(of: "\u{00A0}", with: " ")
        #expect(output.contains("line: SEK 1,800.00"), "\(output)")
        #expect(output.contains("total: SEK 2,875.00"), "\(output)")
        // Typing 3 instead of 2: 2 700 + 500 = 3 200 kr + VAT = 4 000 kr, shown before saving.
        #expect(output.contains("live line: SEK 2,700.00"), "\(output)")
        #expect(output.contains("live total: SEK 4,000.00"), "\(output)")

        let database = databaseName(fromURL: stack.databaseURL)
        let stored = try stack.postgres.psql(
            """
            SELECT c.name || '|' || q.total_ore || '|' || q.title FROM quotations q JOIN customers c ON c.id = q.customer_id
             WHERE q.title = 'Trädgårdsfest i webbläsaren'
            """, database: database)
        #expect(
            stored.trimmingCharacters(in: .whitespacesAndNewlines) == "Åsa Öberg|287500|Trädgårdsfest i webbläsaren")
    }
}

import Foundation
import TestSupport
import Testing

/// The trigger page's condition builder in Debian's chromium, through nginx: rows are added
/// without JavaScript (the form posts itself) and Enter saves, never pressing a builder button.
@Suite("Automation in a browser", .serialized)
struct AutomationInBrowserTests {
    @Test func aManagerAddsAConditionRowAndSavesWithEnter() throws {
        let stack = try ProductStack()
        defer { stack.shutdown() }
        #expect(try stack.eventgaraget(["seed-demo"]).status == 0)
        let database = databaseName(fromURL: stack.databaseURL)
        let id = try stack.postgres.psql("SELECT id FROM triggers WHERE builtin = 'expired_notice'", database: database)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let browser = try run(
            "/usr/bin/python3",
            [
                repositoryRoot + "/Tests/IntegrationTests/Browser/condition_builder.py", stack.client.baseURL,
                "/admin/automation/triggers/\(id)", "maria@eventgaraget.se", "eventgaraget-demo",
            ])
        #expect(browser.status == 0, "\(browser.output)\n\(browser.errorOutput)")
        #expect(browser.output.contains("saved with Enter") && browser.output.contains("the new condition is stored"))
        let stored = try stack.postgres.psql(
            """
            SELECT v.version || ' ' || (v.definition->'conditions')::text FROM trigger_versions v
              JOIN triggers t ON t.id = v.trigger_id AND v.version = t.current_version WHERE t.id = \(id)
            """, database: database
        ).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(stored == #"2 {"all": [{"op": "equals", "field": "object.customer.kind", "value": "company"}]}"#)
        // The page's own "Active" box came back as it was: saving did not turn the trigger off.
        #expect(
            try stack.postgres.psql("SELECT active FROM triggers WHERE id = \(id)", database: database).contains("t"))
    }
}

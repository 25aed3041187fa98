import Foundation
import TestSupport
import Testing

/// The form builder and a task in Debian's chromium, through nginx: a form with a conditional
/// field built and published in the builder, a task given from it on a booking, and filled with
/// the conditional field hidden until its condition is met.
@Suite("Forms and tasks in a browser", .serialized)
struct TasksInBrowserTests {
    @Test func anAdminBuildsAFormWithAConditionalFieldAndFillsItsTask() throws {
        let stack = try ProductStack()
        defer { stack.shutdown() }
        #expect(try stack.eventgaraget(["seed-demo"]).status == 0)
        let database = databaseName(fromURL: stack.databaseURL)
        let booking = try stack.postgres.psql("SELECT min(id) FROM bookings", database: database)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let browser = try run(
            "/usr/bin/python3",
            [
                repositoryRoot + "/Tests/IntegrationTests/Browser/form_builder.py", stack.client.baseURL,
                "/admin/bookings/\(booking)", "admin@eventgaraget.se", "eventgaraget-demo",
            ])
        #expect(browser.status == 0, "\(browser.output)\n\(browser.errorOutput)")
        #expect(browser.output.contains("the conditional field is hidden"))
        #expect(browser.output.contains("completed with the answer"))
        let stored = try stack.postgres.psql(
            """
            SELECT t.state || ' ' || t.answers::text FROM tasks t WHERE t.title = 'Browser task'
            """, database: database
        ).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(stored == #"done {"field_1": false, "field_2": "Narrow gate, 2.8 m"}"#)
        #expect(
            try stack.postgres.psql(
                "SELECT count(*) FROM events WHERE type = 'task.completed' AND payload->'object'->>'title' = 'Browser task'",
                database: database
            ).trimmingCharacters(in: .whitespacesAndNewlines) == "1")
    }
}

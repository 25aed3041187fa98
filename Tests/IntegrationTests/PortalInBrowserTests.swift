import Foundation
import TestSupport
import Testing

/// The customer portal on a phone in a real browser, through nginx, with the worker sending the
/// sign-in email to a Maildir: the demo customer whose task is open signs in with the emailed link,
/// fills the task's form and attaches the venue map; the database then holds the answers and the
/// file exactly as sent.
@Suite("Portal in the browser", .serialized)
struct PortalInBrowserTests {
    @Test func aCustomerOnAPhoneCompletesTheirTaskWithAFile() throws {
        let mail = FileManager.default.temporaryDirectory.appendingPathComponent("eg-portal-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: mail) }
        let stack = try ProductStack(environment: ["EG_MAIL_DIR": mail])
        defer { stack.shutdown() }
        let seeded = try stack.eventgaraget(["seed-demo"])
        #expect(seeded.status == 0)
        // What `scripts/run` prints as the customer to sign in as.
        let printed = seeded.output.split(separator: "\n").first { $0.hasPrefix("Portal customer with a task: ") }
            .map { String($0.dropFirst("Portal customer with a task: ".count)) }
        let database = databaseName(fromURL: stack.databaseURL)
        func sql(_ text: String) throws -> String {
            try stack.postgres.psql(text, database: database).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let title = "Leveranstid och platskarta"
        let task = try sql(
            "SELECT t.id || ' ' || c.email FROM tasks t JOIN customers c ON c.id = t.assignee_customer_id WHERE t.title = '\(title)' AND t.state = 'open' ORDER BY t.id LIMIT 1"
        ).split(separator: " ").map(String.init)
        try #require(task.count == 2, "the demo has an open task for a customer")
        #expect(printed == task[1], "seed-demo names the customer whose task this is")
        // The demo's own jobs (sealing agreements, emails) wait; this test is about one email.
        _ = try sql("UPDATE jobs SET run_at = now() + interval '1 day' WHERE state = 'queued'")
        let map = (0..<4096).map { UInt8(($0 * 7) % 256) }
        let mapFile = stack.directory + "/platskarta.png"
        try Data(map).write(to: URL(fileURLWithPath: mapFile))

        var env = stack.environment
        env["EG_MAIL_DIR"] = mail
        let worker = try WorkerProcess(environment: env)
        let browser = try run(
            "/usr/bin/python3",
            [
                repositoryRoot + "/Tests/IntegrationTests/Browser/portal_task.py", stack.client.baseURL, task[1], mail,
                mapFile, title,
            ])
        worker.stop()
        #expect(browser.status == 0, "\(browser.output)\n\(browser.errorOutput)")
        #expect(browser.output.contains("the task shows done"), "\(browser.output)")
        #expect(
            try sql(
                "SELECT state || '|' || (answers->>'kontakt_namn') || '|' || (answers->>'leveransfonster') || '|' || (completed_by_customer_id IS NOT NULL) FROM tasks WHERE id = \(task[0])"
            ) == "done|Lisa på plats|10–13|true")
        #expect(
            try sql(
                "SELECT name || '|' || size || '|' || encode(sha256(content), 'hex') FROM task_files WHERE task_id = \(task[0])"
            ) == "platskarta.png|4096|\(try sha256Hex(of: mapFile))")
    }

    func sha256Hex(of path: String) throws -> String {
        let result = try run("/usr/bin/sha256sum", [path])
        return String(result.output.prefix { $0 != " " })
    }
}

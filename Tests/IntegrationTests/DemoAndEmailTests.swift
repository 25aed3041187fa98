import Foundation
import TestSupport
import Testing

/// seed-demo and the worker together: the emails a customer receives.
@Suite("Demo data and the signing-link email", .serialized)
struct DemoAndEmailTests {
    @Test func seedDemoThenWorkerDeliversTheSigningLinkToTheCustomer() throws {
        let url = TemporaryPostgres.shared.createDatabase(named: "demo")
        let database = databaseName(fromURL: url)
        let mail = FileManager.default.temporaryDirectory.appendingPathComponent("eg-mail-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: mail) }
        let env = productEnvironment([
            "DATABASE_URL": url, "EG_MAIL_DIR": mail, "EG_PUBLIC_URL": "https://rental.example.se",
        ])

        #expect(try run(productBinary, ["migrate"], environment: env).status == 0)
        let seeded = try run(productBinary, ["seed-demo"], environment: env)
        #expect(seeded.status == 0, "\(seeded.errorOutput)")
        let link = try #require(seeded.output.split(separator: "\n").first { $0.hasPrefix("Signing link: ") })
            .dropFirst("Signing link: ".count)
        #expect(link.hasPrefix("https://rental.example.se/sign/"))
        let token = String(link.split(separator: "/").last!)
        #expect(token.count == 43)
        let again = try run(productBinary, ["seed-demo"], environment: env)
        #expect(again.status == 0)
        #expect(
            try TemporaryPostgres.shared.psql("SELECT count(*) >= 30 FROM products", database: database)
                .trimmingCharacters(in: .whitespacesAndNewlines) == "t")

        let queued =
            Int(
                try TemporaryPostgres.shared.psql(
                    "SELECT count(*) FROM jobs WHERE kind = 'email.signing_link'", database: database
                )
                .trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        #expect(queued > 0)

        let worker = try WorkerProcess(environment: env)
        var done = 0
        for _ in 0..<200 {
            done =
                Int(
                    try TemporaryPostgres.shared.psql(
                        "SELECT count(*) FROM jobs WHERE kind = 'email.signing_link' AND state = 'done'",
                        database: database
                    )
                    .trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
            if done == queued { break }
            usleep(50_000)
        }
        #expect(worker.stop() == 0)
        #expect(done == queued)

        // No token is left in clear in the database once the emails are out.
        let leftovers = try TemporaryPostgres.shared.psql(
            "SELECT count(*) FROM jobs WHERE payload ? 'token'", database: database)
        #expect(leftovers.trimmingCharacters(in: .whitespacesAndNewlines) == "0")

        // Exactly one email carries the printed link; a real MIME parser reads it.
        let files = try FileManager.default.contentsOfDirectory(atPath: mail + "/new")
        let messages = try files.map { try Data(contentsOf: URL(fileURLWithPath: mail + "/new/" + $0)) }
        let withLink = messages.filter { String(decoding: $0, as: UTF8.self).contains(token) }
        #expect(withLink.count == 1)
        guard let customerEmail = withLink.first else { return }
        let parsed = try run(
            "/usr/bin/python3",
            [
                "-c",
                """
                import sys, email
                from email import policy
                m = email.message_from_bytes(sys.stdin.buffer.read(), policy=policy.default)
                print(m['To']); print(m['Subject'])
                print(m.get_body(('plain',)).get_content())
                print(m.get_body(('html',)).get_content())
                """,
            ], input: customerEmail)
        #expect(parsed.status == 0, "\(parsed.errorOutput)")
        let lines = parsed.output
        #expect(lines.contains("Offert Q-") || lines.contains("Quotation Q-"))
        #expect(lines.contains(String(link)))
        #expect(lines.contains("<a href=\"\(link)\">"))
    }
}

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

    /// What `scripts/run` does with the demo: the development PKI and time-stamp authority, seed-demo,
    /// the worker. Every signed demo agreement comes out sealed (PAdES B-LT), and with the
    /// authority stopped (offline) pdfsig, pyHanko and `eventgaraget verify` call it valid.
    @Test func theWorkerSealsTheDemosSignedAgreementsAndEveryVerifierAcceptsThem() throws {
        let pki = try DevelopmentPKI()
        let url = TemporaryPostgres.shared.createDatabase(named: "demoseal")
        let database = databaseName(fromURL: url)
        let mail = pki.folder + "/mail"
        let env = productEnvironment([
            "DATABASE_URL": url, "EG_MAIL_DIR": mail, "EG_PUBLIC_URL": "https://rental.example.se",
            "EG_SEAL_P12": pki.pki + "/seal.p12", "EG_SEAL_P12_PASSWORD": "dev", "EG_TSA_URL": pki.timestampURL,
            "EG_TSA_TRUST": pki.rootPEM, "EG_SEAL_TRUST": pki.rootPEM,
        ])
        #expect(try run(productBinary, ["check-config"], environment: env).status == 0)
        #expect(try run(productBinary, ["migrate"], environment: env).status == 0)
        #expect(try run(productBinary, ["seed-demo"], environment: env).status == 0)
        func scalar(_ sql: String) throws -> String {
            try TemporaryPostgres.shared.psql(sql, database: database).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let signed = Int(try scalar("SELECT count(*) FROM signatures")) ?? 0
        #expect(signed > 0, "the demo has signed agreements")
        let worker = try WorkerProcess(environment: env)
        try waitUntil(timeout: 120) {
            (try? scalar("SELECT count(*) FROM documents WHERE kind = 'signed_agreement'")) == String(signed)
        }
        #expect(worker.stop() == 0)
        pki.stopAuthority()

        let hex = try scalar(
            "SELECT encode(d.content, 'hex') FROM documents d WHERE d.kind = 'signed_agreement' ORDER BY d.id LIMIT 1")
        var pdf = [UInt8]()
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            pdf.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        let version = try scalar(
            """
            SELECT encode(v.snapshot_sha256, 'hex') FROM documents d
              JOIN quotation_versions v ON v.id = d.quotation_version_id
             WHERE d.kind = 'signed_agreement' ORDER BY d.id LIMIT 1
            """)
        let file = try pki.write(pdf)

        let pdfsig = try pki.pdfsig(pdf)
        #expect(pdfsig.contains("Signature Validation: Signature is Valid."), "\(pdfsig)")
        #expect(pdfsig.contains("Certificate Validation: Certificate is Trusted."), "\(pdfsig)")
        let hanko = try pki.pyhanko(pdf)
        #expect(hanko.status == 0, "\(hanko.output)\(hanko.errorOutput)")
        #expect(hanko.output.contains("INTACT:TRUSTED,TIMESTAMP_TOKEN<INTACT:TRUSTED>"), "\(hanko.output)")

        // `eventgaraget verify`: with the configured roots (EG_SEAL_TRUST), then an explicit --trust.
        let verified = try run(productBinary, ["verify", file], environment: env)
        #expect(verified.status == 0, "\(verified.output)\(verified.errorOutput)")
        #expect(verified.output.contains("Seal: VALID"))
        #expect(
            verified.output.contains("Sealed by: C=SE,O=EventGaraget (development),CN=EventGaraget Seal (development)"))
        #expect(verified.output.contains("Time-stamp: 20"))
        #expect(
            verified.output.contains(
                "Unchanged since sealing: yes (1 later update(s); validation data: 3 certificate(s), 1 CRL(s))"))
        #expect(verified.output.contains("Agreement version SHA-256: \(version)"), "\(verified.output)")
        var tampered = pdf
        let needle = Array("(cairo ".utf8)
        let at = try #require(
            (0..<(pdf.count - needle.count)).first { pdf[$0..<($0 + needle.count)].elementsEqual(needle) })
        tampered[at + 1] = UInt8(ascii: "C")
        let broken = try run(
            productBinary, ["verify", "--trust", pki.rootPEM, try pki.write(tampered)], environment: env)
        #expect(broken.status == 1)
        #expect(broken.output.contains("Seal: NOT VALID") && broken.output.contains("Unchanged since sealing: no"))
        let noRoots = try run(productBinary, ["verify", file], environment: productEnvironment([:]))
        #expect(noRoots.status == 2)
        #expect(noRoots.errorOutput.contains("no trusted roots"))
        #expect(try run(productBinary, ["verify", "--trust", pki.rootPEM, pki.folder + "/none.pdf"]).status == 2)
    }
}

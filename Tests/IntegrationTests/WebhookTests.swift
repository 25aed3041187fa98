import Foundation
import TestSupport
import Testing

/// Outgoing webhooks end to end with real processes: `eventgaraget webhooks add`, the events the
/// product writes, the worker delivering them, and a real HTTP receiver that checks every
/// Standard Webhooks signature itself.
@Suite("Webhooks to a real receiver", .serialized)
struct WebhookTests {
    final class Setup {
        let database: String
        var env: [String: String]

        init(_ name: String, allowPrivate: Bool = true, disableAfter: Int = 50) throws {
            let url = TemporaryPostgres.shared.createDatabase(named: name)
            database = databaseName(fromURL: url)
            env = productEnvironment([
                "DATABASE_URL": url, "EG_MAIL_DIR": "/tmp/eg-webhook-mail-\(name)",
                "EG_WEBHOOK_ALLOW_PRIVATE": allowPrivate ? "1" : "0", "EG_WEBHOOK_DISABLE_AFTER": String(disableAfter),
            ])
            let migrated = try run(productBinary, ["migrate"], environment: env)
            guard migrated.status == 0 else { throw TestFailure("migrate: \(migrated.errorOutput)") }
        }

        func sql(_ text: String) throws -> String {
            try TemporaryPostgres.shared.psql(text, database: database).trimmingCharacters(in: .whitespacesAndNewlines)
        }

        /// `webhooks add`: the endpoint's id and secret as printed.
        func addEndpoint(_ url: String, events: String) throws -> (id: String, secret: String) {
            let added = try run(productBinary, ["webhooks", "add", "--url", url, "--events", events], environment: env)
            guard added.status == 0 else { throw TestFailure("webhooks add: \(added.errorOutput)") }
            let lines = added.output.split(separator: "\n")
            guard let id = lines.first(where: { $0.hasPrefix("Endpoint: ") })?.dropFirst(10),
                let secret = lines.first(where: { $0.hasPrefix("Secret: ") })?.dropFirst(8)
            else { throw TestFailure("webhooks add printed \(added.output)") }
            return (String(id), String(secret))
        }

        /// `count` customer.updated events for one customer, in one transaction (as audit rows,
        /// which is how every change writes them).
        func updates(customer: String, count: Int) throws {
            _ = try sql(
                """
                INSERT INTO audit_log (actor_kind, entity_type, entity_id, action, after)
                SELECT 'system', 'customer', \(customer), 'updated', jsonb_build_object('n', g::text)
                  FROM generate_series(1, \(count)) g ORDER BY g
                """)
        }

        /// A customer and its `created` audit row, in one transaction (as the customer form writes them).
        func customer(_ name: String) throws -> String {
            try sql(
                """
                WITH c AS (INSERT INTO customers (kind, name) VALUES ('person', '\(name)') RETURNING id),
                     a AS (INSERT INTO audit_log (actor_kind, entity_type, entity_id, action)
                           SELECT 'system', 'customer', id, 'created' FROM c)
                SELECT id FROM c
                """
            ).split(separator: "\n").first.map(String.init) ?? ""
        }
    }

    static func data(_ message: WebhookReceiver.Message) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(message.body.utf8)) as? [String: Any])
    }

    @Test func seedDemosSentQuotationsReachTheReceiverSignedOnceEachWithTheEventsID() throws {
        let setup = try Setup("hooks_demo")
        let receiver = try WebhookReceiver(secret: "whsec_" + Data(repeating: 1, count: 32).base64EncodedString())
        let endpoint = try setup.addEndpoint(receiver.url, events: "quotation.sent,customer.created")
        let secret = endpoint.secret
        let real = try WebhookReceiver(secret: secret)
        // Point the endpoint at the receiver that knows its secret.
        _ = try setup.sql("UPDATE webhook_endpoints SET url = '\(real.url)' WHERE id = \(endpoint.id)")
        #expect(try run(productBinary, ["seed-demo"], environment: setup.env).status == 0)
        let created = Int(try setup.sql("SELECT count(*) FROM events WHERE type = 'quotation.sent'")) ?? 0
        #expect(created >= 20, "the demo month's quotations were sent")

        let worker = try WorkerProcess(environment: setup.env)
        try waitUntil(timeout: 60) { real.messages().count >= created }
        usleep(500_000)
        #expect(worker.stop() == 0)
        let messages = real.messages()
        #expect(messages.count == created, "each event once")
        let allValid = messages.allSatisfy { $0.valid }
        #expect(allValid, "every signature holds")
        #expect(Set(messages.map(\.id)).count == created)
        let firstMessage = try #require(messages.first)
        let first = try Self.data(firstMessage)
        #expect(first["type"] as? String == "quotation.sent")
        let data = try #require(first["data"] as? [String: Any])
        let object = try #require(data["object"] as? [String: Any])
        #expect(messages.first?.id == "evt_\(data["event_id"] as? Int ?? -1)")
        #expect((object["number"] as? String)?.hasPrefix("Q-") == true)
        #expect(((object["customer"] as? [String: Any])?["name"] as? String)?.isEmpty == false)
        #expect(receiver.messages().isEmpty)
        #expect(try setup.sql("SELECT count(*) FROM webhook_deliveries WHERE succeeded") == String(created))

        // A new secret: the receiver that knows only the old one refuses, and the log says 401.
        let rotated = try run(productBinary, ["webhooks", "rotate-secret", endpoint.id], environment: setup.env)
        #expect(rotated.status == 0 && rotated.output.hasPrefix("Secret: whsec_"))
        _ = try setup.customer("Ny Kund")
        let again = try WorkerProcess(environment: setup.env)
        try waitUntil(timeout: 30) {
            (try? setup.sql("SELECT count(*) FROM webhook_deliveries WHERE response_status = 401")) == "1"
        }
        again.stop()
        #expect(real.messages().last?.valid == false)
        let list = try run(productBinary, ["webhooks", "list"], environment: setup.env)
        #expect(
            list.output.contains(
                "\(endpoint.id)\tactive\t\(real.url)\tquotation.sent,customer.created\t1 failures in a row"),
            "\(list.output)")
    }

    @Test func aReceiverThatIsDownGetsTheSameMessageOnceItIsBackAndAKilledWorkerLosesNothing() throws {
        let setup = try Setup("hooks_retry")
        let port = try freeTCPPort()
        let endpoint = try setup.addEndpoint("http://127.0.0.1:\(port)/hook", events: "customer.created")
        let id = try setup.customer("Åsa Nere")
        let event = try setup.sql("SELECT id FROM events WHERE entity_id = \(id)")

        // Down: the attempt fails and is logged; the job waits for its retry.
        let worker = try WorkerProcess(environment: setup.env)
        try waitUntil(timeout: 30) {
            (try? setup.sql("SELECT count(*) FROM webhook_deliveries WHERE NOT succeeded")) == "1"
        }
        worker.stop()
        #expect(try setup.sql("SELECT state FROM jobs WHERE kind = 'webhook.deliver'") == "queued")
        #expect(try setup.sql("SELECT error IS NOT NULL FROM webhook_deliveries") == "t")

        // Back, and the retry is due (the clock moves on): delivered, with the event's id.
        let receiver = try WebhookReceiver(secret: endpoint.secret, delay: 2, port: port)
        _ = try setup.sql("UPDATE jobs SET run_at = now() WHERE kind = 'webhook.deliver'")
        // The worker is killed while the receiver holds the answer back: nothing is lost.
        let killed = try WorkerProcess(environment: setup.env)
        try waitUntil(timeout: 30) { !receiver.messages().isEmpty }
        kill(killed.process.processIdentifier, SIGKILL)
        killed.process.waitUntilExit()
        #expect(try setup.sql("SELECT state FROM jobs WHERE kind = 'webhook.deliver'") == "running")
        _ = try setup.sql("UPDATE jobs SET locked_until = now() - interval '1 second' WHERE kind = 'webhook.deliver'")
        let restarted = try WorkerProcess(environment: setup.env)
        try waitUntil(timeout: 30) {
            (try? setup.sql("SELECT state FROM jobs WHERE kind = 'webhook.deliver'")) == "done"
        }
        restarted.stop()
        let messages = receiver.messages()
        #expect(messages.count >= 2, "the killed attempt and the one after it")
        let sameID = messages.allSatisfy { $0.valid && $0.id == "evt_\(event)" }
        #expect(sameID, "the same webhook-id every time")
        #expect(try setup.sql("SELECT count(*) FROM webhook_deliveries WHERE succeeded") == "1")
    }

    /// A receiver that stays down: after `EG_WEBHOOK_DISABLE_AFTER` failures in a row the endpoint
    /// is disabled, with the reason, and the built-in trigger emails every admin about it.
    @Test func anEndpointThatKeepsFailingIsDisabledAndTheAdminsAreTold() throws {
        let setup = try Setup("hooks_disable", disableAfter: 2)
        _ = try setup.sql(
            """
            INSERT INTO users (email, name, role, password_hash) VALUES
                ('chef@example.se', 'Chef', 'admin', 'x'), ('lager@example.se', 'Lager', 'warehouse', 'x')
            """)
        let port = try freeTCPPort()
        let endpoint = try setup.addEndpoint("http://127.0.0.1:\(port)/hook", events: "customer.created")
        _ = try setup.customer("Ingen Svarar")
        let worker = try WorkerProcess(environment: setup.env)
        defer { worker.stop() }
        try waitUntil(timeout: 30) { (try? setup.sql("SELECT count(*) FROM webhook_deliveries")) == "1" }
        _ = try setup.sql("UPDATE jobs SET run_at = now() WHERE kind = 'webhook.deliver' AND state = 'queued'")
        try waitUntil(timeout: 30) {
            (try? setup.sql(
                "SELECT count(*) FROM events WHERE type = 'email.sent' AND payload->'details'->>'job_kind' = 'trigger.run'"
            ))
                == "1"
        }
        #expect(try setup.sql("SELECT active FROM webhook_endpoints WHERE id = \(endpoint.id)") == "f")
        #expect(
            try setup.sql("SELECT disabled_reason FROM webhook_endpoints WHERE id = \(endpoint.id)")
                .hasPrefix("2 failed deliveries in a row; last: "))
        #expect(
            try setup.sql(
                """
                SELECT payload->'details'->>'to' || '|' || (payload->'details'->>'subject') FROM events
                 WHERE type = 'email.sent' AND payload->'details'->>'job_kind' = 'trigger.run'
                """) == "chef@example.se|Webhook avstängd: http://127.0.0.1:\(port)/hook")
        let list = try run(productBinary, ["webhooks", "list"], environment: setup.env)
        #expect(list.output.contains("\(endpoint.id)\tdisabled\t"), "\(list.output)")
    }

    @Test func oneEntitysEventsArriveInOrderUnderTwoWorkers() throws {
        let setup = try Setup("hooks_order")
        let receiver = try WebhookReceiver(secret: "whsec_" + Data(repeating: 2, count: 32).base64EncodedString())
        let endpoint = try setup.addEndpoint(receiver.url, events: "customer.updated")
        let fixed = try WebhookReceiver(secret: endpoint.secret, delay: 0.05)
        _ = try setup.sql("UPDATE webhook_endpoints SET url = '\(fixed.url)'")
        let customer = try setup.customer("Ordning Reda")
        try setup.updates(customer: customer, count: 20)
        let workers = try [WorkerProcess(environment: setup.env), WorkerProcess(environment: setup.env)]
        try waitUntil(timeout: 60) { fixed.messages().count >= 20 }
        for worker in workers { worker.stop() }
        let order = try fixed.messages().map { message -> Int in
            let data = try #require(try Self.data(message)["data"] as? [String: Any])
            let details = try #require(data["details"] as? [String: Any])
            return Int(details["n"] as? String ?? "") ?? -1
        }
        #expect(order == Array(1...20))
    }

    @Test func aTargetOnAPrivateAddressIsRefusedUnlessAllowed() throws {
        let setup = try Setup("hooks_ssrf", allowPrivate: false)
        let receiver = try WebhookReceiver(secret: "whsec_" + Data(repeating: 3, count: 32).base64EncodedString())
        _ = try setup.addEndpoint(receiver.url, events: "customer.created")
        _ = try setup.customer("Intern Adress")
        let worker = try WorkerProcess(environment: setup.env)
        try waitUntil(timeout: 30) { (try? setup.sql("SELECT count(*) FROM webhook_deliveries")) == "1" }
        worker.stop()
        #expect(receiver.messages().isEmpty)
        #expect(
            try setup.sql("SELECT error FROM webhook_deliveries")
                == "refused: 127.0.0.1 is not a public address (EG_WEBHOOK_ALLOW_PRIVATE allows it)")
        let bad = try run(
            productBinary, ["webhooks", "add", "--url", "ftp://example.se", "--events", "customer.created"],
            environment: setup.env)
        #expect(bad.status != 0 && bad.errorOutput.contains("--url must be an http(s) URL"))
        let unknown = try run(
            productBinary, ["webhooks", "add", "--url", "https://example.se", "--events", "kund.skapad"],
            environment: setup.env)
        #expect(unknown.status != 0 && unknown.errorOutput.contains("unknown event type(s): kund.skapad"))
    }

    /// The expiry schedule: a sent quotation whose link ran out (the clock moved past it) becomes
    /// `expired` within seconds, once, with two workers running, and its event reaches a webhook.
    @Test func anExpiredLinksQuotationIsMarkedExpiredOnceAndItsEventIsDelivered() throws {
        let setup = try Setup("hooks_expiry")
        let receiver = try WebhookReceiver(secret: "whsec_" + Data(repeating: 4, count: 32).base64EncodedString())
        let endpoint = try setup.addEndpoint(receiver.url, events: "quotation.expired")
        let real = try WebhookReceiver(secret: endpoint.secret)
        _ = try setup.sql("UPDATE webhook_endpoints SET url = '\(real.url)'")
        #expect(try run(productBinary, ["seed-demo"], environment: setup.env).status == 0)
        let wedding = try setup.sql("SELECT id FROM quotations WHERE title = 'Bröllop på Särö'")
        #expect(try setup.sql("SELECT state FROM quotations WHERE id = \(wedding)") == "sent")
        // Its link ran out a minute ago.
        _ = try setup.sql(
            """
            UPDATE signing_links SET created_at = now() - interval '31 days', expires_at = now() - interval '1 minute'
             WHERE voided_at IS NULL
               AND quotation_version_id IN (SELECT id FROM quotation_versions WHERE quotation_id = \(wedding))
            """)
        let workers = try [WorkerProcess(environment: setup.env), WorkerProcess(environment: setup.env)]
        try waitUntil(timeout: 30) { !real.messages().isEmpty }
        usleep(1_500_000)
        for worker in workers { worker.stop() }
        #expect(try setup.sql("SELECT state FROM quotations WHERE id = \(wedding)") == "expired")
        #expect(
            try setup.sql(
                "SELECT count(*) FROM jobs WHERE kind = 'schedule.run' AND payload->>'schedule' = 'quotations.expire'")
                == "1", "one run, two workers")
        // The demo's own expired quotation (seed-demo expires it) and the wedding: one message each.
        let objects = try real.messages().map { message -> [String: Any] in
            let data = try #require(try Self.data(message)["data"] as? [String: Any])
            return try #require(data["object"] as? [String: Any])
        }
        let weddings = objects.filter { ($0["id"] as? Int).map(String.init) == wedding }
        #expect(weddings.count == 1)
        #expect(weddings.first?["state"] as? String == "expired")
        #expect(objects.count == 2)
        #expect(
            try setup.sql("SELECT count(*) FROM audit_log WHERE entity_id = \(wedding) AND action = 'expired'") == "1")
    }
}

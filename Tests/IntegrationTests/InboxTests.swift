import Foundation
import TestSupport
import Testing

/// The inbox with real processes: messages piped into `eventgaraget ingest-email` (the MTA's
/// one-liner), the extraction read back with `--dry-run --json` over the corpus, threading and
/// delivery reports in the database, and a manager working an inquiry in chromium through nginx
/// while the worker sends the reply to a real SMTP server.
@Suite("Inbox", .serialized)
struct InboxTests {
    static let corpus = repositoryRoot + "/Tests/IntegrationTests/InboxCorpus"

    static func write(_ text: String, name: String = "message.eml") throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("eg-inbox-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        try Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static let inquiry = """
        From: Karl Svensson <karl.svensson@example.com>
        To: info@eventgaraget.se
        Subject: Hyra till studentfest
        Date: Mon, 07 Dec 2026 09:15:00 +0100
        Message-ID: <inbox-test-1@example.com>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8

        Hej!

        Vi har studentfest lördag 12 juni och blir ca 80 gäster. Vi vill hyra ett tält för 80 personer \
        och stolar till alla. Leverans till Storgatan 5, 411 38 Göteborg.

        Mvh
        Karl Svensson
        070-111 22 33
        """

    @Test func anInquiryPipedInBecomesAConversationOnceWithItsEvents() throws {
        let demo = try InvoicingTests.Demo("inbox_pipe")
        let path = try Self.write(Self.inquiry)
        // The documented one-liner: the message on standard input.
        let piped = try run("/bin/sh", ["-c", "'\(productBinary)' ingest-email < '\(path)'"], environment: demo.env)
        #expect(piped.status == 0, "\(piped.output)\(piped.errorOutput)")
        #expect(piped.output.contains("(inquiry) in conversation") && piped.output.contains("(new)"), "\(piped.output)")
        let conversation = try demo.sql(
            "SELECT conversation_id FROM mail_messages WHERE message_id = 'inbox-test-1@example.com'")
        #expect(
            try demo.sql(
                "SELECT state || ' ' || party_address || ' ' || subject FROM conversations WHERE id = \(conversation)")
                == "open karl.svensson@example.com Hyra till studentfest")
        // Its audit row and both events, in the same transaction as the message.
        #expect(
            try demo.sql(
                "SELECT count(*) FROM audit_log WHERE entity_type = 'conversation' AND entity_id = \(conversation) AND action = 'message_received'"
            ) == "1")
        #expect(
            try demo.sql(
                "SELECT string_agg(type, ',' ORDER BY id) FROM events WHERE entity_type = 'conversation' AND entity_id = \(conversation)"
            ) == "conversation.message_received,conversation.inquiry_received")
        // The raw message is kept with its SHA-256; the proposal is stored with it.
        let sha = try run("/usr/bin/sha256sum", [path]).output.prefix(64)
        #expect(
            try demo.sql(
                "SELECT raw_sha256 || ' ' || raw_size || ' ' || (sha256(raw) = decode(raw_sha256, 'hex')) FROM mail_messages WHERE message_id = 'inbox-test-1@example.com'"
            ) == "\(sha) \(try Data(contentsOf: URL(fileURLWithPath: path)).count) true")
        #expect(
            try demo.sql(
                "SELECT extraction->'period'->>'start' || ' ' || (extraction->>'guests') FROM mail_messages WHERE message_id = 'inbox-test-1@example.com'"
            ) == "2027-06-12 80")

        // Delivered again (the MTA retried, or IMAP saw it too): stored once.
        let again = try demo.eventgaraget(["ingest-email", "--file", path])
        #expect(again.status == 0 && again.output.contains("Already stored"), "\(again.output)")
        #expect(try demo.sql("SELECT count(*) FROM mail_messages WHERE message_id = 'inbox-test-1@example.com'") == "1")

        // The customer answers with "Re:" and In-Reply-To: the same conversation, as a reply.
        let answer = Self.inquiry.replacingOccurrences(
            of: "Subject: Hyra till studentfest", with: "Subject: Re: Hyra till studentfest"
        )
        .replacingOccurrences(
            of: "Message-ID: <inbox-test-1@example.com>",
            with: "Message-ID: <inbox-test-2@example.com>\nIn-Reply-To: <inbox-test-1@example.com>")
        let second = try demo.eventgaraget(["ingest-email", "--file", try Self.write(answer)])
        #expect(second.output.contains("(reply) in conversation \(conversation)."), "\(second.output)")
    }

    /// A quotation's number in the subject threads a customer's message to it; from anyone else it
    /// starts a conversation of their own, linked to nobody else's records. An unreachable database
    /// is a temporary failure for the MTA (75), not a bounce to the customer.
    @Test func aNumberInTheSubjectThreadsOnlyFromItsOwnCustomer() throws {
        let demo = try InvoicingTests.Demo("inbox_subject")
        let row = try demo.sql(
            """
            SELECT q.id || ' ' || q.number || ' ' || c.email FROM quotations q JOIN customers c ON c.id = q.customer_id
             WHERE c.email IS NOT NULL AND NOT EXISTS (SELECT FROM conversations v WHERE v.quotation_id = q.id)
             ORDER BY q.id LIMIT 1
            """
        ).split(separator: " ").map(String.init)
        let (quotation, number, owner) = (row[0], row[1], row[2])
        func message(from: String, id: String) -> String {
            """
            From: \(from)
            To: info@eventgaraget.se
            Subject: Fråga om offert \(number)
            Date: Mon, 07 Dec 2026 11:00:00 +0100
            Message-ID: <\(id)@example.com>
            Content-Type: text/plain; charset=utf-8

            Hej! Kan ni skicka offerten igen?
            """
        }
        _ = try demo.eventgaraget([
            "ingest-email", "--file", try Self.write(message(from: "stranger@example.com", id: "s1")),
        ])
        #expect(
            try demo.sql(
                "SELECT coalesce(c.quotation_id::text, '-') || ' ' || coalesce(c.customer_id::text, '-') FROM conversations c JOIN mail_messages m ON m.conversation_id = c.id WHERE m.message_id = 's1@example.com'"
            ) == "- -")
        _ = try demo.eventgaraget(["ingest-email", "--file", try Self.write(message(from: owner, id: "o1"))])
        #expect(
            try demo.sql(
                "SELECT c.quotation_id FROM conversations c JOIN mail_messages m ON m.conversation_id = c.id WHERE m.message_id = 'o1@example.com'"
            ) == quotation)

        var down = demo.env
        down["DATABASE_URL"] = "postgresql:///nowhere?host=/nonexistent"
        let failed = try run(
            productBinary, ["ingest-email", "--file", try Self.write(Self.inquiry)], environment: down)
        #expect(failed.status == 75, "\(failed.errorOutput)")
        #expect(failed.errorOutput.contains("try again later"))
    }

    @Test func theDryRunPrintsTheDocumentedJSONAndStoresNothing() throws {
        let demo = try InvoicingTests.Demo("inbox_dry_run")
        let before = try demo.sql("SELECT count(*) FROM mail_messages")
        let result = try demo.eventgaraget([
            "ingest-email", "--dry-run", "--json", "--file", try Self.write(Self.inquiry),
        ])
        #expect(result.status == 0, "\(result.errorOutput)")
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        for key in ["kind", "language", "customer", "period", "guests", "deliveryAddress", "lines", "confidence"] {
            #expect(object.keys.contains(key), "missing \(key)")
        }
        #expect(object["kind"] as? String == "inquiry" && object["language"] as? String == "sv")
        let customer = try #require(object["customer"] as? [String: Any])
        #expect(customer["email"] as? String == "karl.svensson@example.com")
        #expect(customer["phone"] as? String == "070-111 22 33")
        #expect(customer.keys.contains("organisationNumber") && customer["organisationNumber"] is NSNull)
        let period = try #require(object["period"] as? [String: String])
        // A single day: delivery that day, pickup the next working day (Monday 14 June 2027).
        #expect(period == ["start": "2027-06-12", "end": "2027-06-14"])
        let address = try #require(object["deliveryAddress"] as? [String: String?])
        #expect(address["postalCode"] == "411 38" && address["city"] == "Göteborg")
        let lines = try #require(object["lines"] as? [[String: Any]])
        let skus = lines.compactMap { $0["sku"] as? String }
        // The smallest tent that seats 80, and a chair for each guest.
        #expect(skus.contains("TALT-9x18"), "\(lines)")
        #expect(lines.contains { $0["sku"] as? String == "STOL-VIT" && $0["quantity"] as? Int == 80 }, "\(lines)")
        #expect(try demo.sql("SELECT count(*) FROM mail_messages") == before)
    }

    /// Every corpus message through the real binary: the fields right, against the expected JSON
    /// beside it, and no crash on the malformed ones.
    @Test func theCorpusIsReadRightAtLeastNineTimesInTen() throws {
        let demo = try InvoicingTests.Demo("inbox_corpus")
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.corpus).filter { $0.hasSuffix(".eml") }
            .sorted()
        #expect(files.count >= 40, "the corpus has \(files.count) messages")
        var grade = CorpusGrade()
        for file in files {
            let expectedPath = Self.corpus + "/" + file.dropLast(4) + ".json"
            let expected = try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: expectedPath)))
                    as? [String: Any])
            let result = try demo.eventgaraget([
                "ingest-email", "--dry-run", "--json", "--file", Self.corpus + "/" + file,
            ])
            #expect(result.status == 0, "\(file): \(result.errorOutput)")
            let actual = (try? JSONSerialization.jsonObject(with: result.stdout) as? [String: Any]) ?? [:]
            grade.add(file, expected: expected, actual: actual)
        }
        print(grade.report)
        #expect(grade.accuracy >= 0.9, "\(grade.report)")
        let malformed = Self.corpus + "/malformed"
        for file in try FileManager.default.contentsOfDirectory(atPath: malformed).sorted() {
            let result = try demo.eventgaraget(["ingest-email", "--file", malformed + "/" + file])
            if try Data(contentsOf: URL(fileURLWithPath: malformed + "/" + file)).isEmpty {
                // Nothing at all is not a message: refused with the reason, for the MTA to return.
                #expect(result.status == 1 && result.errorOutput.contains("the input is empty"), "\(file)")
                continue
            }
            #expect(result.status == 0, "\(file): \(result.output)\(result.errorOutput)")
            #expect(result.output.contains("Stored message") || result.output.contains("Already stored"), "\(file)")
        }
        // Nothing half-written: every malformed message is stored with its raw bytes' hash.
        #expect(try demo.sql("SELECT count(*) FROM mail_messages WHERE direction = 'in' AND raw_sha256 IS NULL") == "0")
    }

    @Test func aDeliveryReportMarksTheSentEmailBounced() throws {
        let demo = try InvoicingTests.Demo("inbox_bounce")
        // A sent email as the worker records it (its Message-ID in the `email.sent` event).
        let quotation = try demo.sql("SELECT id FROM quotations ORDER BY id LIMIT 1")
        _ = try demo.sql(
            """
            SELECT emit_event('email.sent', 'quotation', \(quotation), 'worker', NULL,
                              '{"to": "nobody@example.se", "subject": "Offert", "message_id": "job42.abc@eventgaraget.se", "job_kind": "email.signing_link"}'::jsonb)
            """)
        let report = """
            From: Mail Delivery System <MAILER-DAEMON@mx.example.se>
            To: info@eventgaraget.se
            Subject: Undelivered Mail Returned to Sender
            Date: Mon, 07 Dec 2026 10:00:00 +0100
            Message-ID: <bounce-1@mx.example.se>
            Auto-Submitted: auto-replied
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

            --b1
            Content-Type: text/plain

            Your message could not be delivered.
            --b1
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.example.se

            Final-Recipient: rfc822; nobody@example.se
            Action: failed
            Status: 5.1.1
            Diagnostic-Code: smtp; 550 5.1.1 <nobody@example.se>: Recipient address rejected: User unknown

            --b1
            Content-Type: text/rfc822-headers

            From: info@eventgaraget.se
            To: nobody@example.se
            Subject: Offert
            Message-ID: <job42.abc@eventgaraget.se>

            --b1--
            """
        let result = try demo.eventgaraget(["ingest-email", "--file", try Self.write(report)])
        #expect(result.output.contains("(bounce) in no conversation"), "\(result.output)\(result.errorOutput)")
        #expect(
            try demo.sql(
                "SELECT entity_type || ':' || entity_id || ':' || (payload->'details'->>'error') FROM events WHERE type = 'email.bounced'"
            )
                == "quotation:\(quotation):5.1.1 smtp; 550 5.1.1 <nobody@example.se>: Recipient address rejected: User unknown"
        )
    }

    /// "New inquiry → acknowledge": the built-in trigger, once turned on, answers the sender of a
    /// new inquiry (and not of a reply or an auto-reply).
    @Test func theAcknowledgementTriggerAnswersANewInquirysSender() throws {
        let demo = try InvoicingTests.Demo("inbox_acknowledge")
        _ = try demo.sql("UPDATE triggers SET active = true WHERE builtin = 'inquiry_acknowledgement'")
        #expect(try demo.eventgaraget(["ingest-email", "--file", try Self.write(Self.inquiry)]).status == 0)
        let mail = demo.env["EG_MAIL_DIR"] ?? ""
        try? FileManager.default.removeItem(atPath: mail)  // left by an earlier run
        let worker = try WorkerProcess(environment: demo.env)
        try waitUntil(timeout: 90) {
            (try? demo.sql(
                "SELECT count(*) FROM trigger_runs r JOIN triggers t ON t.id = r.trigger_id WHERE t.builtin = 'inquiry_acknowledgement' AND r.status = 'succeeded'"
            )) == "1"
        }
        #expect(worker.stop() == 0)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: mail + "/new")) ?? []
        let messages = files.compactMap { try? String(contentsOfFile: mail + "/new/" + $0, encoding: .utf8) }
        let thanks = messages.filter { $0.contains("karl.svensson@example.com") }
        #expect(thanks.count == 1, "\(messages.count) messages")
        #expect(
            try demo.sql(
                "SELECT r.steps::text FROM trigger_runs r JOIN triggers t ON t.id = r.trigger_id WHERE t.builtin = 'inquiry_acknowledgement'"
            ).contains("karl.svensson@example.com: Tack för din förfrågan: Hyra till studentfest"))
    }

    /// The worker polls a real dovecot over TLS: each message stored once and moved; a restart
    /// (a second worker) finds nothing new; a message delivered later arrives on the next poll.
    @Test(.enabled(if: IMAPTestServer.isAvailable, "dovecot-imapd is not installed"))
    func theWorkerPollsTheMailboxWithoutDuplicates() throws {
        let server = try IMAPTestServer()
        defer { server.stop() }
        try server.createFolder("Processed")
        let secret = server.password.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let url =
            "imaps://\(server.user):\(secret)@localhost:\(server.port)/INBOX?move=Processed&cafile=\(server.certificatePath)"
        let first = Data(Self.inquiry.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        _ = try server.deliver([UInt8](first))
        let demo = try InvoicingTests.Demo("inbox_imap")
        var env = demo.env
        env["EG_IMAP_URL"] = url
        env["EG_IMAP_INTERVAL"] = "5"
        #expect(
            try run(productBinary, ["check-config"], environment: env).output.contains(
                "EG_IMAP_URL=imaps://bokning:*****@"))
        let worker = try WorkerProcess(environment: env)
        try waitUntil(timeout: 60) {
            (try? demo.sql("SELECT count(*) FROM mail_messages WHERE source = 'imap'")) == "1"
        }
        // Moved: in Processed, and (once dovecot has expunged the original) out of INBOX.
        try waitUntil(timeout: 30) {
            ((try? server.messages(in: "Processed")) ?? []).count == 1 && (try? server.messages())?.isEmpty == true
        }
        let later = Self.inquiry.replacingOccurrences(of: "inbox-test-1@", with: "inbox-test-9@")
            .replacingOccurrences(of: "\n", with: "\r\n")
        _ = try server.deliver(Array(later.utf8))
        try waitUntil(timeout: 60) {
            (try? demo.sql("SELECT count(*) FROM mail_messages WHERE source = 'imap'")) == "2"
        }
        #expect(worker.stop() == 0)
        // The same message again (a crash before it was moved): stored once.
        _ = try server.deliver([UInt8](first))
        let pass = try run(productBinary, ["inbox", "poll"], environment: env)
        #expect(pass.output.contains("Stored 0 new message(s); 1 already stored."), "\(pass.output)\(pass.errorOutput)")
        #expect(try demo.sql("SELECT count(*) FROM mail_messages WHERE message_id = 'inbox-test-1@example.com'") == "1")
    }

    /// With a language model configured (a local server speaking the same API), its answer is
    /// checked and merged: a phone number only it found is taken, an unknown SKU and a negative
    /// quantity are dropped; when it fails, the rules answer alone.
    @Test func theLanguageModelsAnswerIsCheckedAndMerged() throws {
        let model = try ChatCompletionTestServer()
        defer { model.stop() }
        let demo = try InvoicingTests.Demo("inbox_model")
        var env = demo.env
        env["EG_LLM_URL"] = model.url
        env["EG_LLM_MODEL"] = "test-model"
        env["EG_LLM_KEY"] = model.apiKey
        env["EG_LLM_TIMEOUT"] = "3"
        let message = Self.inquiry.replacingOccurrences(of: "070-111 22 33", with: "")
        let path = try Self.write(message)
        try model.answer(
            content: """
                {"kind": "inquiry", "language": "sv",
                 "customer": {"name": "Karl Svensson", "email": "karl.svensson@example.com", "phone": "0701112233", "company": null, "organisationNumber": null},
                 "period": {"start": "2027-06-12", "end": "2027-06-14"}, "guests": 80,
                 "deliveryAddress": {"line1": "Storgatan 5", "postalCode": "411 38", "city": "Göteborg"},
                 "lines": [{"sku": "NO-SUCH-SKU", "addonId": null, "name": "x", "quantity": 3, "confidence": 1},
                           {"sku": "BORD-180", "addonId": null, "name": "Långbord", "quantity": -2, "confidence": 1}],
                 "confidence": {}}
                """)
        let result = try run(productBinary, ["ingest-email", "--dry-run", "--json", "--file", path], environment: env)
        #expect(result.status == 0, "\(result.errorOutput)")
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        let customer = try #require(object["customer"] as? [String: Any])
        #expect(customer["phone"] as? String == "0701112233", "\(object)")
        let skus = (object["lines"] as? [[String: Any]] ?? []).compactMap { $0["sku"] as? String }
        #expect(!skus.contains("NO-SUCH-SKU") && !skus.contains("BORD-180"), "\(skus)")
        // The request: the model, temperature 0, the strict schema, and the message's text.
        let request = try #require(model.requests().last)
        let body = try #require(try JSONSerialization.jsonObject(with: request) as? [String: Any])
        #expect(body["model"] as? String == "test-model" && body["temperature"] as? Double == 0)
        let format = body["response_format"] as? [String: Any]
        #expect((format?["json_schema"] as? [String: Any])?["strict"] as? Bool == true)
        // A model that takes too long: the rules answer alone, in time.
        try model.answer(content: "{}", delaySeconds: 10)
        let started = Date()
        let slow = try run(productBinary, ["ingest-email", "--dry-run", "--json", "--file", path], environment: env)
        #expect(slow.status == 0 && Date().timeIntervalSince(started) < 9)
        let alone = try #require(try JSONSerialization.jsonObject(with: slow.stdout) as? [String: Any])
        #expect((alone["customer"] as? [String: Any])?["phone"] is NSNull)
        #expect((alone["guests"] as? Int) == 80)
        // No customer text in the logs.
        #expect(!slow.errorOutput.contains("Storgatan") && !result.errorOutput.contains("Storgatan"))
    }

    @Test func aManagerAcceptsTheProposalAndTheReplyKeepsTheThread() throws {
        let smtp = try SMTPTestServer()
        defer { smtp.stop() }
        let stack = try ProductStack(environment: ["EG_SMTP_URL": "smtp://127.0.0.1:\(smtp.port)?tls=none"])
        defer { stack.shutdown() }
        #expect(try stack.eventgaraget(["seed-demo"]).status == 0)
        let database = databaseName(fromURL: stack.databaseURL)
        func sql(_ text: String) throws -> String {
            try stack.postgres.psql(text, database: database).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let piped = try stack.eventgaraget(["ingest-email", "--file", try Self.write(Self.inquiry)])
        #expect(piped.status == 0, "\(piped.output)")
        let browser = try run(
            "/usr/bin/python3",
            [
                repositoryRoot + "/Tests/IntegrationTests/Browser/inbox_accept.py", stack.client.baseURL,
                "maria@eventgaraget.se", "eventgaraget-demo", "Hyra till studentfest",
            ])
        #expect(browser.status == 0, "\(browser.output)\n\(browser.errorOutput)")
        #expect(browser.output.contains("the conversation links the draft"), "\(browser.output)")
        // The draft: the customer made from the sender, the corrected quantity, the address.
        let draft = try sql(
            """
            SELECT q.state || '|' || cu.name || '|' || cu.email || '|' || q.delivery_city || '|' ||
                   (SELECT string_agg(l.quantity::text, ',' ORDER BY l.position) FROM quotation_lines l WHERE l.quotation_id = q.id)
              FROM mail_messages m JOIN quotations q ON q.id = m.quotation_id JOIN customers cu ON cu.id = q.customer_id
             WHERE m.message_id = 'inbox-test-1@example.com'
            """)
        #expect(draft.hasPrefix("draft|Karl Svensson|karl.svensson@example.com|Göteborg|2"), "\(draft)")

        let worker = try WorkerProcess(environment: stack.environment)
        let delivered =
            (try? waitUntil(timeout: 120) {
                smtp.messages().contains { $0.recipients == ["karl.svensson@example.com"] }
            }) != nil
        #expect(worker.stop() == 0)
        let job = try sql(
            "SELECT state || ' ' || attempts || ' ' || coalesce(last_error, '') FROM jobs WHERE kind = 'email.conversation_reply' ORDER BY id DESC LIMIT 1"
        )
        let queued = try sql("SELECT count(*) FROM jobs WHERE state = 'queued'")
        #expect(delivered, "the reply's job: \(job); jobs still queued: \(queued)")
        let sent = try #require(smtp.messages().first { $0.recipients == ["karl.svensson@example.com"] })
        let text = String(decoding: sent.data, as: UTF8.self)
        #expect(text.contains("In-Reply-To: <inbox-test-1@example.com>"), "\(text)")
        #expect(text.contains("References: <inbox-test-1@example.com>"))
        #expect(text.contains("Subject: Re: Hyra till studentfest"))
        #expect(text.contains("Thank you! Our quotation follows shortly."))
        #expect(
            try sql(
                "SELECT state FROM conversations c JOIN mail_messages m ON m.conversation_id = c.id WHERE m.message_id = 'inbox-test-1@example.com'"
            ) == "waiting")
        // The customer's answer to our reply threads by the Message-ID the worker recorded.
        let ours = try sql(
            "SELECT message_id FROM mail_messages WHERE direction = 'out' AND delivery = 'sent' ORDER BY id DESC LIMIT 1"
        )
        #expect(text.contains("Message-ID: <\(ours)>"))
        let answer = """
            From: Karl Svensson <karl.svensson@example.com>
            To: info@eventgaraget.se
            Subject: SV: Re: Hyra till studentfest
            Date: Tue, 08 Dec 2026 08:00:00 +0100
            Message-ID: <inbox-test-3@example.com>
            In-Reply-To: <\(ours)>
            Content-Type: text/plain; charset=utf-8

            Perfekt, tack!
            """
        let stored = try stack.eventgaraget(["ingest-email", "--file", try Self.write(answer)])
        #expect(stored.output.contains("(reply)"), "\(stored.output)")
        #expect(
            try sql(
                "SELECT count(DISTINCT conversation_id) || ' ' || min(c.state) FROM mail_messages m JOIN conversations c ON c.id = m.conversation_id WHERE m.message_id IN ('inbox-test-1@example.com', 'inbox-test-3@example.com')"
            ) == "1 open")
    }
}

/// Field accuracy over the corpus: contact (name, email, phone, company, organisation number),
/// period, guests, delivery address, and each expected line with its quantity (a line found that
/// was not expected counts as a wrong field too).
struct CorpusGrade {
    var right: [String: Int] = [:]
    var total: [String: Int] = [:]
    var misses: [String] = []

    mutating func add(_ file: String, expected: [String: Any], actual: [String: Any]) {
        func score(_ field: String, _ ok: Bool, _ detail: @autoclosure () -> String) {
            total[field, default: 0] += 1
            if ok { right[field, default: 0] += 1 } else { misses.append("\(file) \(field): \(detail())") }
        }
        let expectedCustomer = expected["customer"] as? [String: Any] ?? [:]
        let actualCustomer = actual["customer"] as? [String: Any] ?? [:]
        for key in ["name", "email", "phone", "company", "organisationNumber"] where expectedCustomer.keys.contains(key)
        {
            let want = Self.text(expectedCustomer[key])
            let got = Self.text(actualCustomer[key])
            score(key, want == got, "\(want ?? "null") ≠ \(got ?? "null")")
        }
        if expected.keys.contains("period") {
            let want = expected["period"] as? [String: String]
            let got = actual["period"] as? [String: String]
            score(
                "period", want == got,
                "\(want.map(String.init(describing:)) ?? "null") ≠ \(got.map(String.init(describing:)) ?? "null")")
        }
        if expected.keys.contains("guests") {
            let want = expected["guests"] as? Int
            let got = actual["guests"] as? Int
            score("guests", want == got, "\(want.map(String.init) ?? "null") ≠ \(got.map(String.init) ?? "null")")
        }
        if expected.keys.contains("deliveryAddress") {
            let want = (expected["deliveryAddress"] as? [String: Any]).map(Self.address)
            let got = (actual["deliveryAddress"] as? [String: Any]).map(Self.address)
            score("deliveryAddress", want == got, "\(want ?? "null") ≠ \(got ?? "null")")
        }
        if let wanted = expected["lines"] as? [[String: Any]] {
            var found = (actual["lines"] as? [[String: Any]] ?? []).map(Self.line)
            for line in wanted.map(Self.line) {
                if let index = found.firstIndex(of: line) {
                    found.remove(at: index)
                    score("lines", true, "")
                } else {
                    score("lines", false, "missing \(line)")
                }
            }
            for extra in found { score("lines", false, "unexpected \(extra)") }
        }
    }

    static func text(_ value: Any?) -> String? {
        guard let string = value as? String else { return nil }
        let folded = string.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return folded.isEmpty ? nil : folded
    }

    static func address(_ value: [String: Any]) -> String {
        ["line1", "postalCode", "city"].map {
            text(value[$0])?.lowercased().replacingOccurrences(of: " ", with: "") ?? ""
        }
        .joined(separator: "|")
    }

    static func line(_ value: [String: Any]) -> String {
        let what = (value["sku"] as? String) ?? (value["addonId"] as? Int).map { "addon \($0)" } ?? "?"
        return "\(what) × \(value["quantity"] as? Int ?? 0)"
    }

    var accuracy: Double {
        let all = total.values.reduce(0, +)
        return all == 0 ? 0 : Double(right.values.reduce(0, +)) / Double(all)
    }

    var report: String {
        var lines = [
            "Inbox corpus: \(right.values.reduce(0, +)) of \(total.values.reduce(0, +)) fields right (\(Int((accuracy * 1000).rounded()) / 10) %)"
        ]
        for field in total.keys.sorted() {
            lines.append("  \(field): \(right[field] ?? 0)/\(total[field] ?? 0)")
        }
        lines += misses.prefix(60).map { "  miss: \($0)" }
        return lines.joined(separator: "\n")
    }
}

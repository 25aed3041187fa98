import Domain
import Foundation
import TestSupport
import Testing

/// The customer portal in process on the demo data: signing in through the link the emailed job
/// carries, the link's and the session's limits, the request limits, the gate (staff and customer
/// sessions are not interchangeable; CSRF and Origin), and a walk over every portal route with two
/// customers' sessions proving that neither sees the other's records.
@Suite("Customer portal", .serialized)
struct PortalTests {
    let session: AdminSession
    var stack: InProcessApp { session.stack }

    init() throws { session = try AdminSession() }

    func sql(_ statement: String) throws -> String { try session.sql(statement) }

    /// The token of the newest sign-in email queued for `email`, read from the job's payload.
    func queuedToken(for email: String) throws -> String {
        try sql(
            """
            SELECT j.payload->>'token' FROM jobs j JOIN portal_links l ON l.id = (j.payload->>'portal_link_id')::bigint
             WHERE j.kind = 'email.portal_link' AND l.email = '\(email)' ORDER BY j.id DESC LIMIT 1
            """)
    }

    func portalJobs(for email: String) throws -> Int {
        Int(
            try sql(
                """
                SELECT count(*) FROM jobs j JOIN portal_links l ON l.id = (j.payload->>'portal_link_id')::bigint
                 WHERE j.kind = 'email.portal_link' AND l.email = '\(email)'
                """)) ?? -1
    }

    /// Asks for a link as a visitor would; returns the answer to the POST.
    @discardableResult
    func requestLink(_ browser: StaffBrowser, email: String) throws -> HTTPResult {
        let form = try browser.get("/portal")
        #expect(form.status == 200)
        return try browser.post("/portal", [("email", email)])
    }

    /// A browser signed in to the portal as `email`, through the link its email job carries.
    func customerBrowser(_ email: String) throws -> StaffBrowser {
        let browser = StaffBrowser(client: stack.client)
        let asked = try requestLink(browser, email: email)
        #expect(asked.status == 200)
        let token = try queuedToken(for: email)
        #expect(token.count == 43)
        let page = try browser.get("/portal/login/\(token)")
        #expect(page.status == 200)
        let signedIn = try browser.post("/portal/login/\(token)")
        #expect(signedIn.status == 303 && signedIn.header("location") == "/portal/home")
        return browser
    }

    /// A published form for the customer (a delivery window to choose, a site contact shown only for
    /// "morgon", a venue map to upload) and an open task with it given to the customer with `email`;
    /// returns the task's id.
    func customerTask(for email: String, title: String = "Leveranstid och platskarta") throws -> String {
        let definition =
            #"{"sections": [{"title": "Leverans", "fields": [{"key": "fonster", "label": "Leveransfönster", "kind": "choice", "required": true, "options": ["morgon", "eftermiddag"]}, {"key": "kontakt", "label": "Kontakt på plats", "kind": "text", "required": true, "visible_when": {"field": "fonster", "equals": "morgon"}}, {"key": "karta", "label": "Platskarta", "kind": "file", "required": true}]}]}"#
        let form =
            try sql(
                "SELECT id FROM forms WHERE name = 'Portalformulär'"
            ).isEmpty
            ? try sql(
                "WITH f AS (INSERT INTO forms (name, draft, for_customer) VALUES ('Portalformulär', '\(definition)', true) RETURNING id) INSERT INTO form_versions (form_id, version, name, definition) SELECT id, 1, 'Portalformulär', '\(definition)' FROM f RETURNING form_id"
            ).split(separator: "\n").first.map(String.init) ?? ""
            : try sql("SELECT id FROM forms WHERE name = 'Portalformulär'")
        return try sql(
            """
            INSERT INTO tasks (form_version_id, title, assignee_kind, assignee_customer_id, customer_id, booking_id, due_on)
            SELECT v.id, '\(title)', 'customer', c.id, c.id,
                   (SELECT b.id FROM bookings b WHERE b.customer_id = c.id ORDER BY b.id LIMIT 1), current_date + 7
              FROM form_versions v, customers c WHERE v.form_id = \(form) AND c.email = '\(email)'
            RETURNING id
            """
        ).split(separator: "\n").first.map(String.init) ?? ""
    }

    /// Two demo customers with email: one with an issued invoice, and Åsa Öberg (a conversation).
    func twoCustomers() throws -> (a: String, b: String) {
        let b = "asa.oberg@example.se"
        let a = try sql(
            """
            SELECT c.email FROM invoices i JOIN customers c ON c.id = i.customer_id
             WHERE i.state = 'issued' AND c.email IS NOT NULL AND c.email <> '\(b)' AND c.archived_at IS NULL
             ORDER BY i.id LIMIT 1
            """)
        try #require(!a.isEmpty)
        return (a, b)
    }

    @Test func signingInThroughTheEmailedLinkShowsTheCustomersOwnRecords() throws {
        let (email, _) = try twoCustomers()
        let browser = try customerBrowser(email)
        let home = try browser.get("/portal/home")
        #expect(home.status == 200)
        let invoice = try sql(
            "SELECT i.number FROM invoices i JOIN customers c ON c.id = i.customer_id WHERE c.email = '\(email)' AND i.state = 'issued' ORDER BY i.id LIMIT 1"
        )
        #expect(home.text.contains(invoice))
        let invoiceID = try sql("SELECT id FROM invoices WHERE number = '\(invoice)'")
        let pdf = try browser.get("/portal/invoices/\(invoiceID)/pdf")
        #expect(pdf.status == 200 && pdf.header("content-type") == "application/pdf")
        #expect(pdf.body.starts(with: Data("%PDF".utf8)))

        // Only the token's SHA-256 is stored; the link was used once.
        let token = try queuedToken(for: email)
        #expect(
            try sql(
                "SELECT count(*) FROM portal_links WHERE token_hash = sha256('\(token)'::bytea) AND used_at IS NOT NULL"
            ) == "1")
        #expect(
            try sql(
                "SELECT count(*) FROM portal_sessions s JOIN customers c ON c.id = s.customer_id WHERE c.email = '\(email)'"
            ) == "1")

        // The worker sends a new link's email, then scrubs the token from the job; the link in
        // the Maildir signs in.
        let visitor = StaffBrowser(client: stack.client)
        try requestLink(visitor, email: email)
        let mail = stack.directory + "/mail"
        var env = stack.environment
        env["EG_MAIL_DIR"] = mail
        // The demo's own jobs (sealing forty agreements) wait until tomorrow; this test is about one email.
        _ = try sql(
            "UPDATE jobs SET run_at = now() + interval '1 day' WHERE state = 'queued' AND kind <> 'email.portal_link'")
        let worker = try WorkerProcess(environment: env)
        try waitUntil(timeout: 60) {
            (try? sql("SELECT count(*) FROM jobs WHERE kind = 'email.portal_link' AND state = 'done'")) == "2"
        }
        worker.stop()
        #expect(try sql("SELECT count(*) FROM jobs WHERE kind = 'email.portal_link' AND payload ? 'token'") == "0")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: mail + "/new")) ?? []
        // Quoted-printable: soft line breaks joined again (the token's characters need no escape).
        let texts = try files.map {
            try String(contentsOfFile: mail + "/new/" + $0, encoding: .utf8)
                .replacingOccurrences(of: "=\r\n", with: "").replacingOccurrences(of: "=\n", with: "")
        }
        #expect(texts.count == 1, "the used link's email is not sent")
        let message = try #require(texts.first { $0.contains("/portal/login/") })
        let start = try #require(message.range(of: "/portal/login/"))
        let mailed = String(
            message[start.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        #expect(mailed.count == 43)
        #expect(try visitor.get("/portal/login/\(mailed)").status == 200)
        #expect(try visitor.post("/portal/login/\(mailed)").status == 303)
        #expect(try visitor.get("/portal/home").text.contains(invoice))
    }

    @Test func theLinkWorksOnceAndNotAfterFifteenMinutes() throws {
        let (email, _) = try twoCustomers()
        let first = StaffBrowser(client: stack.client)
        try requestLink(first, email: email)
        let token = try queuedToken(for: email)
        // Fetching the link (a mail scanner) does not use it.
        #expect(try first.get("/portal/login/\(token)").status == 200)
        #expect(try first.get("/portal/login/\(token)").status == 200)
        #expect(try first.post("/portal/login/\(token)").status == 303)
        // Used: a second press finds nothing and starts no second session.
        let again = try first.post("/portal/login/\(token)")
        #expect(again.status == 404)
        #expect(try sql("SELECT count(*) FROM portal_sessions") == "1")
        #expect(try StaffBrowser(client: stack.client).get("/portal/login/\(token)").status == 404)

        // A link past its fifteen minutes does not work either.
        let third = StaffBrowser(client: stack.client)
        try requestLink(third, email: email)
        let late = try queuedToken(for: email)
        #expect(
            try sql(
                "SELECT round(extract(epoch FROM expires_at - created_at)) FROM portal_links WHERE token_hash = sha256('\(late)'::bytea)"
            ) == "900")
        _ = try sql(
            "UPDATE portal_links SET created_at = now() - interval '16 minutes', expires_at = now() - interval '1 minute' WHERE token_hash = sha256('\(late)'::bytea)"
        )
        #expect(try third.get("/portal/login/\(late)").status == 404)
        #expect(try third.post("/portal/login/\(late)").status == 404)
        #expect(try third.get("/portal/home").status == 303)
    }

    @Test func unknownAddressesGetTheSameAnswerAndNoEmail() throws {
        let (email, _) = try twoCustomers()
        let known = try requestLink(StaffBrowser(client: stack.client), email: email)
        let unknown = try requestLink(StaffBrowser(client: stack.client), email: "nobody-here@example.se")
        _ = try sql("UPDATE customers SET archived_at = now() WHERE email = 'asa.oberg@example.se'")
        let archived = try requestLink(StaffBrowser(client: stack.client), email: "asa.oberg@example.se")
        #expect(known.status == 200 && unknown.status == 200 && archived.status == 200)
        #expect(known.body == unknown.body && unknown.body == archived.body)
        #expect(try portalJobs(for: email) == 1)
        #expect(try portalJobs(for: "nobody-here@example.se") == 0)
        #expect(try portalJobs(for: "asa.oberg@example.se") == 0)
        #expect(!stack.readResponderLog().contains("nobody-here"))
    }

    @Test func requestsAreLimitedPerAddressAndPerClient() throws {
        let (email, other) = try twoCustomers()
        var answers: [Data] = []
        for _ in 0..<7 { answers.append(try requestLink(StaffBrowser(client: stack.client), email: email).body) }
        #expect(Set(answers).count == 1)
        #expect(try portalJobs(for: email) == 5)

        // From one client, guessing addresses uses up its allowance for known ones too.
        stack.client.clientAddress = "198.51.100.7"
        defer { stack.client.clientAddress = "127.0.0.1" }
        for n in 0..<20 { try requestLink(StaffBrowser(client: stack.client), email: "guess\(n)@example.se") }
        try requestLink(StaffBrowser(client: stack.client), email: other)
        #expect(try portalJobs(for: other) == 0)
        stack.client.clientAddress = "198.51.100.8"
        try requestLink(StaffBrowser(client: stack.client), email: other)
        #expect(try portalJobs(for: other) == 1)
    }

    @Test func staffAndCustomerSessionsDoNotOpenEachOthersPages() throws {
        let (email, _) = try twoCustomers()
        // The signed-in admin is not signed in to the portal.
        let staffTry = try session.admin.get("/portal/home")
        #expect(staffTry.status == 303 && staffTry.header("location") == "/portal")
        let staffToken = try #require(session.admin.cookies["__Host-eg_session"])
        let forged = StaffBrowser(client: stack.client)
        forged.setCookie("__Host-eg_portal", staffToken)
        #expect(try forged.get("/portal/home").status == 303)

        // A customer is not signed in to the staff pages, with either cookie name.
        let customer = try customerBrowser(email)
        let portalToken = try #require(customer.cookies["__Host-eg_portal"])
        let admin = try customer.get("/admin")
        #expect(admin.status != 200)
        let asStaff = StaffBrowser(client: stack.client)
        asStaff.setCookie("__Host-eg_session", portalToken)
        let dashboard = try asStaff.get("/admin")
        #expect(dashboard.status != 200 && dashboard.header("location")?.hasPrefix("/admin/login") == true)
    }

    @Test func changesNeedTheTokenAndOurOrigin() throws {
        let (email, other) = try twoCustomers()
        let browser = try customerBrowser(other)
        let conversation = try sql(
            "SELECT c.id FROM conversations c JOIN customers cu ON cu.id = c.customer_id WHERE cu.email = '\(other)' ORDER BY c.id LIMIT 1"
        )
        try #require(!conversation.isEmpty)
        _ = try browser.get("/portal/conversations/\(conversation)")
        let count = "SELECT count(*) FROM mail_messages WHERE source = 'portal'"
        #expect(try browser.post("/portal/conversations/\(conversation)", [("text", "Hej")], csrf: false).status == 403)
        #expect(
            try browser.post("/portal/conversations/\(conversation)", [("text", "Hej")], origin: "https://evil.example")
                .status == 403)
        #expect(
            try browser.post("/portal/conversations/\(conversation)", [("text", "Hej")], origin: .some(nil)).status
                == 403)
        #expect(try sql(count) == "0")
        // The visitor forms too: asking for a link from another site sends nothing.
        let visitor = StaffBrowser(client: stack.client)
        _ = try visitor.get("/portal")
        #expect(try visitor.post("/portal", [("email", email)], origin: "https://evil.example").status == 403)
        #expect(try visitor.post("/portal", [("email", email)], csrf: false).status == 403)
        #expect(try portalJobs(for: email) == 0)

        // With both, the message is stored as the customer's reply and the conversation opens again.
        _ = try sql("UPDATE conversations SET state = 'waiting' WHERE id = \(conversation)")
        let sent = try browser.post("/portal/conversations/\(conversation)", [("text", "Tack, det låter bra!")])
        #expect(sent.status == 303)
        #expect(
            try sql("SELECT kind || ' ' || direction || ' ' || new_text FROM mail_messages WHERE source = 'portal'")
                == "reply in Tack, det låter bra!")
        #expect(try sql("SELECT state FROM conversations WHERE id = \(conversation)") == "open")
        #expect(
            try sql(
                "SELECT count(*) FROM events WHERE type = 'conversation.message_received' AND entity_id = \(conversation)"
            ) != "0")
        #expect(try browser.follow(sent).text.contains("Tack, det låter bra!"))
    }

    /// The customer sees what passed between them and the company: their own messages and our
    /// replies, never a staff member's forward, a third party's message or an auto-reply.
    @Test func aConversationShowsOnlyWhatPassedBetweenTheCustomerAndUs() throws {
        let (_, other) = try twoCustomers()
        let browser = try customerBrowser(other)
        let conversation = try sql(
            "SELECT c.id FROM conversations c JOIN customers cu ON cu.id = c.customer_id WHERE cu.email = '\(other)' ORDER BY c.id LIMIT 1"
        )
        try #require(!conversation.isEmpty)
        func add(from: String, kind: String, text: String) throws {
            _ = try sql(
                """
                INSERT INTO mail_messages (conversation_id, direction, kind, from_address, source, new_text, text_body,
                                           raw_sha256, raw_size)
                VALUES (\(conversation), 'in', '\(kind)', '\(from)', 'pipe', '\(text)', '\(text)', md5('\(text)'), 1)
                """)
        }
        try add(from: "maria@eventgaraget.se", kind: "other", text: "Internt: kolla priset med lagret")
        try add(from: "granne@example.com", kind: "reply", text: "Jag är grannen och undrar")
        try add(from: other, kind: "auto-reply", text: "Jag är på semester")
        try add(from: other.uppercased(), kind: "reply", text: "Min egen fråga om tältet")
        let page = try browser.get("/portal/conversations/\(conversation)")
        #expect(page.status == 200)
        #expect(page.text.contains("Min egen fråga om tältet"))
        #expect(!page.text.contains("Internt") && !page.text.contains("grannen") && !page.text.contains("semester"))
    }

    @Test func sessionsEndWhenIdleAtTheirLimitAndAtSignOut() throws {
        let (email, _) = try twoCustomers()
        let browser = try customerBrowser(email)
        #expect(try browser.get("/portal/home").status == 200)
        _ = try sql("UPDATE portal_sessions SET last_seen_at = now() - interval '31 minutes'")
        #expect(try browser.get("/portal/home").status == 303)

        let second = try customerBrowser(email)
        _ = try sql("UPDATE portal_sessions SET expires_at = now() - interval '1 second' WHERE revoked_at IS NULL")
        #expect(try second.get("/portal/home").status == 303)

        let third = try customerBrowser(email)
        let token = try #require(third.cookies["__Host-eg_portal"])
        let home = try third.get("/portal/home")
        #expect(home.status == 200)
        let out = try third.post("/portal/logout")
        #expect(out.status == 303 && third.cookies["__Host-eg_portal"] == nil)
        let replay = StaffBrowser(client: stack.client)
        replay.setCookie("__Host-eg_portal", token)
        #expect(try replay.get("/portal/home").status == 303)
    }

    /// Every portal route with a record in it, walked with each customer's session over the other
    /// customer's records: all 404, nothing changed, and neither home page names the other's records.
    @Test func noPortalPageShowsAnotherCustomersRecords() throws {
        let (a, b) = try twoCustomers()
        // Each has an open task and a done one with a file.
        for email in [a, b] {
            _ = try customerTask(for: email)
            let done = try customerTask(for: email, title: "Klar uppgift")
            _ = try sql(
                """
                WITH f AS (INSERT INTO task_files (task_id, field_key, name, content_type, size, sha256, content)
                           VALUES (\(done), 'karta', 'karta.png', 'image/png', 3, sha256('\\x010203'::bytea), '\\x010203'::bytea))
                UPDATE tasks SET state = 'done', completed_at = now(), answers = '{"fonster": "eftermiddag"}' WHERE id = \(done)
                """)
        }
        func taskIDs(of email: String) throws -> [String] {
            try sql(
                "SELECT string_agg(t.id::text, ' ') FROM tasks t JOIN customers c ON c.id = t.assignee_customer_id WHERE c.email = '\(email)'"
            ).split(separator: " ").map(String.init)
        }
        func taskFileIDs(of email: String) throws -> [String] {
            try sql(
                "SELECT string_agg(f.id::text, ' ') FROM task_files f JOIN tasks t ON t.id = f.task_id JOIN customers c ON c.id = t.assignee_customer_id WHERE c.email = '\(email)'"
            ).split(separator: " ").map(String.init)
        }
        let browsers = [a: try customerBrowser(a), b: try customerBrowser(b)]
        func ids(_ table: String, of email: String, _ extra: String = "") throws -> [String] {
            try sql(
                "SELECT string_agg(t.id::text, ' ') FROM \(table) t JOIN customers c ON c.id = t.customer_id WHERE c.email = '\(email)' \(extra)"
            ).split(separator: " ").map(String.init)
        }
        func numbers(of email: String) throws -> [String] {
            try sql(
                """
                SELECT string_agg(n, ' ') FROM (
                  SELECT q.number AS n FROM quotations q JOIN customers c ON c.id = q.customer_id WHERE c.email = '\(email)' AND q.state <> 'draft' AND q.state <> 'void'
                  UNION ALL SELECT b.number FROM bookings b JOIN customers c ON c.id = b.customer_id WHERE c.email = '\(email)'
                  UNION ALL SELECT i.number FROM invoices i JOIN customers c ON c.id = i.customer_id WHERE c.email = '\(email)' AND i.number IS NOT NULL) x
                """
            ).split(separator: " ").map(String.init)
        }
        var walked = 0
        for (me, them) in [(a, b), (b, a)] {
            let browser = try #require(browsers[me])
            let home = try browser.get("/portal/home")
            #expect(home.status == 200)
            for number in try numbers(of: them) { #expect(!home.text.contains(number), "\(me) sees \(number)") }
            for number in try numbers(of: me) { #expect(home.text.contains(number), "\(me) misses \(number)") }
            for id in try taskIDs(of: me) {
                #expect(home.text.contains("data-task=\"\(id)\""), "\(me) misses task \(id)")
            }
            for id in try taskIDs(of: them) {
                #expect(!home.text.contains("data-task=\"\(id)\""), "\(me) sees task \(id)")
            }
            for id in try taskFileIDs(of: me) { #expect(try browser.get("/portal/tasks/files/\(id)").status == 200) }
            let before =
                try sql("SELECT count(*) FROM jobs") + "/" + (try sql("SELECT count(*) FROM mail_messages"))
                + "/" + (try sql("SELECT count(*) || ':' || count(*) FILTER (WHERE state = 'done') FROM tasks"))
            for id in try ids("invoices", of: them) {
                #expect(try browser.get("/portal/invoices/\(id)/pdf").status == 404)
                walked += 1
            }
            for id in try ids("conversations", of: them) {
                #expect(try browser.get("/portal/conversations/\(id)").status == 404)
                #expect(try browser.post("/portal/conversations/\(id)", [("text", "Hej")]).status == 404)
                walked += 2
            }
            for id in try ids("quotations", of: them) {
                #expect(try browser.post("/portal/quotations/\(id)/link").status == 404)
                walked += 1
            }
            for id in try taskIDs(of: them) {
                #expect(try browser.get("/portal/tasks/\(id)").status == 404)
                #expect(
                    try browser.postMultipart("/portal/tasks/\(id)", fields: [("fonster", "eftermiddag")], file: nil)
                        .status == 404)
                walked += 2
            }
            for id in try taskFileIDs(of: them) {
                #expect(try browser.get("/portal/tasks/files/\(id)").status == 404)
                walked += 1
            }
            let after =
                try sql("SELECT count(*) FROM jobs") + "/" + (try sql("SELECT count(*) FROM mail_messages"))
                + "/" + (try sql("SELECT count(*) || ':' || count(*) FILTER (WHERE state = 'done') FROM tasks"))
            #expect(before == after)
        }
        // Both customers have records of every kind the walk covers, so it did walk them.
        #expect(walked >= 12)
        let conversationsOfB = try ids("conversations", of: b)
        let invoicesOfA = try ids("invoices", of: a)
        #expect(!conversationsOfB.isEmpty && !invoicesOfA.isEmpty)
    }

    /// The customer's task in the portal: listed under "To do", its form refuses missing answers
    /// with the reasons (nothing stored), then takes the answers and the venue map; the task is done
    /// with the file stored as sent, its event written, and the answers shown back.
    @Test func aCustomerCompletesTheirTaskWithAFile() throws {
        let (a, _) = try twoCustomers()
        let task = try customerTask(for: a)
        let browser = try customerBrowser(a)
        let home = try browser.get("/portal/home")
        #expect(home.text.contains("data-task=\"\(task)\"") && home.text.contains("Leveranstid och platskarta"))
        let page = try browser.get("/portal/tasks/\(task)")
        #expect(page.status == 200)
        #expect(page.text.contains("enctype=\"multipart/form-data\"") && page.text.contains("name=\"karta\""))
        #expect(page.text.contains("data-when-field=\"fonster\""), "the conditional field says when it applies")

        // "morgon" makes the site contact required; no map either: refused, nothing stored.
        let refused = try browser.postMultipart("/portal/tasks/\(task)", fields: [("fonster", "morgon")], file: nil)
        #expect(refused.status == 422)
        #expect(refused.text.contains("Kontakt på plats") && refused.text.contains("Platskarta"))
        #expect(
            try sql(
                "SELECT state || ':' || (SELECT count(*) FROM task_files WHERE task_id = \(task)) FROM tasks WHERE id = \(task)"
            ) == "open:0")

        let map = Data((0..<2048).map { UInt8($0 % 251) })
        let done = try browser.postMultipart(
            "/portal/tasks/\(task)", fields: [("fonster", "eftermiddag"), ("kontakt", "ignoreras")],
            file: (name: "karta", filename: "platskarta.png", type: "image/png", data: map))
        #expect(done.status == 303 && done.header("location") == "/portal/home")
        #expect(
            try sql(
                "SELECT state || ':' || (answers->>'fonster') || ':' || (answers ? 'kontakt') || ':' || (completed_by_customer_id IS NOT NULL) FROM tasks WHERE id = \(task)"
            )
                == "done:eftermiddag:false:true", "the hidden field's answer is not kept")
        #expect(
            try sql(
                "SELECT name || ':' || size || ':' || encode(sha256(content), 'hex') FROM task_files WHERE task_id = \(task)"
            )
                == "platskarta.png:2048:" + SHA256.hexDigest(map))
        #expect(try sql("SELECT count(*) FROM events WHERE type = 'task.completed' AND entity_id = \(task)") == "1")
        let thanks = try browser.get("/portal/home")
        #expect(thanks.text.contains("We have received your answers"))
        let shown = try browser.get("/portal/tasks/\(task)")
        #expect(shown.text.contains("eftermiddag") && shown.text.contains("platskarta.png"))
        let again = try browser.postMultipart("/portal/tasks/\(task)", fields: [("fonster", "morgon")], file: nil)
        #expect(again.status == 409)
    }

    @Test func aSentQuotationsSigningLinkCanBeSentAgain() throws {
        let email = try sql(
            """
            SELECT c.email FROM quotations q JOIN customers c ON c.id = q.customer_id
              JOIN quotation_versions v ON v.quotation_id = q.id AND v.version_no = q.current_version
              JOIN signing_links l ON l.quotation_version_id = v.id AND l.voided_at IS NULL AND l.expires_at > now()
             WHERE q.state = 'sent' AND c.email IS NOT NULL AND c.archived_at IS NULL ORDER BY q.id LIMIT 1
            """)
        try #require(!email.isEmpty)
        let quotation = try sql(
            "SELECT q.id FROM quotations q JOIN customers c ON c.id = q.customer_id WHERE c.email = '\(email)' AND q.state = 'sent' ORDER BY q.id LIMIT 1"
        )
        let browser = try customerBrowser(email)
        let home = try browser.get("/portal/home")
        #expect(home.text.contains("/portal/quotations/\(quotation)/link"))
        let jobs = "SELECT count(*) FROM jobs WHERE kind = 'email.signing_link' AND state = 'queued'"
        let before = Int(try sql(jobs)) ?? 0
        let resent = try browser.post("/portal/quotations/\(quotation)/link")
        #expect(resent.status == 303)
        #expect(Int(try sql(jobs)) == before + 1)
        #expect(try browser.follow(resent).text.contains("We have emailed a new signing link"))
    }

    /// `eventgaraget portal link --email …` (the demo's way in) prints a link that signs in once.
    @Test func thePortalLinkCommandPrintsAWorkingLink() throws {
        let result = try stack.eventgaraget(["portal", "link", "--email", "asa.oberg@example.se"])
        #expect(result.status == 0)
        let link = String(decoding: result.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let path = try #require(link.range(of: "/portal/login/")).lowerBound
        let browser = StaffBrowser(client: stack.client)
        #expect(try browser.get(String(link[path...])).status == 200)
        #expect(try browser.post(String(link[path...])).status == 303)
        #expect(try browser.get("/portal/home").text.contains("Åsa Öberg"))
        #expect(try portalJobs(for: "asa.oberg@example.se") == 0)
        let unknown = try stack.eventgaraget(["portal", "link", "--email", "nobody-here@example.se"])
        #expect(unknown.status != 0)
    }
}

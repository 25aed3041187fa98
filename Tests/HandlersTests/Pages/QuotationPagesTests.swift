import Foundation
import TestSupport
import Testing

/// The staff's quotation pages in process (the real responder) with a real PostgreSQL, as maria@
/// (Manager) on demo data: create with a new customer, lines and totals, send, sign through the
/// portal, the evidence and the booking; validation, edit conflicts, the stock rule, resend, void,
/// duplicate; what Support may see.
@Suite("Quotation pages", .serialized)
struct QuotationPagesTests {
    static let password = "eventgaraget-demo"

    /// A signed-in browser on a fresh stack with the demo data.
    struct Session {
        let stack: InProcessApp
        let browser: StaffBrowser
        let database: String

        init(_ stack: InProcessApp, as email: String = "maria@eventgaraget.se") throws {
            self.stack = stack
            let seeded = stack.seeded
            guard seeded.status == 0 else { throw TestFailure("seed-demo failed: \(seeded.errorOutput)") }
            database = databaseName(fromURL: stack.databaseURL)
            browser = StaffBrowser(client: stack.client)
            browser.language = "en"
            let login = try browser.login(email: email, password: QuotationPagesTests.password)
            guard login.status == 303 else { throw TestFailure("login failed: \(login.status)") }
        }

        func sql(_ query: String) throws -> String {
            try stack.postgres.psql(query, database: database).trimmingCharacters(in: .whitespacesAndNewlines)
        }

        /// The newest signing token, from the queued email job (the only place it exists in clear).
        func latestToken() throws -> String {
            try sql("SELECT payload->>'token' FROM jobs WHERE kind = 'email.signing_link' ORDER BY id DESC LIMIT 1")
        }

        /// Creates a quotation for an existing demo customer and returns the editor's path.
        func createQuotation(customerEmail: String, start: String, end: String, title: String) throws -> String {
            let customer = try sql("SELECT id FROM customers WHERE email = '\(customerEmail)'")
            _ = try browser.get("/admin/quotations/new?customer=\(customer)")
            let created = try browser.post(
                "/admin/quotations",
                [
                    ("action", "create"), ("customer_id", customer), ("period_start", start), ("period_end", end),
                    ("title", title),
                ])
            guard created.status == 303, let location = created.header("location") else {
                throw TestFailure("create failed: \(created.status) \(created.text.prefix(400))")
            }
            return location
        }

        /// Loads the editor, changes `changes` in its form, presses `action`.
        func submitEditor(
            _ path: String, _ changes: [String: String], action: String = "save", page: HTTPResult? = nil
        )
            throws -> HTTPResult
        {
            let editor = try page ?? browser.get(path)
            var form = try EditorForm(html: editor.text, action: path)
            for (name, value) in changes { form.values[name] = value }
            form.values["action"] = action
            return try browser.post(path, form.pairs)
        }
    }

    @Test func aManagerCreatesSendsAndSeesTheSignedResult() throws {
        let stack = try InProcessApp()
        defer { stack.shutdown() }
        let session = try Session(stack)
        let browser = session.browser

        // The list: tabs by state, search.
        let list = try browser.get("/admin/quotations")
        #expect(list.status == 200)
        #expect(list.text.contains("Bröllop på Särö"))
        #expect(list.text.contains("Midsommarfest i Partille"))
        let sentTab = try browser.get("/admin/quotations?state=sent")
        #expect(sentTab.text.contains("Bröllop på Särö"))
        #expect(!sentTab.text.contains("Midsommarfest i Partille"))
        #expect(sentTab.text.contains("href=\"/admin/quotations?state=sent\" aria-current=\"page\""))
        let searched = try browser.get("/admin/quotations?q=hisingens")
        #expect(searched.text.contains("Sommarfest Hisingens Bygg"))
        #expect(!searched.text.contains("Bröllop på Särö"))

        // New, with a customer typed in on the spot; the search finds demo customers without JavaScript.
        let (start, end) = try dates(inDays: 30, length: 3)
        #expect(try browser.get("/admin/quotations/new").status == 200)
        let found = try browser.post(
            "/admin/quotations", [("action", "find_customer"), ("customer_q", "öberg"), ("title", "Integrationsfest")])
        #expect(found.status == 200)
        #expect(found.text.contains("Åsa Öberg"))
        #expect(found.text.contains("value=\"Integrationsfest\""), "the search keeps what was typed")
        let created = try browser.post(
            "/admin/quotations",
            [
                ("action", "create"), ("customer_id", "new"), ("new_name", "Linnea Testsson"),
                ("new_email", "linnea@example.se"),
                ("new_phone", "070-111 22 33"), ("new_company", ""), ("period_start", start), ("period_end", end),
                ("title", "Integrationsfest"),
            ])
        #expect(created.status == 303)
        let path = try #require(created.header("location"))
        #expect(path.range(of: #"^/admin/quotations/[0-9]+$"#, options: .regularExpression) != nil)
        let id = String(path.split(separator: "/").last!)
        let editor = try browser.follow(created)
        #expect(editor.status == 200)
        #expect(editor.text.contains("Created."))
        #expect(editor.text.contains("Linnea Testsson"))
        #expect(try session.sql("SELECT count(*) FROM customers WHERE email = 'linnea@example.se'") == "1")
        #expect(
            try session.sql(
                "SELECT terms_html = (SELECT terms_template_html FROM settings) FROM quotations WHERE id = \(id)")
                == "t")

        // Two product lines and delivery: demo prices 450 kr/day (tent) and 90 kr/day (table), 3 days.
        let tent = try session.sql("SELECT id FROM products WHERE sku = 'TALT-3x3'")
        let table = try session.sql("SELECT id FROM products WHERE sku = 'BORD-180'")
        let first = try session.submitEditor(
            path, ["new_item": "product:\(tent)", "new_quantity": "2"], action: "add_line", page: editor)
        #expect(first.status == 303, "\(first.text.prefix(600))")
        let second = try session.submitEditor(
            path, ["new_item": "product:\(table)", "new_quantity": "4", "shipping": "500"], action: "add_line")
        #expect(second.status == 303)
        let page = try browser.follow(second)
        let tents = 2 * 450 * 3
        let tables = 4 * 90 * 3
        let shipping = 500
        let net = tents + tables + shipping
        let vat = net / 4
        #expect(page.text.contains("data-line-total=\"0\">\(sek(tents))<"))
        #expect(page.text.contains("data-line-total=\"1\">\(sek(tables))<"))
        #expect(page.text.contains("data-total=\"subtotal\">\(sek(tents + tables))<"))
        #expect(page.text.contains("data-total=\"shipping\">\(sek(shipping))<"))
        #expect(page.text.contains("data-total=\"vat\">\(sek(vat))<"))
        #expect(page.text.contains("data-total=\"total\">\(sek(net + vat))<"))
        #expect(page.text.contains("12 of 12 free"), "availability of the tents for the period")
        #expect(try session.sql("SELECT total_ore FROM quotations WHERE id = \(id)") == String((net + vat) * 100))

        // Recalculate shows the totals of what is typed without saving it.
        let preview = try session.submitEditor(path, ["line_0_quantity": "3"], action: "preview", page: page)
        #expect(preview.status == 200)
        #expect(preview.text.contains("Preview – not saved yet."))
        #expect(preview.text.contains("data-line-total=\"0\">\(sek(3 * 450 * 3))<"))
        #expect(
            try session.sql("SELECT quantity FROM quotation_lines WHERE quotation_id = \(id) AND position = 0") == "2")

        // Send: the link goes only into the email job, never onto a page.
        let sendPage = try browser.get(path)
        let version = try #require(StaffBrowser.inputValue(named: "version", in: sendPage.text))
        let sent = try browser.post("/admin/quotations/\(id)/send", [("version", version)])
        #expect(sent.status == 303, "\(sent.text.prefix(800))")
        let sentView = try browser.follow(sent)
        #expect(sentView.text.contains("The quotation was sent for signing."))
        #expect(sentView.text.contains("Version 1 sent to linnea@example.se."))
        let token = try session.latestToken()
        #expect(token.count == 43)
        #expect(!sentView.text.contains(token))
        #expect(!sentView.text.contains("/sign/"))

        // The customer signs through the portal.
        let signPath = "/sign/\(token)"
        let signing = try stack.client.get(signPath, headers: ["Accept-Language": "en"])
        #expect(signing.status == 200)
        #expect(signing.text.contains(sek(net + vat)))
        let tokenRange = try #require(
            signing.text.range(of: #"name="form_token" value="[0-9a-f]{64}""#, options: .regularExpression))
        let formToken = String(signing.text[tokenRange].dropFirst(#"name="form_token" value=""#.count).dropLast())
        let body = StaffBrowser.urlencode([
            ("form_token", formToken), ("method", "typed"), ("strokes", ""), ("signer_name", "Linnea Testsson"),
            ("signer_email", "linnea@example.se"), ("typed_signature", "Linnea Testsson"), ("consent", "yes"),
        ])
        let signed = try stack.client.request(
            "POST", signPath,
            headers: [
                "Accept-Language": "en", "Origin": stack.client.baseURL, "User-Agent": "QuotationPagesTests/1.0",
            ],
            body: Data(body.utf8), contentType: "application/x-www-form-urlencoded")
        #expect(signed.status == 303)

        // The staff page: signed, the booking, the evidence.
        let booking = try session.sql("SELECT id || ' ' || number FROM bookings WHERE quotation_id = \(id)").split(
            separator: " ")
        #expect(booking.count == 2)
        let after = try browser.get(path)
        #expect(after.text.contains("data-state=\"signed\""))
        #expect(after.text.contains("href=\"/admin/bookings/\(booking[0])\" data-booking=\"\(booking[1])\""))
        #expect(!after.text.contains("name=\"line_count\""), "a signed quotation is read, not edited")
        let evidence = try browser.get("/admin/quotations/\(id)/versions/1")
        #expect(evidence.status == 200)
        let sha = try session.sql(
            "SELECT encode(snapshot_sha256, 'hex') FROM quotation_versions WHERE quotation_id = \(id)")
        for fragment in [
            "data-evidence=\"signer\">Linnea Testsson<", "Typed: “Linnea Testsson”",
            "data-evidence=\"user-agent\">QuotationPagesTests/1.0<",
            "data-evidence=\"sha256\">\(sha)<", "data-booking=\"\(booking[1])\"", " UTC<", "Integrationsfest",
        ] {
            #expect(evidence.text.contains(fragment), "\(fragment)")
        }
        #expect(evidence.text.range(of: #"data-evidence="ip">[0-9a-f.:]+<"#, options: .regularExpression) != nil)
        #expect(try browser.get("/admin/quotations/\(id)/versions/2").status == 404)
        #expect(try browser.get("/admin/quotations/999999").status == 404)

        // The booking on the dashboard (recently signed, waiting for approval) and on the calendar.
        let number = String(booking[1])
        let dashboard = try browser.get("/admin")
        #expect(BookingPagesTests.section(dashboard.text, id: "recently-signed").contains(number))
        #expect(BookingPagesTests.section(dashboard.text, id: "awaiting-approval").contains(number))
        let month = try browser.get("/admin/calendar?view=month&date=\(start)")
        #expect(BookingPagesTests.dayCell(month.text, start).contains(number), "delivery day on the calendar")
        #expect(
            BookingPagesTests.dayCell(month.text, end).contains(number) || !month.text.contains("data-date=\"\(end)\""))

        // Its way through the workflow, each step shown on the booking's page.
        let bookingPath = "/admin/bookings/\(booking[0])"
        _ = try browser.get(bookingPath)
        #expect(try browser.post(bookingPath + "/approve").status == 303)
        var previous = "confirmed"
        for step in ["packed", "delivered", "returned", "closed"] {
            _ = try browser.get(bookingPath)
            let moved = try browser.post(bookingPath + "/state/\(step)", [("from", previous)])
            #expect(moved.status == 303, "\(step): \(moved.status)")
            #expect(try browser.follow(moved).text.contains("The booking&#39;s status was changed."))
            #expect(try session.sql("SELECT state FROM bookings WHERE id = \(booking[0])") == step)
            previous = step
        }
        let history = try session.sql(
            "SELECT string_agg(action, ',' ORDER BY id) FROM audit_log WHERE entity_type = 'booking' AND entity_id = \(booking[0])"
        )
        #expect(
            history.contains("approved")
                && history.hasSuffix("state_changed,state_changed,state_changed,state_changed"), "\(history)")
    }

    @Test func validationKeepsInputAndAnOutdatedEditIsRefusedWithTheCurrentValues() throws {
        let stack = try InProcessApp()
        defer { stack.shutdown() }
        let session = try Session(stack)
        let browser = session.browser
        let before = try session.sql("SELECT count(*) FROM quotations")
        _ = try browser.get("/admin/quotations/new")

        // The new-quotation form: errors next to the fields, what was typed kept, nothing written.
        let refused = try browser.post(
            "/admin/quotations",
            [
                ("action", "create"), ("customer_id", "new"), ("new_name", ""), ("new_email", "inte en adress"),
                ("period_start", "2026-07-10"), ("period_end", "2026-07-08"), ("title", "Trädgårdsfest"),
            ])
        #expect(refused.status == 400)
        #expect(refused.text.contains("id=\"error-new_name\""))
        #expect(refused.text.contains("Enter a valid email address."))
        #expect(refused.text.contains("The last day is before the first."))
        #expect(refused.text.contains("value=\"inte en adress\""))
        #expect(refused.text.contains("value=\"Trädgårdsfest\""))
        // An email that already has a customer: pick them instead of making a twin.
        let twin = try browser.post(
            "/admin/quotations",
            [
                ("action", "create"), ("customer_id", "new"), ("new_name", "Åsa igen"),
                ("new_email", "ASA.OBERG@example.se"),
                ("period_start", "2026-07-10"), ("period_end", "2026-07-10"),
            ])
        #expect(twin.status == 400)
        #expect(twin.text.contains("A customer with this email address already exists"))
        #expect(twin.text.contains("Åsa Öberg"))
        #expect(try session.sql("SELECT count(*) FROM quotations") == before)

        // The editor: a bad quantity and a bad date keep everything typed and change nothing.
        let (start, end) = try dates(inDays: 45, length: 2)
        let path = try session.createQuotation(
            customerEmail: "bjorn.arlig@example.se", start: start, end: end, title: "Kräftskiva")
        let tent = try session.sql("SELECT id FROM products WHERE sku = 'TALT-3x3'")
        #expect(
            try session.submitEditor(path, ["new_item": "product:\(tent)", "new_quantity": "1"], action: "add_line")
                .status == 303)
        let bad = try session.submitEditor(
            path,
            ["title": "Kräftskiva deluxe", "line_0_quantity": "0", "period_end": "2026-13-01", "shipping": "12,345"])
        #expect(bad.status == 400)
        #expect(bad.text.contains("value=\"Kräftskiva deluxe\""))
        #expect(bad.text.contains("name=\"line_0_quantity\" value=\"0\""))
        #expect(bad.text.contains("Enter a whole number from 1 to 100,000."))
        #expect(bad.text.contains("Enter a date as YYYY-MM-DD."))
        #expect(bad.text.contains("Enter an amount such as 1234 or 1,234.50."))
        #expect(bad.text.contains("Correct the marked fields and try again."))
        #expect(
            try session.sql("SELECT title FROM quotations WHERE number IS NOT NULL ORDER BY id DESC LIMIT 1")
                == "Kräftskiva")

        // Two people edit the same version: the second save is refused with the first one's values.
        let id = String(path.split(separator: "/").last!)
        let opened = try browser.get(path)
        let mine = try session.submitEditor(path, ["title": "Kräftskiva hos Björn"], page: opened)
        #expect(mine.status == 303)
        let theirs = try session.submitEditor(
            path, ["title": "Kräftskiva i parken", "line_0_quantity": "2"], page: opened)
        #expect(theirs.status == 409)
        #expect(theirs.text.contains("Someone else saved changes while you were editing."))
        #expect(theirs.text.contains("value=\"Kräftskiva hos Björn\""), "the current values, not the stale ones")
        #expect(
            try session.sql(
                "SELECT title || '/' || (SELECT quantity FROM quotation_lines WHERE quotation_id = \(id)) FROM quotations WHERE id = \(id)"
            )
                == "Kräftskiva hos Björn/1")
        // The audit row has the change with before and after.
        #expect(
            try session.sql(
                "SELECT before->>'title' || ' → ' || (after->>'title') FROM audit_log WHERE entity_id = \(id) AND action = 'updated' ORDER BY id DESC LIMIT 1"
            )
                == "Kräftskiva → Kräftskiva hos Björn")

        // Another customer, found from the editor without JavaScript: the delivery address follows.
        #expect(try session.sql("SELECT delivery_address_line1 FROM quotations WHERE id = \(id)") == "Linnégatan 14")
        let asa = try session.sql("SELECT id FROM customers WHERE email = 'asa.oberg@example.se'")
        let search = try session.submitEditor(path, ["customer_q": "öberg"], action: "find_customer")
        #expect(search.status == 200)
        #expect(search.text.contains("name=\"customer_id\" value=\"\(asa)\""))
        let switched = try session.submitEditor(path, ["customer_id": asa], page: search)
        #expect(switched.status == 303)
        #expect(
            try session.sql("SELECT customer_id || '|' || delivery_address_line1 FROM quotations WHERE id = \(id)")
                == "\(asa)|Ängsvägen 3")
    }

    /// Finding F5: the forms take only what the mailer can send to; an address that got in
    /// before (or that the server refuses for good) fails its job at once, and the quotation's
    /// link card says so, instead of the job being retried unseen.
    @Test func anEmailThatCannotBeSentFailsOnceAndTheQuotationSaysWhy() throws {
        let stack = try InProcessApp()
        defer { stack.shutdown() }
        let session = try Session(stack)
        let browser = session.browser
        _ = try browser.get("/admin/quotations/new")
        let refused = try browser.post(
            "/admin/quotations",
            [
                ("action", "create"), ("new_name", "Lisa Ström"), ("new_email", "Lisa <lisa@example.se>"),
                ("period_start", "2027-03-01"), ("period_end", "2027-03-02"), ("title", "Fest"),
            ])
        #expect(refused.status == 400)
        #expect(try session.sql("SELECT count(*) FROM customers WHERE name = 'Lisa Ström'") == "0")

        let (start, end) = try dates(inDays: 40, length: 1)
        let path = try session.createQuotation(
            customerEmail: "asa.oberg@example.se", start: start, end: end, title: "Gammal adress")
        let id = String(path.split(separator: "/").last!)
        let chair = try session.sql("SELECT id FROM products WHERE sku = 'TALT-3x3'")
        #expect(
            try session.submitEditor(path, ["new_item": "product:\(chair)", "new_quantity": "2"], action: "add_line")
                .status == 303)
        // An address saved before the rule was one (the database's own check is looser).
        try stack.postgres.psql(
            "UPDATE customers SET email = 'asa<gammal>@example.se' WHERE email = 'asa.oberg@example.se'",
            database: session.database)
        let version = try #require(StaffBrowser.inputValue(named: "version", in: try browser.get(path).text))
        #expect(try browser.post("/admin/quotations/\(id)/send", [("version", version)]).status == 303)

        var env = stack.environment
        env["EG_MAIL_DIR"] = stack.directory + "/mail"
        let worker = try WorkerProcess(environment: env)
        try waitUntil(timeout: 30) {
            (try? session.sql("SELECT state FROM jobs WHERE kind = 'email.signing_link' ORDER BY id DESC LIMIT 1"))
                == "dead"
        }
        worker.stop()
        #expect(
            try session.sql("SELECT attempts FROM jobs WHERE kind = 'email.signing_link' ORDER BY id DESC LIMIT 1")
                == "1", "not retried")
        let card = try browser.get(path)
        #expect(card.text.contains("The email with the link could not be sent."))
        #expect(card.text.contains("the email address is not one we can send to"))
        // (The demo's own queued emails go out; none to this address.)
        let folder = stack.directory + "/mail/new/"
        let delivered = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        #expect(
            !delivered.contains {
                ((try? String(contentsOfFile: folder + $0, encoding: .utf8)) ?? "").contains("gammal")
            })
    }

    /// Finding M5: someone who may edit the customer changes the email, and a resend would carry
    /// the link to them. The address is frozen with each send; a link to another address needs a
    /// reason, is audited, and the signed PDF's evidence names both addresses and the reason.
    @Test func aLinkGoesToAChangedAddressOnlyWithAReasonAndTheEvidenceSaysSo() throws {
        let stack = try InProcessApp()
        defer { stack.shutdown() }
        let session = try Session(stack)
        let browser = session.browser
        let (start, end) = try dates(inDays: 45, length: 1)
        let path = try session.createQuotation(
            customerEmail: "asa.oberg@example.se", start: start, end: end, title: "Adressbyte")
        let id = String(path.split(separator: "/").last!)
        let tent = try session.sql("SELECT id FROM products WHERE sku = 'TALT-3x3'")
        #expect(
            try session.submitEditor(path, ["new_item": "product:\(tent)", "new_quantity": "1"], action: "add_line")
                .status == 303)
        let version = try #require(StaffBrowser.inputValue(named: "version", in: try browser.get(path).text))
        #expect(try browser.post("/admin/quotations/\(id)/send", [("version", version)]).status == 303)
        #expect(
            try session.sql("SELECT recipient_email FROM signing_links ORDER BY id DESC LIMIT 1")
                == "asa.oberg@example.se")

        // Support changes the customer's email to their own (what the attack needs).
        let customer = try session.sql("SELECT customer_id FROM quotations WHERE id = \(id)")
        try stack.postgres.psql(
            "UPDATE customers SET email = 'support.egen@example.se' WHERE id = \(customer)", database: session.database)
        let links =
            "SELECT count(*) FROM signing_links l JOIN quotation_versions v ON v.id = l.quotation_version_id WHERE v.quotation_id = \(id)"

        let warned = try browser.get(path)
        #expect(warned.text.contains("asa.oberg@example.se → support.egen@example.se"))
        let refused = try browser.post("/admin/quotations/\(id)/resend")
        #expect(refused.status == 400)
        #expect(refused.text.contains("Write why the link should go to the new address."))
        #expect(try session.sql(links) == "1", "nothing was written")

        let reason = "Kunden bytte adress i telefon"
        #expect(try browser.post("/admin/quotations/\(id)/resend", [("recipient_reason", reason)]).status == 303)
        #expect(try session.sql(links) == "2")
        #expect(
            try session.sql(
                "SELECT (before->>'recipient') || '|' || (after->>'recipient') || '|' || (after->>'reason') FROM audit_log WHERE entity_id = \(id) AND action = 'recipient_changed'"
            ) == "asa.oberg@example.se|support.egen@example.se|\(reason)")

        // Signed through the new link: the PDF's evidence names where it went and the change.
        let token = try session.latestToken()
        let page = try stack.client.get("/sign/\(token)", headers: ["Accept-Language": "en"])
        let formToken = try #require(StaffBrowser.inputValue(named: "form_token", in: page.text))
        let body = StaffBrowser.urlencode([
            ("form_token", formToken), ("method", "typed"), ("signer_name", "Åsa Öberg"),
            ("signer_email", "asa@example.se"), ("typed_signature", "Åsa Öberg"), ("consent", "yes"),
        ])
        #expect(
            try stack.client.request(
                "POST", "/sign/\(token)", headers: ["Origin": stack.client.baseURL], body: Data(body.utf8),
                contentType: "application/x-www-form-urlencoded"
            ).status == 303)
        var env = stack.environment
        env["EG_MAIL_DIR"] = stack.directory + "/mail"
        let worker = try WorkerProcess(environment: env)
        try waitUntil(timeout: 30) {
            (try? session.sql(
                "SELECT count(*) FROM documents d JOIN quotation_versions v ON v.id = d.quotation_version_id WHERE v.quotation_id = \(id)"
            )) == "1"
        }
        worker.stop()
        let pdf = try session.sql(
            "SELECT encode(d.content, 'base64') FROM documents d JOIN quotation_versions v ON v.id = d.quotation_version_id WHERE v.quotation_id = \(id)"
        )
        let file = stack.directory + "/m5.pdf"
        try Data(base64Encoded: pdf, options: .ignoreUnknownCharacters)!.write(to: URL(fileURLWithPath: file))
        // (Words as pdftotext reads them, line breaks of the wrapped evidence as spaces.)
        let text = try run("/usr/bin/pdftotext", ["-enc", "UTF-8", file, "-"]).output
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("Länken skickad till support.egen@example.se"), "the address the signed link went to")
        #expect(text.contains("asa.oberg@example.se → support.egen@example.se"))
        #expect(text.contains(reason))

        // The audit certificate page: every event with its time in Stockholm (zone named) and UTC.
        let certificate = try #require(text.range(of: "Granskningsintyg").map { String(text[$0.lowerBound...]) })
        for event in [
            "Skickad för signering till asa.oberg@example.se (version 1) av Maria Sjöberg",
            "Mottagaren ändrad till support.egen@example.se av Maria Sjöberg",
            "Ny länk skickad till support.egen@example.se (version 1) av Maria Sjöberg", "Länken öppnad",
            "Signerad av Åsa Öberg <asa@example.se>",
        ] {
            #expect(certificate.contains(event), "\(event)")
        }
        #expect(
            certificate.range(
                of: #"20[0-9]{2}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2} CES?T"#, options: .regularExpression)
                != nil)
        #expect(certificate.contains(" UTC"))
    }

    @Test func aShortageNeedsAReasonResendReplacesTheLinkAndVoidStopsIt() throws {
        let stack = try InProcessApp()
        defer { stack.shutdown() }
        let session = try Session(stack)
        let browser = session.browser
        let (start, end) = try dates(inDays: 50, length: 2)
        let path = try session.createQuotation(
            customerEmail: "asa.oberg@example.se", start: start, end: end, title: "Stor fest")
        let id = String(path.split(separator: "/").last!)
        let tent = try session.sql("SELECT id FROM products WHERE sku = 'TALT-3x3'")  // 12 in stock
        #expect(
            try session.submitEditor(path, ["new_item": "product:\(tent)", "new_quantity": "13"], action: "add_line")
                .status == 303)
        let short = try browser.get(path)
        #expect(short.text.contains("Short by 1 – 12 of 12 free"))
        #expect(short.text.contains("<tr class=\"short\""))
        #expect(short.text.contains("Stock is short for the period"))

        let version = try #require(StaffBrowser.inputValue(named: "version", in: short.text))
        let refused = try browser.post(
            "/admin/quotations/\(id)/send", [("version", version), ("shortage_reason", "  ")])
        #expect(refused.status == 400)
        #expect(refused.text.contains("Stock is short for the period. Write why the quotation should be sent anyway."))
        #expect(try session.sql("SELECT count(*) FROM quotation_versions WHERE quotation_id = \(id)") == "0")

        let sent = try browser.post(
            "/admin/quotations/\(id)/send",
            [("version", version), ("shortage_reason", "Vi hyr in ett tält från Tältmästarna.")])
        #expect(sent.status == 303)
        let maria = try session.sql("SELECT id FROM users WHERE email = 'maria@eventgaraget.se'")
        #expect(
            try session.sql(
                "SELECT actor_user_id || '|' || (after->>'reason') FROM audit_log WHERE entity_id = \(id) AND action = 'sent_with_shortage'"
            )
                == "\(maria)|Vi hyr in ett tält från Tältmästarna.")
        let firstToken = try session.latestToken()
        #expect(try stack.client.get("/sign/\(firstToken)").status == 200)

        // Resend: a new link; the old one is replaced at once.
        _ = try browser.get(path)
        let resent = try browser.post("/admin/quotations/\(id)/resend")
        #expect(resent.status == 303)
        #expect(try browser.follow(resent).text.contains("A new link was sent; the old one no longer works."))
        let secondToken = try session.latestToken()
        #expect(secondToken != firstToken)
        #expect(try stack.client.get("/sign/\(firstToken)").status == 410)
        #expect(try stack.client.get("/sign/\(secondToken)").status == 200)
        #expect(try session.sql("SELECT count(*) FROM quotation_versions WHERE quotation_id = \(id)") == "1")

        // Void: the live link answers 410 at once.
        _ = try browser.get(path)
        let voided = try browser.post("/admin/quotations/\(id)/void")
        #expect(voided.status == 303)
        let voidPage = try browser.follow(voided)
        #expect(voidPage.text.contains("The quotation was voided."))
        #expect(voidPage.text.contains("data-state=\"void\""))
        let gone = try stack.client.get("/sign/\(secondToken)", headers: ["Accept-Language": "en"])
        #expect(gone.status == 410)
        #expect(gone.text.contains("The offer has been replaced"))
        #expect(try session.sql("SELECT count(*) FROM audit_log WHERE entity_id = \(id) AND action = 'voided'") == "1")

        // Duplicate: a new draft with a new number and the same line.
        let duplicated = try browser.post("/admin/quotations/\(id)/duplicate")
        #expect(duplicated.status == 303)
        let copyPath = try #require(duplicated.header("location"))
        #expect(copyPath != path)
        let copy = try browser.follow(duplicated)
        #expect(copy.text.contains("A copy was created as a draft."))
        #expect(copy.text.contains("data-state=\"draft\""))
        #expect(copy.text.contains("name=\"line_0_quantity\" value=\"13\""))
    }

    @Test func aDeclinedQuotationIsReopenedChangedAndSentAsANewVersion() throws {
        let stack = try InProcessApp()
        defer { stack.shutdown() }
        let session = try Session(stack)
        let browser = session.browser
        let id = try session.sql("SELECT id FROM quotations WHERE title = 'Klubbens 100-årsjubileum'")
        let path = "/admin/quotations/\(id)"
        let declined = try browser.get(path)
        #expect(declined.text.contains("data-state=\"declined\""))
        let version = try #require(StaffBrowser.inputValue(named: "version", in: declined.text))
        let reopened = try browser.post(path, [("version", version), ("action", "reopen")])
        #expect(reopened.status == 303)
        let draft = try browser.follow(reopened)
        #expect(draft.text.contains("The quotation is a draft again"))
        #expect(draft.text.contains("name=\"line_count\""))
        #expect(try session.submitEditor(path, ["line_1_quantity": "8"], page: draft).status == 303)
        let saved = try browser.get(path)
        let sent = try browser.post(
            "/admin/quotations/\(id)/send",
            [("version", try #require(StaffBrowser.inputValue(named: "version", in: saved.text)))])
        #expect(sent.status == 303, "\(sent.text.prefix(600))")
        #expect(
            try session.sql(
                "SELECT string_agg(version_no || ':' || state, ',' ORDER BY version_no) FROM quotation_versions WHERE quotation_id = \(id)"
            )
                == "1:superseded,2:sent", "sending again supersedes the declined version")
        let versions = try browser.get(path)
        #expect(
            versions.text.contains(
                "data-state=\"superseded\">Superseded</span> <span class=\"badge bad\">Declined</span>"))
        let decline = try browser.get("\(path)/versions/1")
        #expect(decline.text.contains("Declined by the customer"))
        #expect(decline.text.contains("Vi har valt en annan lokal i år."))
    }

    @Test func supportReadsQuotationsButCannotChangeThem() throws {
        let stack = try InProcessApp()
        defer { stack.shutdown() }
        let session = try Session(stack, as: "support@eventgaraget.se")
        let browser = session.browser
        let id = try session.sql("SELECT id FROM quotations WHERE title = 'Midsommarfest i Partille'")
        let page = try browser.get("/admin/quotations/\(id)")
        #expect(page.status == 200)
        #expect(page.text.contains("You can read this quotation but not change it."))
        #expect(page.text.contains("Partytält 4×8 m"))
        #expect(!page.text.contains("name=\"line_count\""))
        #expect(!page.text.contains("/send\""))
        #expect(!page.text.contains("href=\"/admin/quotations/new\""))
        let list = try browser.get("/admin/quotations")
        #expect(list.status == 200)
        let save = try browser.post("/admin/quotations/\(id)", [("version", "1"), ("title", "x")])
        #expect(save.status == 403)
        #expect(try session.sql("SELECT title FROM quotations WHERE id = \(id)") == "Midsommarfest i Partille")
    }
}

/// `SEK 1,234.00` as the English pages print whole kronor (no-break space after SEK).
func sek(_ kronor: Int) -> String {
    var digits = String(kronor)
    var grouped = ""
    while digits.count > 3 {
        grouped = "," + digits.suffix(3) + grouped
        digits = String(digits.dropLast(3))
    }
    return "SEK\u{00A0}\(digits)\(grouped).00"
}

/// The fields of one form on a page, as a browser would submit them: inputs (checked radios
/// only), the selected option of each select, textareas. Reads our templates' markup.
struct EditorForm {
    var values: [String: String] = [:]
    private var order: [String] = []

    init(html: String, action: String) throws {
        guard let start = html.range(of: "action=\"\(action)\">") else {
            throw TestFailure("no form posting to \(action)")
        }
        guard let end = html.range(of: "</form>", range: start.upperBound..<html.endIndex) else {
            throw TestFailure("unclosed form")
        }
        let form = String(html[start.upperBound..<end.lowerBound])
        for tag in Self.matches(#"<input[^>]*>"#, in: form) {
            let attributes = Self.attributes(tag)
            guard let name = attributes["name"] else { continue }
            let type = attributes["type"] ?? "text"
            if type == "radio" || type == "checkbox" {
                if attributes["checked"] != nil { set(name, attributes["value"] ?? "") }
                continue
            }
            if type == "submit" { continue }
            set(name, attributes["value"] ?? "")
        }
        for select in Self.matches(#"<select[^>]*>.*?</select>"#, in: form) {
            guard let name = Self.attributes(String(select.prefix { $0 != ">" }))["name"] else { continue }
            let options = Self.matches(#"<option[^>]*>"#, in: select).map(Self.attributes)
            set(name, (options.first { $0["selected"] != nil } ?? options.first)?["value"] ?? "")
        }
        for area in Self.matches(#"<textarea[^>]*>.*?</textarea>"#, in: form) {
            guard let name = Self.attributes(String(area.prefix { $0 != ">" }))["name"] else { continue }
            let content = area.drop { $0 != ">" }.dropFirst().dropLast("</textarea>".count)
            set(name, Self.unescape(String(content)))
        }
    }

    var pairs: [(String, String)] {
        var names = order
        for name in values.keys where !names.contains(name) { names.append(name) }
        return names.compactMap { name in values[name].map { (name, $0) } }
    }

    private mutating func set(_ name: String, _ value: String) {
        if values[name] == nil { order.append(name) }
        values[name] = value
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]) else {
            return []
        }
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { Range($0.range, in: text).map { String(text[$0]) } }
    }

    static func attributes(_ tag: String) -> [String: String] {
        var result: [String: String] = [:]
        guard let regex = try? NSRegularExpression(pattern: #"([a-zA-Z_:-]+)(?:="([^"]*)")?"#) else { return result }
        let body = String(tag.dropFirst().drop { $0 != " " })
        for match in regex.matches(in: body, range: NSRange(body.startIndex..., in: body)) {
            guard let nameRange = Range(match.range(at: 1), in: body) else { continue }
            let value = Range(match.range(at: 2), in: body).map { unescape(String(body[$0])) } ?? ""
            result[String(body[nameRange])] = value
        }
        return result
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}

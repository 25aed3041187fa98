import Foundation
import TestSupport
import Testing

/// The invoice pages in process with a real PostgreSQL: a manager makes a draft from a booking,
/// sees its lines and VAT, issues it and downloads its Peppol file; what is missing is said before
/// anything is issued; Support reads; the warehouse sees no invoices.
@Suite("Admin: invoices", .serialized)
struct AdminInvoicesTests {
    /// The emails in a maildir folder whose subject contains `text`, read by Python's MIME parser
    /// (not ours): per attachment `Subject | To | filename | type | size`, and whether the plain
    /// text mentions the OCR reference.
    static func mails(in folder: String, subjectContaining text: String) throws -> String {
        try run(
            "/usr/bin/python3",
            [
                "-c",
                """
                import email, os, sys
                from email import policy
                folder = sys.argv[1]
                for name in sorted(os.listdir(folder)):
                    m = email.message_from_binary_file(open(os.path.join(folder, name), "rb"), policy=policy.default)
                    if sys.argv[2] not in str(m["Subject"]): continue
                    body = m.get_body(preferencelist=("plain",)).get_content()
                    ocr = "| OCR in the text" if "OCR" in body else ""
                    for part in m.iter_attachments():
                        print(m["Subject"], "|", m["To"], "|", part.get_filename(), "|", part.get_content_type(), "|",
                              len(part.get_content()), ocr)
                """, folder, text,
            ]
        ).output
    }

    @Test func aManagerInvoicesABookingIssuesItAndDownloadsItsPeppolFile() throws {
        let session = try AdminSession()
        defer { session.stack.shutdown() }
        let maria = try session.browser(signedInAs: "maria@eventgaraget.se")
        // A booking the demo has not invoiced (it invoices those behind us).
        let booking = try session.sql(
            "SELECT min(id) FROM bookings b WHERE NOT EXISTS (SELECT FROM invoices i WHERE i.booking_id = b.id)")
        let bookingPage = try maria.get("/admin/bookings/\(booking)")
        #expect(bookingPage.text.contains("action=\"/admin/invoices\""))

        let created = try maria.post("/admin/invoices", [("booking_id", booking)])
        #expect(created.status == 303)
        let location = try #require(created.header("location"))
        let id = try session.sql("SELECT id FROM invoices WHERE booking_id = \(booking)")
        #expect(location == "/admin/invoices/\(id)")
        // Again: the booking's invoice, not a second one.
        #expect(try maria.post("/admin/invoices", [("booking_id", booking)]).header("location") == location)
        #expect(try session.sql("SELECT count(*) FROM invoices WHERE booking_id = \(booking)") == "1")

        let draft = try maria.get(location)
        #expect(draft.status == 200)
        let total = try session.sql("SELECT total_ore FROM bookings WHERE id = \(booking)")
        let kronor = (Int(total) ?? 0) / 100
        #expect(draft.text.contains("Draft invoice \(id)") || draft.text.contains("Fakturautkast \(id)"))
        #expect(draft.text.contains("action=\"/admin/invoices/\(id)/issue\""))
        let formatted = try session.sql("SELECT to_char(\(kronor), 'FM999G999') ").replacingOccurrences(
            of: ",", with: " ")
        #expect(
            draft.text.contains(formatted) || draft.text.contains(formatted.replacingOccurrences(of: " ", with: ",")))

        // Without a bankgiro it cannot be paid: said on the page, and issuing is refused.
        _ = try session.sql("UPDATE settings SET bankgiro = NULL")
        let missing = try maria.get(location)
        #expect(
            missing.text.contains("The bankgiro number is missing") || missing.text.contains("Bankgironummer saknas"))
        #expect(!missing.text.contains("/issue\""))
        #expect(try maria.post("/admin/invoices/\(id)/issue", []).status == 409)
        #expect(try session.sql("SELECT state FROM invoices WHERE id = \(id)") == "draft")
        _ = try session.sql("UPDATE settings SET bankgiro = '5050-1055'")

        let issued = try maria.post("/admin/invoices/\(id)/issue", [])
        #expect(issued.status == 303)
        let number = try session.sql("SELECT number FROM invoices WHERE id = \(id)")
        let last = try session.sql("SELECT last_number FROM number_sequences WHERE kind = 'invoice'")
        #expect(number == String(format: "F-2026-%04d", Int(last) ?? 0), "the series' newest number")
        let page = try maria.get(location)
        let ocr = try session.sql("SELECT ocr FROM invoices WHERE id = \(id)")
        #expect(page.text.contains(number) && page.text.contains("<code>\(ocr)</code>"))
        #expect(!page.text.contains("/issue\""), "an issued invoice is not issued again")
        let pdf = try maria.get("/admin/invoices/\(id)/invoice.pdf")
        #expect(
            pdf.status == 200 && pdf.header("content-type") == "application/pdf"
                && pdf.body.starts(with: Array("%PDF-".utf8)))
        #expect(page.text.contains("/admin/invoices/\(id)/invoice.pdf"))
        let xml = try maria.get("/admin/invoices/\(id)/ubl.xml")
        #expect(xml.status == 200 && xml.header("content-type") == "application/xml; charset=utf-8")
        #expect(xml.header("content-disposition") == "attachment; filename=\"\(number).xml\"")
        #expect(xml.text.hasPrefix("<?xml") && xml.text.contains("<cbc:ID>\(number)</cbc:ID>"))
        #expect(
            try session.sql(
                "SELECT string_agg(action, ',' ORDER BY id) FROM audit_log WHERE entity_type = 'invoice' AND entity_id = \(id)"
            )
                == "created,issued")
        #expect(
            try session.sql(
                "SELECT string_agg(type, ',' ORDER BY id) FROM events WHERE entity_type = 'invoice' AND entity_id = \(id)"
            )
                == "invoice.created,invoice.issued")
        #expect(
            try session.sql(
                "SELECT payload->'object'->>'number' FROM events WHERE type = 'invoice.issued' AND entity_id = \(id)")
                == number)
        // Email it: the worker sends the archived PDF to the customer (read back by Python's MIME
        // parser), and the email is an event about the invoice.
        #expect(page.text.contains("action=\"/admin/invoices/\(id)/email\""))
        #expect(try maria.post("/admin/invoices/\(id)/email", []).status == 303)
        let mail = session.stack.directory + "/invoice-mail"
        var env = session.stack.environment
        env["EG_MAIL_DIR"] = mail
        let worker = try WorkerProcess(environment: env)
        try waitUntil(timeout: 60) {
            (try? session.sql("SELECT count(*) FROM jobs WHERE kind = 'email.invoice' AND state = 'done'")) == "1"
        }
        worker.stop()
        let parsed = try Self.mails(in: mail + "/new", subjectContaining: number)
        let customerEmail = try session.sql(
            "SELECT c.email FROM invoices i JOIN customers c ON c.id = i.customer_id WHERE i.id = \(id)")
        let pdfSize = try session.sql("SELECT octet_length(pdf) FROM invoices WHERE id = \(id)")
        #expect(
            parsed.contains("\(customerEmail)> | \(number).pdf | application/pdf | \(pdfSize)"), "\(parsed)")
        #expect(
            try session.sql(
                "SELECT count(*) FROM events WHERE type = 'email.sent' AND entity_type = 'invoice' AND entity_id = \(id)"
            )
                == "1")

        // The invoice's page lists the email, with "send again"; so does the customer's page.
        let sent = try maria.get(location)
        #expect(sent.text.contains("id=\"emails\"") && sent.text.contains("<td>\(customerEmail)</td>"))
        let customerID = try session.sql("SELECT customer_id FROM invoices WHERE id = \(id)")
        #expect(try maria.get("/admin/customers/\(customerID)").text.contains(number))

        let list = try maria.get("/admin/invoices")
        #expect(list.status == 200 && list.text.contains(number))

        // Payments: refused with the reason next to the field, then partly paid, then paid.
        #expect(page.text.contains("data-state=\"issued\""))
        let payable = Int(try session.sql("SELECT payable_ore FROM invoices WHERE id = \(id)")) ?? 0
        let bad = try maria.post(
            "/admin/invoices/\(id)/payments",
            [("paid_on", "2999-01-01"), ("amount", "-5"), ("method", "bitcoin"), ("reference", "")])
        #expect(bad.status == 400)
        #expect(Page.error("paid_on", in: bad.text) == "Enter a date, today at the latest.")
        #expect(Page.error("amount", in: bad.text)?.contains("above zero") == true)
        #expect(try session.sql("SELECT count(*) FROM invoice_payments WHERE invoice_id = \(id)") == "0")
        let today = try session.sql("SELECT to_char(now() AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD')")
        let first = try maria.post(
            "/admin/invoices/\(id)/payments",
            [("paid_on", today), ("amount", "1000"), ("method", "swish"), ("reference", "Swish 123")])
        #expect(first.status == 303)
        #expect(try maria.get(location).text.contains("data-state=\"partly_paid\""))
        let rest = String(format: "%d.%02d", (payable - 100_000) / 100, (payable - 100_000) % 100)
        #expect(
            try maria.post(
                "/admin/invoices/\(id)/payments",
                [("paid_on", today), ("amount", rest), ("method", "bankgiro"), ("reference", ocr)]
            ).status == 303)
        let paid = try maria.get(location)
        #expect(paid.text.contains("data-state=\"paid\"") && paid.text.contains("Swish 123"))
        #expect(
            try session.sql(
                "SELECT count(*) FROM events WHERE type = 'invoice.payment_registered' AND entity_id = \(id)")
                == "2")
        // Payments are records too: the database refuses to change them.
        #expect(throws: (any Error).self) { try session.sql("DELETE FROM invoice_payments WHERE invoice_id = \(id)") }

        // Credit the whole invoice: a draft credit note that says what it credits.
        #expect(page.text.contains("action=\"/admin/invoices/\(id)/credit\""))
        let credit = try maria.post("/admin/invoices/\(id)/credit", [])
        #expect(credit.status == 303)
        let note = try session.sql("SELECT id FROM invoices WHERE credited_invoice_id = \(id)")
        #expect(credit.header("location") == "/admin/invoices/\(note)")
        let notePage = try maria.get("/admin/invoices/\(note)")
        #expect(notePage.text.contains("Credits \(number)") || notePage.text.contains("Krediterar \(number)"))
        #expect(try maria.post("/admin/invoices/\(note)/credit", []).status == 409, "a draft is not credited")

        // Support reads, without the buttons; the warehouse does not see invoices at all.
        let support = try session.browser(signedInAs: "support@eventgaraget.se")
        #expect(try support.get("/admin/invoices").status == 200)
        #expect(try support.get("/admin/invoices/\(id)/ubl.xml").status == 200)
        #expect(!(try support.get("/admin/bookings/\(booking)").text.contains("action=\"/admin/invoices\"")))
        #expect(try support.post("/admin/invoices", [("booking_id", booking)]).status == 403)
        #expect(try support.post("/admin/invoices/\(id)/credit", []).status == 403)
        let lager = try session.browser(signedInAs: "lager@eventgaraget.se")
        #expect(try lager.get("/admin/invoices").status == 403)
        #expect(try maria.post("/admin/invoices", [("booking_id", "abc")]).status == 400)
        #expect(try maria.post("/admin/invoices", [("booking_id", "999999")]).status == 404)
    }

    /// A stand-alone invoice from the customer's page: an empty draft, lines written on its page
    /// ("+ Line" comes back unsaved; a wrong field is said next to it in the user's language and
    /// nothing is stored), saved with an audit row and an `invoice.updated` event, then issued.
    /// Editing an issued invoice is refused. The warehouse can do none of it.
    @Test func aDraftsLinesAreWrittenOnItsPageAndAStandaloneInvoiceIsIssued() throws {
        let session = try AdminSession()
        defer { session.stack.shutdown() }
        let maria = try session.browser(signedInAs: "maria@eventgaraget.se")
        let customer = try session.sql(
            "SELECT min(id) FROM customers WHERE kind = 'company' AND org_number IS NOT NULL AND archived_at IS NULL")
        let customerPage = try maria.get("/admin/customers/\(customer)")
        #expect(customerPage.text.contains("id=\"invoices\"") && customerPage.text.contains("name=\"customer_id\""))
        let created = try maria.post("/admin/invoices", [("customer_id", customer)])
        #expect(created.status == 303)
        let id = try session.sql(
            "SELECT max(id) FROM invoices WHERE customer_id = \(customer) AND purpose = 'standalone'")
        let location = "/admin/invoices/\(id)"
        #expect(created.header("location") == location)
        let empty = try maria.get(location)
        #expect(empty.text.contains("id=\"edit-lines\" open"), "an empty draft opens its editor")

        // "+ Line": the form again with a blank line, nothing stored.
        let added = try maria.post(
            "\(location)/lines", [("line_count", "0"), ("allowance_count", "0"), ("action", "add_line")])
        #expect(added.status == 200 && added.text.contains("name=\"line_0_description\""))
        #expect(try session.sql("SELECT jsonb_array_length(lines) FROM invoices WHERE id = \(id)") == "0")

        // A wrong price and a missing description: said next to each field, nothing stored.
        var fields: [(String, String)] = [
            ("line_count", "2"), ("allowance_count", "1"), ("action", "save"),
            ("line_0_description", "Städning efter fest"), ("line_0_quantity", "1"), ("line_0_unit", "EA"),
            ("line_0_unit_price", "tusen"), ("line_0_discount", ""), ("line_0_vat", "2500"),
            ("line_1_description", ""), ("line_1_quantity", "40"), ("line_1_unit", "EA"),
            ("line_1_unit_price", "129,90"), ("line_1_discount", ""), ("line_1_vat", "1200"),
            ("allowance_0_reason", "Stamkund"), ("allowance_0_amount", "100"), ("allowance_0_vat", "1200"),
        ]
        let wrong = try maria.post("\(location)/lines", fields)
        #expect(wrong.status == 400)
        #expect(wrong.text.contains("value=\"tusen\""), "what was typed comes back")
        #expect(wrong.text.contains("Required.") || wrong.text.contains("Obligatoriskt."))
        #expect(try session.sql("SELECT jsonb_array_length(lines) FROM invoices WHERE id = \(id)") == "0")

        fields = fields.map { name, value in
            switch name {
            case "line_0_unit_price": (name, "1500")
            case "line_1_description": (name, "Lunch")
            default: (name, value)
            }
        }
        let saved = try maria.post("\(location)/lines", fields)
        #expect(saved.status == 303)
        #expect(
            try session.sql("SELECT net_ore IS NULL AND jsonb_array_length(lines) = 2 FROM invoices WHERE id = \(id)")
                == "t")
        let page = try maria.get(location)
        // 1 500.00 at 25 % and 5 196.00 − 100.00 at 12 %: VAT 375.00 and 611.52.
        #expect(page.text.contains("Städning efter fest") && page.text.contains("Stamkund"))
        #expect(page.text.contains("611,52") || page.text.contains("611.52"))
        #expect(
            try session.sql(
                "SELECT count(*) FROM events WHERE type = 'invoice.updated' AND entity_type = 'invoice' AND entity_id = \(id)"
            ) == "1")

        #expect(try maria.post("\(location)/issue", []).status == 303)
        #expect(try session.sql("SELECT state || ':' || vat_ore FROM invoices WHERE id = \(id)") == "issued:98652")
        let again = try maria.post("\(location)/lines", fields)
        #expect(again.status == 409, "an issued invoice cannot change")
        #expect(!(try maria.get(location).text.contains("id=\"edit-lines\"")))

        let lager = try session.browser(signedInAs: "lager@eventgaraget.se")
        #expect(try lager.post("/admin/invoices", [("customer_id", customer)]).status == 403)
        #expect(try lager.post("\(location)/lines", fields).status == 403)
        #expect(!(try lager.get("/admin/customers/\(customer)").text.contains("id=\"invoices\"")))
        #expect(try maria.post("/admin/invoices", [("customer_id", "999999")]).status == 404)
    }

    /// A deposit from the booking's page, then (once issued) the final invoice; before that the
    /// final one is refused with the reason, and the page offers what fits.
    @Test func aBookingIsInvoicedWithADepositAndAFinalInvoice() throws {
        let session = try AdminSession()
        defer { session.stack.shutdown() }
        let maria = try session.browser(signedInAs: "maria@eventgaraget.se")
        let booking = try session.sql(
            "SELECT min(id) FROM bookings b WHERE NOT EXISTS (SELECT FROM invoices i WHERE i.booking_id = b.id)")
        let before = try maria.get("/admin/bookings/\(booking)")
        #expect(before.text.contains("value=\"deposit\"") && before.text.contains("value=\"full\""))
        #expect(!before.text.contains("value=\"final\""))
        let early = try maria.post("/admin/invoices", [("booking_id", booking), ("purpose", "final")])
        #expect(early.status == 409)
        #expect(
            early.text.contains("needs an issued deposit invoice")
                || early.text.contains("kräver en utfärdad förskottsfaktura"))
        // A security deposit beside it: an amount, outside VAT, not part of the booking's invoicing.
        #expect(before.text.contains("name=\"amount\"") && before.text.contains("value=\"security_deposit\""))
        #expect(
            try maria.post(
                "/admin/invoices", [("booking_id", booking), ("purpose", "security_deposit"), ("amount", "tusen")]
            ).status == 400)
        #expect(
            try maria.post(
                "/admin/invoices", [("booking_id", booking), ("purpose", "security_deposit"), ("amount", "2 000")]
            ).status == 303)
        #expect(
            try session.sql(
                "SELECT lines->0->>'unitPrice' || ':' || (lines->0->>'vatRate') FROM invoices WHERE booking_id = \(booking) AND purpose = 'security_deposit'"
            ) == "200000:0")
        #expect(try maria.post("/admin/invoices", [("booking_id", booking), ("purpose", "deposit")]).status == 303)
        let deposit = try session.sql("SELECT id FROM invoices WHERE booking_id = \(booking) AND purpose = 'deposit'")
        #expect(try maria.post("/admin/invoices/\(deposit)/issue", []).status == 303)
        let after = try maria.get("/admin/bookings/\(booking)")
        #expect(after.text.contains("value=\"final\"") && !after.text.contains("value=\"full\""))
        #expect(try maria.post("/admin/invoices", [("booking_id", booking), ("purpose", "full")]).status == 409)
        #expect(try maria.post("/admin/invoices", [("booking_id", booking), ("purpose", "final")]).status == 303)
        let final = try session.sql("SELECT id FROM invoices WHERE booking_id = \(booking) AND purpose = 'final'")
        #expect(try maria.post("/admin/invoices/\(final)/issue", []).status == 303)
        #expect(
            try session.sql(
                """
                SELECT (sum(net_ore) = (SELECT subtotal_ore - discount_ore + shipping_ore FROM bookings WHERE id = \(booking)))::text
                  FROM invoices WHERE booking_id = \(booking)
                """) == "true")
    }

    /// The demo's overdue invoice: "Send a reminder now" stores what the law allows (a business
    /// pays 450 kr once, a person the agreed fee; late interest as the test computes it in SQL from
    /// the stored reference rates), the worker emails it with the PDF, and it is an event; the
    /// schedule sends the others' reminders on its own. Support and the warehouse cannot.
    @Test func anOverdueInvoiceIsRemindedWithWhatTheLawAllows() throws {
        let session = try AdminSession()
        defer { session.stack.shutdown() }
        let maria = try session.browser(signedInAs: "maria@eventgaraget.se")
        let id = try session.sql(
            """
            SELECT min(i.id) FROM invoices i
             WHERE i.kind = 'invoice' AND i.state = 'issued' AND i.due_date < (now() AT TIME ZONE 'Europe/Stockholm')::date
               AND NOT EXISTS (SELECT FROM invoice_payments p WHERE p.invoice_id = i.id)
               AND invoice_credited_ore(i.id) = 0
            """)
        let location = "/admin/invoices/\(id)"
        let page = try maria.get(location)
        #expect(page.text.contains("id=\"reminders\"") && page.text.contains("action=\"\(location)/remind\""))
        let support = try session.browser(signedInAs: "support@eventgaraget.se")
        #expect(try support.post("\(location)/remind", []).status == 403)
        #expect(try maria.post("\(location)/remind", []).status == 303)
        #expect(try maria.post("\(location)/remind", []).status == 409, "once a day")

        let business = try session.sql("SELECT (buyer->>'isCompany')::boolean FROM invoices WHERE id = \(id)") == "t"
        let stored = try session.sql(
            "SELECT outstanding_ore || ':' || fee_ore || ':' || compensation_ore || ':' || interest_ore FROM invoice_reminders WHERE invoice_id = \(id)"
        ).split(separator: ":").map(String.init)
        #expect(stored.count == 4)
        #expect(stored[0] == (try session.sql("SELECT payable_ore FROM invoices WHERE id = \(id)")))
        // The demo's terms have the fee clause: a person pays 60 kr; a business 450 kr instead.
        #expect(stored[1] == (business ? "0" : "6000") && stored[2] == (business ? "45000" : "0"))
        // Late interest, independently: each day after the due date, the unpaid amount at the
        // reference rate valid that day + 8 points, a 365th of a year, rounded once.
        let interest = try session.sql(
            """
            SELECT round(sum(i.payable_ore::numeric * ((SELECT rate_bp FROM reference_rates r WHERE r.valid_from <= d
                                                        ORDER BY valid_from DESC LIMIT 1) + 800)) / 3650000)
              FROM invoices i,
                   generate_series(i.due_date + 1, (now() AT TIME ZONE 'Europe/Stockholm')::date, '1 day') d
             WHERE i.id = \(id)
            """)
        #expect(stored[3] == interest, "\(stored) vs \(interest)")
        #expect(
            try session.sql("SELECT count(*) FROM events WHERE type = 'invoice.reminded' AND entity_id = \(id)") == "1")
        let reminded = try maria.get(location)
        #expect(reminded.text.contains("<td>1</td>"))

        // The worker emails it (and the schedule reminds the other overdue invoices by itself).
        _ = try session.sql("UPDATE schedules SET next_run_at = now() WHERE name = 'invoices.remind'")
        let mail = session.stack.directory + "/reminder-mail"
        var env = session.stack.environment
        env["EG_MAIL_DIR"] = mail
        let worker = try WorkerProcess(environment: env)
        try waitUntil(timeout: 60) {
            (try? session.sql(
                "SELECT count(*) FROM jobs WHERE kind = 'email.invoice_reminder' AND state = 'done' AND (payload->>'invoice_id')::bigint = \(id)"
            )) == "1"
                && (try? session.sql(
                    "SELECT count(*) FROM jobs WHERE kind = 'schedule.run' AND payload->>'schedule' = 'invoices.remind' AND state = 'done'"
                )) != "0"
        }
        worker.stop()
        let number = try session.sql("SELECT number FROM invoices WHERE id = \(id)")
        let parsed = try Self.mails(in: mail + "/new", subjectContaining: number)
        #expect(
            parsed.contains("Reminder 1") || parsed.contains("Påminnelse 1"), "\(parsed)")
        #expect(parsed.contains("\(number).pdf | application/pdf") && parsed.contains("| OCR in the text"), "\(parsed)")
        // Every other overdue invoice with something left got its first reminder from the schedule
        // (the demo's rhythm: 7 days after the due date).
        #expect(
            try session.sql(
                """
                SELECT count(*) FROM invoices i
                 WHERE i.kind = 'invoice' AND i.state = 'issued'
                   AND i.due_date + 7 <= (now() AT TIME ZONE 'Europe/Stockholm')::date
                   AND i.payable_ore - invoice_credited_ore(i.id)
                       - (SELECT coalesce(sum(amount_ore), 0) FROM invoice_payments p WHERE p.invoice_id = i.id) > 0
                   AND NOT EXISTS (SELECT FROM invoice_reminders r WHERE r.invoice_id = i.id)
                """) == "0")
    }

    /// The list filters by status (the same status its badges show) and by number, customer or
    /// booking, and pages by 50 keeping the filters; what was typed comes back escaped.
    @Test func theListFiltersByStatusAndSearchAndPages() throws {
        let session = try AdminSession()
        defer { session.stack.shutdown() }
        let maria = try session.browser(signedInAs: "maria@eventgaraget.se")
        // The status badges' data-state, in order (`<span class="badge invoice-status …" data-state="paid">`).
        func states(_ html: String) -> [String] {
            html.components(separatedBy: "class=\"badge invoice-status").dropFirst().compactMap { part in
                part.range(of: #"data-state="[a-z_]+""#, options: .regularExpression).map {
                    String(part[$0].dropFirst(12).dropLast())
                }
            }
        }
        let all = states(try maria.get("/admin/invoices").text)
        #expect(Set(all).isSuperset(of: ["paid", "overdue", "partly_paid", "credited"]), "\(all)")
        for status in Set(all) {
            let filtered = states(try maria.get("/admin/invoices?status=\(status)").text)
            #expect(filtered.count == all.filter { $0 == status }.count && Set(filtered) == [status], "\(status)")
        }
        let customer = try session.sql(
            "SELECT c.name FROM invoices i JOIN customers c ON c.id = i.customer_id WHERE c.kind = 'person' LIMIT 1")
        let found = try maria.get("/admin/invoices?q=\(customer.split(separator: " ").last ?? "")")
        #expect(found.status == 200 && found.text.contains(customer))
        let odd = try maria.get("/admin/invoices?q=%3Cscript%3E&status=nonsense")
        #expect(odd.status == 200 && odd.text.contains("No invoices match.") && !odd.text.contains("<script>"))
        #expect(odd.text.contains("value=\"&lt;script&gt;\""))

        // Sixty drafts: the first page has 50 and a link on, keeping the filter.
        _ = try session.sql(
            """
            INSERT INTO invoices (kind, purpose, customer_id, buyer, lines, created_by)
            SELECT 'invoice', 'standalone', c.id, '{}'::jsonb, '[]'::jsonb, u.id
              FROM generate_series(1, 60), (SELECT min(id) AS id FROM customers) c, (SELECT min(id) AS id FROM users) u
            """)
        let first = try maria.get("/admin/invoices?status=draft")
        #expect(
            states(first.text).count == 50 && first.text.contains("href=\"/admin/invoices?status=draft&amp;page=2\""))
        let second = try maria.get("/admin/invoices?status=draft&page=2")
        #expect(states(second.text).count >= 10 && second.text.contains("rel=\"prev\""))
    }
}

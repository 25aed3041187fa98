import Foundation
import TestSupport
import Testing

/// The bookkeeping page in process against the seeded demo: the reconciliation a manager sees
/// matches; a wrong mapping comes back with the errors next to its fields and nothing stored, a
/// right one is stored and audited; the SIE download is recorded; a locked period refuses a payment
/// dated in it on the invoice page; only an admin moves the lock back, with a reason; Support
/// reads, the warehouse gets none of it.
@Suite("Admin: bookkeeping", .serialized)
struct AdminBookkeepingTests {
    @Test func theMappingIsValidatedNextToEachFieldAndStoredOnlyWhenRight() throws {
        let session = try AdminSession()
        defer { session.stack.shutdown() }
        let page = try session.admin.get("/admin/bookkeeping")
        #expect(page.status == 200)
        #expect(page.text.contains("data-matches=\"yes\""), "the demo year reconciles")
        #expect(page.text.contains("action=\"/admin/bookkeeping/mapping\""))
        #expect(Page.value("account_receivables", in: page.text) == "1510")
        #expect(Page.value("name_reminder_fees", in: page.text) == "Påminnelseavgifter")

        let stored = "SELECT string_agg(key || '=' || account || ':' || name, ',' ORDER BY key) FROM account_mapping"
        let before = try session.sql(stored)
        var form: [(String, String)] = [
            ("account_receivables", "1510"), ("name_receivables", "Kundfordringar"), ("account_bank", "1930"),
            ("name_bank", "Företagskonto"), ("account_vat_25", "2611"), ("name_vat_25", "Utgående moms 25 %"),
            ("account_vat_12", "2621"), ("name_vat_12", "Utgående moms 12 %"), ("account_vat_6", "2631"),
            ("name_vat_6", "Utgående moms 6 %"), ("account_revenue_25", "3001"), ("name_revenue_25", "Uthyrning 25 %"),
            ("account_revenue_12", "3042"), ("name_revenue_12", "Intäkter 12 %"), ("account_revenue_6", "3043"),
            ("name_revenue_6", "Intäkter 6 %"), ("account_revenue_0", "3044"), ("name_revenue_0", "Momsfritt"),
            ("account_revenue_eu_reverse_charge", "3308"), ("name_revenue_eu_reverse_charge", "EU"),
            ("account_rounding", "3740"), ("name_rounding", "Öresavrundning"), ("account_reminder_fees", "3930"),
            ("name_reminder_fees", "Påminnelseavgifter"), ("account_late_interest", "8313"),
            ("name_late_interest", "Dröjsmålsränta"), ("account_security_deposits", "2890"),
            ("name_security_deposits", "Depositioner"),
        ]
        var wrong = form
        wrong[0].1 = "15100"
        wrong[5].1 = String(repeating: "x", count: 101)
        wrong[10].1 = "2611"
        let refused = try session.admin.post("/admin/bookkeeping/mapping", wrong)
        #expect(refused.status == 400)
        #expect(Page.error("account_receivables", in: refused.text) == "A BAS account: four digits, 1000–8999.")
        #expect(Page.error("name_vat_25", in: refused.text) == "At most 100 characters.")
        #expect(Page.error("account_revenue_25", in: refused.text) == "This account must be between 3000 and 3999.")
        #expect(Page.error("account_bank", in: refused.text) == nil)
        #expect(Page.value("account_receivables", in: refused.text) == "15100", "what was typed is kept")
        #expect(try session.sql(stored) == before, "nothing stored")

        session.admin.language = "sv"
        _ = try session.admin.get("/admin/bookkeeping")
        let swedish = try session.admin.post("/admin/bookkeeping/mapping", wrong)
        #expect(Page.error("account_receivables", in: swedish.text) == "Ett BAS-konto: fyra siffror, 1000–8999.")
        session.admin.language = "en"

        _ = try session.admin.get("/admin/bookkeeping")
        let saved = try session.admin.post("/admin/bookkeeping/mapping", form)
        #expect(saved.status == 303)
        #expect(
            try session.sql("SELECT account || ' ' || name FROM account_mapping WHERE key = 'revenue_25'")
                == "3001 Uthyrning 25 %")
        #expect(
            try session.sql(
                "SELECT after->>'revenue_25' FROM audit_log WHERE entity_type = 'bookkeeping' AND action = 'mapping_changed'"
            )
                == "3001 Uthyrning 25 %")
        #expect(try session.sql("SELECT count(*) FROM events WHERE type = 'bookkeeping.mapping_changed'") == "1")
        let after = try session.admin.get("/admin/bookkeeping")
        #expect(after.text.contains("data-account=\"3001\"") && after.text.contains("data-matches=\"yes\""))
        form[10].1 = "3041"
        form[11].1 = "<script>alert(\"x\")</script> & Co"
        _ = try session.admin.post("/admin/bookkeeping/mapping", form)
        let escaped = try session.admin.get("/admin/bookkeeping")
        #expect(!escaped.text.contains("<script>alert") && escaped.text.contains("&lt;script&gt;alert(&quot;x&quot;)"))
        #expect(try session.sql("SELECT count(*) FROM events WHERE type = 'bookkeeping.mapping_changed'") == "2")

        // Support reads the mapping as a table; a manager exports but cannot change it.
        let support = try session.browser(signedInAs: "support@eventgaraget.se")
        let read = try support.get("/admin/bookkeeping")
        #expect(read.status == 200 && read.text.contains("id=\"mapping-table\""))
        #expect(!read.text.contains("action=\"/admin/bookkeeping/mapping\"") && !read.text.contains("/export\""))
        #expect(
            try support.post("/admin/bookkeeping/export", [("from", "2026-01-01"), ("to", "2026-01-31")]).status == 403)
        let maria = try session.browser(signedInAs: "maria@eventgaraget.se")
        _ = try maria.get("/admin/bookkeeping")
        #expect(try maria.post("/admin/bookkeeping/mapping", form).status == 403)
        let lager = try session.browser(signedInAs: "lager@eventgaraget.se")
        #expect(try lager.get("/admin/bookkeeping").status == 403)
        #expect(!(try lager.get("/admin")).text.contains("href=\"/admin/bookkeeping\""))
    }

    @Test func anExportIsADownloadThatIsRecordedAndItsLockRefusesPaymentsDatedInIt() throws {
        let session = try AdminSession()
        defer { session.stack.shutdown() }
        let maria = try session.browser(signedInAs: "maria@eventgaraget.se")
        let day = try session.sql("SELECT to_char((now() AT TIME ZONE 'Europe/Stockholm')::date - 7, 'YYYY-MM-DD')")
        let first = String(day.prefix(4)) + "-01-01"
        _ = try maria.get("/admin/bookkeeping")

        let bad = try maria.post("/admin/bookkeeping/export", [("from", first), ("to", "2025-13-01")])
        #expect(bad.status == 400 && Page.error("to", in: bad.text) == "Enter a date (YYYY-MM-DD).")
        let across = try maria.post("/admin/bookkeeping/export", [("from", "2025-12-01"), ("to", "2026-01-31")])
        #expect(across.status == 400 && Page.error("to", in: across.text)?.contains("One fiscal year") == true)

        _ = try maria.get("/admin/bookkeeping")
        let file = try maria.post("/admin/bookkeeping/export", [("from", first), ("to", day), ("lock", "yes")])
        #expect(file.status == 200)
        #expect(file.header("content-disposition") == "attachment; filename=\"eventgaraget-\(first)-\(day).si\"")
        #expect(file.header("content-type") == "text/plain; charset=IBM437")
        #expect(file.body.starts(with: Array("#FLAGGA 0\r\n".utf8)))
        let sha = try run("/usr/bin/sha256sum", ["-"], input: file.body).output.prefix(64)
        #expect(try session.sql("SELECT file_sha256 FROM bookkeeping_exports") == String(sha))
        #expect(try session.sql("SELECT locked_through FROM bookkeeping_lock") == day)
        let page = try maria.get("/admin/bookkeeping")
        #expect(page.text.contains(String(sha)) && page.text.contains("data-locked-through=\"\(day)\""))

        // A payment dated in the locked period: the error next to the date, nothing stored.
        let invoice = try session.sql(
            "SELECT min(id) FROM invoices i WHERE kind = 'invoice' AND state = 'issued' AND invoice_outstanding_ore(id, current_date) > 0"
        )
        let payments = try session.sql("SELECT count(*) FROM invoice_payments")
        _ = try maria.get("/admin/invoices/\(invoice)")
        let refused = try maria.post(
            "/admin/invoices/\(invoice)/payments",
            [("paid_on", day), ("amount", "100"), ("method", "bankgiro"), ("reference", "")])
        #expect(refused.status == 400)
        #expect(Page.error("paid_on", in: refused.text)?.contains("locked through \(day)") == true, "\(refused.text)")
        #expect(try session.sql("SELECT count(*) FROM invoice_payments") == payments)

        // Only an admin moves the lock back, and only with a reason.
        _ = try maria.get("/admin/bookkeeping")
        #expect(try maria.post("/admin/bookkeeping/unlock", [("through", ""), ("reason", "fel")]).status == 403)
        _ = try session.admin.get("/admin/bookkeeping")
        let noReason = try session.admin.post("/admin/bookkeeping/unlock", [("through", ""), ("reason", " ")])
        #expect(noReason.status == 400 && Page.error("reason", in: noReason.text) == "Say why the lock is moved back.")
        _ = try session.admin.get("/admin/bookkeeping")
        let unlocked = try session.admin.post(
            "/admin/bookkeeping/unlock", [("through", ""), ("reason", "En betalning saknades i november")])
        #expect(unlocked.status == 303)
        #expect(try session.sql("SELECT locked_through IS NULL FROM bookkeeping_lock") == "t")
        #expect(
            try session.sql("SELECT payload->'details'->>'reason' FROM events WHERE type = 'bookkeeping.unlocked'")
                == "En betalning saknades i november")
        // The lock button moves it forward again (the export covers the day).
        _ = try maria.get("/admin/bookkeeping")
        #expect(try maria.post("/admin/bookkeeping/lock", [("through", day)]).status == 303)
        _ = try maria.get("/admin/bookkeeping")
        let back = try maria.post("/admin/bookkeeping/lock", [("through", first)])
        #expect(back.status == 400 && Page.error("through", in: back.text)?.contains("only moves forward") == true)

        // Locked through today, the issue button answers 409 with the reason, and the draft stays one.
        let today = try session.sql("SELECT to_char((now() AT TIME ZONE 'Europe/Stockholm')::date, 'YYYY-MM-DD')")
        _ = try maria.get("/admin/bookkeeping")
        #expect(
            try maria.post("/admin/bookkeeping/export", [("from", first), ("to", today), ("lock", "yes")]).status == 200
        )
        let booking = try session.sql(
            "SELECT min(id) FROM bookings b WHERE NOT EXISTS (SELECT FROM invoices i WHERE i.booking_id = b.id)")
        _ = try maria.get("/admin/bookings/\(booking)")
        #expect(try maria.post("/admin/invoices", [("booking_id", booking)]).status == 303)
        let draft = try session.sql("SELECT id FROM invoices WHERE booking_id = \(booking)")
        _ = try maria.get("/admin/invoices/\(draft)")
        let issue = try maria.post("/admin/invoices/\(draft)/issue", [])
        #expect(issue.status == 409 && issue.text.contains("locked through \(today)"), "\(issue.status)")
        #expect(try session.sql("SELECT state FROM invoices WHERE id = \(draft)") == "draft")
    }
}

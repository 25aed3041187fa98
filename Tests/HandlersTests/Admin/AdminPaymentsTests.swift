import Foundation
import TestSupport
import Testing

/// The payments page in process with a real PostgreSQL: a manager uploads a BgMax file (multipart)
/// for the demo's invoices, sees the import and the unmatched payment, attaches it to an invoice
/// by number and ignores a deduction with a reason; refused files answer 4xx with the reason and
/// store nothing; Support reads; the warehouse sees nothing.
@Suite("Admin: payments from Bankgirot", .serialized)
struct AdminPaymentsTests {
    static func upload(_ browser: StaffBrowser, _ file: BgMaxWriter, name: String = "bgmax.txt") throws -> HTTPResult {
        try browser.postMultipart(
            "/admin/payments", fields: [], file: (name: "file", filename: name, type: "text/plain", data: file.data))
    }

    @Test func aManagerImportsAFileAndResolvesTheQueue() throws {
        let session = try AdminSession()
        defer { session.stack.shutdown() }
        let maria = try session.browser(signedInAs: "maria@eventgaraget.se")
        // An issued invoice of the demo that is not paid in full nor credited.
        let invoice = try session.sql(
            """
            SELECT i.id FROM invoices i WHERE i.kind = 'invoice' AND i.state = 'issued'
               AND NOT EXISTS (SELECT FROM invoices c WHERE c.credited_invoice_id = i.id)
               AND (SELECT coalesce(sum(amount_ore), 0) FROM invoice_payments p WHERE p.invoice_id = i.id) < i.payable_ore
             ORDER BY i.id LIMIT 1
            """)
        let number = try session.sql("SELECT number FROM invoices WHERE id = \(invoice)")
        let paymentsBefore = Int(
            try session.sql("SELECT count(*) FROM invoice_payments WHERE invoice_id = \(invoice)"))!

        #expect(try maria.get("/admin/invoices").text.contains("href=\"/admin/payments\""))
        // The demo imported yesterday's file, with a mistyped OCR reference waiting in the queue.
        let demo = try maria.get("/admin/payments")
        #expect(demo.status == 200 && demo.text.contains("enctype=\"multipart/form-data\""))
        #expect(demo.text.contains("2026000109") && demo.text.contains("No valid OCR reference"))
        let importsBefore = try session.sql("SELECT count(*) FROM payment_imports")
        #expect(importsBefore == "1")

        var file = BgMaxWriter(written: "20261207120000000000")
        file.open(bankgiro: "50501055")
        file.payment(reference: "12345", ore: 25_000, serial: 9001, referenceCode: 3)
        file.name("Örjan Ängström")
        file.payment(reference: "777", ore: 5_000, serial: 9002, deduction: 0)
        file.deposit(date: "20261207")
        file.end()

        // Malformed, foreign or missing: 4xx with the reason, nothing stored.
        var miscounted = file
        miscounted.lines.removeLast()
        miscounted.end(deductions: 0)
        let bad = try Self.upload(maria, miscounted)
        #expect(bad.status == 400)
        #expect(bad.text.contains("Line 7: the end record says 0 records, the file holds 1."), "\(bad.text)")
        // In Swedish for a Swedish browser.
        let swedish = try session.browser(signedInAs: "admin@eventgaraget.se")
        swedish.language = "sv"
        _ = try swedish.get("/admin/payments")
        let svenska = try Self.upload(swedish, miscounted)
        #expect(svenska.status == 400)
        #expect(
            svenska.text.contains("Rad 7: slutposten anger 0 poster, filen har 1. Inget lästes in."), "\(svenska.text)")
        var foreign = BgMaxWriter()
        foreign.open(bankgiro: "9912346")
        foreign.payment(reference: "12345", ore: 1, serial: 1)
        foreign.deposit(date: "20261207")
        foreign.end()
        let other = try Self.upload(maria, foreign)
        #expect(other.status == 422 && other.text.contains("The file is for bankgiro 9912346"))
        #expect(
            try maria.postMultipart("/admin/payments", fields: [], file: nil).status == 400, "no file chosen")
        #expect(try session.sql("SELECT count(*) FROM payment_imports") == importsBefore)

        let imported = try Self.upload(maria, file, name: "BgMax 2026-12-07.txt")
        #expect(imported.status == 303 && imported.header("location") == "/admin/payments")
        let page = try maria.get("/admin/payments")
        #expect(page.text.contains("BgMax 2026-12-07.txt") && page.text.contains("Örjan Ängström"))
        #expect(page.text.contains("Deduction (not a payment)"))
        // The same file again: refused with the reason.
        let again = try Self.upload(maria, file)
        #expect(again.status == 409 && again.text.contains("The file was imported already"))

        let payment = try session.sql("SELECT id FROM unmatched_payments WHERE bgc_serial = '000000009001'")
        let deduction = try session.sql("SELECT id FROM unmatched_payments WHERE kind = 'deduction'")
        #expect(page.text.contains("action=\"/admin/payments/unmatched/\(payment)/attach\""))
        #expect(!page.text.contains("action=\"/admin/payments/unmatched/\(deduction)/attach\""))

        // Support reads but changes nothing; the warehouse sees nothing.
        let support = try session.browser(signedInAs: "support@eventgaraget.se")
        let read = try support.get("/admin/payments")
        #expect(read.status == 200 && read.text.contains("Örjan Ängström") && !read.text.contains("/attach\""))
        #expect(try support.post("/admin/payments/unmatched/\(payment)/attach", [("invoice", number)]).status == 403)
        #expect(try Self.upload(support, file).status == 403)
        let lager = try session.browser(signedInAs: "lager@eventgaraget.se")
        #expect(try lager.get("/admin/payments").status == 403)
        #expect(try lager.post("/admin/payments/unmatched/\(payment)/ignore", [("reason", "x")]).status == 403)

        // Attach: an unknown number is refused next to the field; the invoice's number books it.
        let wrong = try maria.post("/admin/payments/unmatched/\(payment)/attach", [("invoice", "F-1999-0001")])
        #expect(wrong.status == 422 && wrong.text.contains("Enter an issued invoice"))
        let attached = try maria.post("/admin/payments/unmatched/\(payment)/attach", [("invoice", number)])
        #expect(attached.status == 303)
        #expect(
            Int(try session.sql("SELECT count(*) FROM invoice_payments WHERE invoice_id = \(invoice)"))
                == paymentsBefore + 1)
        #expect(
            try session.sql(
                "SELECT source || ':' || amount_ore FROM invoice_payments WHERE invoice_id = \(invoice) ORDER BY id DESC LIMIT 1"
            ) == "bgmax:25000")
        #expect(try session.sql("SELECT state FROM unmatched_payments WHERE id = \(payment)") == "resolved")
        #expect(
            try session.sql(
                "SELECT string_agg(type, ',' ORDER BY id) FROM events WHERE entity_type = 'unmatched_payment' AND entity_id = \(payment)"
            ) == "unmatched_payment.resolved")
        #expect(
            try session.sql(
                "SELECT count(*) FROM events WHERE type = 'invoice.payment_registered' AND entity_id = \(invoice) AND actor_user_id = \(try session.userID("maria@eventgaraget.se"))"
            ) == "1")
        #expect(
            try maria.post("/admin/payments/unmatched/\(payment)/attach", [("invoice", number)]).status == 409,
            "attached once")

        // A deduction is not attached; it is ignored with a reason.
        #expect(try maria.post("/admin/payments/unmatched/\(deduction)/attach", [("invoice", number)]).status == 409)
        #expect(try maria.post("/admin/payments/unmatched/\(deduction)/ignore", [("reason", "")]).status == 400)
        let ignored = try maria.post(
            "/admin/payments/unmatched/\(deduction)/ignore", [("reason", "Kreditfaktura avräknad")])
        #expect(ignored.status == 303)
        #expect(
            try session.sql("SELECT state || ':' || ignore_reason FROM unmatched_payments WHERE id = \(deduction)")
                == "ignored:Kreditfaktura avräknad")
        #expect(try maria.get("/admin/payments").text.contains("Ignored: Kreditfaktura avräknad"))
        // Once decided, a queued payment stays as it was: the database refuses to reopen or alter it.
        #expect(throws: (any Error).self) {
            try session.sql(
                "UPDATE unmatched_payments SET state = 'open', ignore_reason = NULL, resolved_at = NULL WHERE id = \(deduction)"
            )
        }
        #expect(throws: (any Error).self) {
            try session.sql("UPDATE unmatched_payments SET amount_ore = 1 WHERE id = \(deduction)")
        }
        #expect(try maria.post("/admin/payments/unmatched/999999/ignore", [("reason", "x")]).status == 404)
    }
}

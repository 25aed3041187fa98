import Foundation
import TestSupport
import Testing

/// Incoming hooks in process (the real responder) with a real PostgreSQL: a manager makes a lead
/// hook in the pages (URL and secret shown once), a website posts signed leads (signed by Python,
/// not by the product), and each becomes a customer and a draft quotation once, however often
/// the sender retries; anything unsigned, stale, malformed or unreadable is refused with nothing
/// stored.
@Suite("Admin: incoming hooks", .serialized)
struct AdminHooksTests {
    struct Hook {
        let path: String
        let secret: String
    }

    /// The URL and secret the page shows once.
    static func credentials(_ html: String) throws -> Hook {
        let url = try #require(html.range(of: #"https://[^<"]*/hooks/[A-Za-z0-9_-]{43}"#, options: .regularExpression))
        let secret = try #require(html.range(of: #"whsec_[A-Za-z0-9+/=]+"#, options: .regularExpression))
        let full = String(html[url])
        let path = String(full[try #require(full.range(of: "/hooks/")).lowerBound...])
        return Hook(path: path, secret: String(html[secret]))
    }

    static func post(
        _ session: AdminSession, _ hook: Hook, id: String, json: String, secret: String? = nil,
        timestamp: Int = Int(Date().timeIntervalSince1970), contentType: String = "application/json"
    ) throws -> HTTPResult {
        let body = Data(json.utf8)
        let headers = try StandardWebhooksSender.headers(
            secret: secret ?? hook.secret, id: id, body: body, timestamp: timestamp)
        return try session.stack.client.request(
            "POST", hook.path, headers: headers, body: body, contentType: contentType)
    }

    static func counts(_ session: AdminSession) throws -> String {
        try session.sql(
            """
            SELECT (SELECT count(*) FROM customers) || '/' || (SELECT count(*) FROM quotations) || '/'
                   || (SELECT count(*) FROM events WHERE type = 'hook.received') || '/'
                   || (SELECT count(*) FROM incoming_hook_messages)
            """)
    }

    @Test func aWebsitesLeadBecomesACustomerAndADraftQuotationOnceAndBadMessagesChangeNothing() throws {
        let session = try AdminSession()
        defer { session.stack.shutdown() }
        let maria = try session.browser(signedInAs: "maria@eventgaraget.se")

        // The form starts as a lead hook reading each field at the top level.
        let form = try maria.get("/admin/automation/hooks/new")
        #expect(form.status == 200 && form.text.contains("Lead: customer and draft quotation"))
        #expect(Page.value("path_email", in: form.text) == "email")
        let bad = try maria.post(
            "/admin/automation/hooks", [("name", ""), ("kind", "lead"), ("path_email", "contact..email")])
        #expect(bad.status == 400)
        #expect(bad.text.contains("Give it a name") && bad.text.contains("Write a path of letters"))
        #expect(try session.sql("SELECT count(*) FROM incoming_hooks") == "0")

        let fields: [(String, String)] = [
            ("name", "Webbformulär"), ("kind", "lead"), ("path_name", "contact.name"), ("path_email", "contact.email"),
            ("path_phone", "contact.phone"), ("path_company", "contact.company"), ("path_start", "event.date"),
            ("path_end", "event.until"), ("path_guests", "event.guests"), ("path_title", ""),
            ("path_message", "message"),
        ]
        let created = try maria.post("/admin/automation/hooks", fields)
        #expect(created.status == 200 && created.text.contains("shown only once"))
        let hook = try Self.credentials(created.text)
        let id = try session.sql("SELECT id FROM incoming_hooks")
        // Only the token's hash is stored, and the page never shows the URL or secret again.
        #expect(try session.sql("SELECT count(*) FROM incoming_hooks WHERE secret = '\(hook.secret)'") == "1")
        let detail = try maria.get("/admin/automation/hooks/\(id)")
        #expect(detail.status == 200 && !detail.text.contains(hook.secret) && !detail.text.contains(hook.path))
        #expect(detail.text.contains("<code>contact.email</code>") && detail.text.contains("No messages yet."))
        #expect(try maria.get("/admin/automation").text.contains("Webbformulär"))

        let lead = """
            {"contact": {"name": "Ada Lindqvist", "email": "ada.lindqvist@example.se", "phone": "070-123 45 67",
             "company": "Lindqvist Event AB"},
             "event": {"date": "2027-06-19", "until": "2027-06-20", "guests": 80},
             "message": "Vi vill hyra ett tält för midsommar."}
            """
        let before = try Self.counts(session)
        let accepted = try Self.post(session, hook, id: "msg_lead_1", json: lead)
        #expect(accepted.status == 202, "\(accepted.text)")
        #expect(accepted.header("content-type") == "application/json")
        #expect(
            accepted.text.contains("\"status\":\"accepted\"") && accepted.text.contains("\"customer_created\":true"))
        let customer = try session.sql("SELECT id FROM customers WHERE email = 'ada.lindqvist@example.se'")
        #expect(
            try session.sql("SELECT kind || '|' || name || '|' || company_name FROM customers WHERE id = \(customer)")
                == "company|Ada Lindqvist|Lindqvist Event AB")
        let quotation = try session.sql(
            """
            SELECT state || '|' || period_start || '|' || period_end || '|' || title || '|' || internal_notes
              FROM quotations WHERE customer_id = \(customer)
            """)
        #expect(
            quotation == "draft|2027-06-19|2027-06-20|Webbformulär|Gäster: 80\n\nVi vill hyra ett tält för midsommar.")
        // The system made them, with their audit rows and events; the event carries the posted data.
        #expect(
            try session.sql(
                """
                SELECT string_agg(entity_type || '.' || action || ':' || actor_kind, ',' ORDER BY id) FROM audit_log
                 WHERE (entity_type = 'customer' AND entity_id = \(customer))
                    OR (entity_type = 'quotation' AND entity_id = (SELECT id FROM quotations WHERE customer_id = \(customer)))
                """) == "customer.created:system,quotation.created:system")
        #expect(
            try session.sql(
                """
                SELECT payload->'details'->'data'->'event'->>'guests' || '|' || (payload->'details'->>'webhook_id')
                  FROM events WHERE type = 'hook.received'
                """) == "80|msg_lead_1")
        let afterFirst = try Self.counts(session)

        // The sender retries the same message: answered, nothing done again.
        let retry = try Self.post(session, hook, id: "msg_lead_1", json: lead)
        #expect(retry.status == 200 && retry.text.contains("\"status\":\"duplicate\""))
        #expect(try Self.counts(session) == afterFirst)

        // The same person again without a date: the customer is found, no quotation is made.
        let noDate = try Self.post(
            session, hook, id: "msg_lead_2",
            json: #"{"contact": {"name": "Ada", "email": "ADA.LINDQVIST@example.se"}, "message": "Har ni stolar?"}"#)
        #expect(noDate.status == 202 && noDate.text.contains("\"customer_created\":false"))
        #expect(noDate.text.contains("\"quotation_id\":null"))
        #expect(try session.sql("SELECT count(*) FROM customers WHERE email = 'ada.lindqvist@example.se'") == "1")

        // Refused, each with its reason, and nothing stored.
        let stable = try Self.counts(session)
        let wrongKey = try Self.post(
            session, hook, id: "msg_x", json: lead,
            secret: "whsec_" + Data(repeating: 7, count: 32).base64EncodedString())
        #expect(wrongKey.status == 401 && wrongKey.text.contains("webhook-signature"))
        let stale = try Self.post(
            session, hook, id: "msg_y", json: lead, timestamp: Int(Date().timeIntervalSince1970) - 3600)
        #expect(stale.status == 401)
        let unsigned = try session.stack.client.request(
            "POST", hook.path, body: Data(lead.utf8), contentType: "application/json")
        #expect(unsigned.status == 401)
        let notJSON = try Self.post(session, hook, id: "msg_z", json: "{\"contact\": ")
        #expect(notJSON.status == 400 && notJSON.text.contains("not a JSON object"))
        let array = try Self.post(session, hook, id: "msg_a", json: "[1, 2]")
        #expect(array.status == 400)
        let urlencoded = try Self.post(
            session, hook, id: "msg_b", json: "name=Ada", contentType: "application/x-www-form-urlencoded")
        #expect(urlencoded.status == 415)
        let nobody = try Self.post(session, hook, id: "msg_c", json: #"{"message": "hej"}"#)
        #expect(nobody.status == 422 && nobody.text.contains("a lead needs a name or an email address"))
        let badLead = try Self.post(
            session, hook, id: "msg_d",
            json:
                #"{"contact": {"name": "Bo", "email": "bo@"}, "event": {"date": "2027-06-20", "until": "2027-06-01"}}"#)
        #expect(badLead.status == 422)
        #expect(badLead.text.contains("email is not valid") && badLead.text.contains("end is before start"))
        #expect(try Self.counts(session) == stable)
        #expect(try Self.counts(session) != before)

        // The hook's page lists what each message became, with the quotation's number.
        let log = try maria.get("/admin/automation/hooks/\(id)")
        let number = try session.sql("SELECT number FROM quotations WHERE customer_id = \(customer)")
        #expect(log.text.contains("<code>msg_lead_1</code>") && log.text.contains(number))
        #expect(log.text.contains("no quotation (no date)"))

        // Off: the URL answers 404. A new address: the old one stays dead, the new one works.
        #expect(try maria.post("/admin/automation/hooks/\(id)/active", [("active", "0")]).status == 303)
        #expect(try Self.post(session, hook, id: "msg_e", json: lead).status == 404)
        #expect(try maria.post("/admin/automation/hooks/\(id)/active", [("active", "1")]).status == 303)
        let renewed = try maria.post("/admin/automation/hooks/\(id)/renew", [])
        let fresh = try Self.credentials(renewed.text)
        #expect(fresh.path != hook.path && fresh.secret != hook.secret)
        #expect(try Self.post(session, hook, id: "msg_f", json: lead).status == 404)
        #expect(try Self.post(session, fresh, id: "msg_f", json: lead).status == 202)

        // The warehouse cannot see or make hooks; removing one keeps the events it wrote.
        let lager = try session.browser(signedInAs: "lager@eventgaraget.se")
        #expect(try lager.get("/admin/automation/hooks/new").status == 403)
        #expect(try maria.post("/admin/automation/hooks/\(id)/remove", []).status == 303)
        #expect(try session.sql("SELECT count(*) FROM incoming_hooks") == "0")
        #expect(try session.sql("SELECT count(*) FROM events WHERE type = 'hook.received'") == "3")
        #expect(try Self.post(session, fresh, id: "msg_g", json: lead).status == 404)
    }

    /// A plain event hook: the message becomes a `hook.received` event a trigger can act on.
    @Test func anEventHookTurnsTheMessageIntoAnEventOnly() throws {
        let session = try AdminSession()
        defer { session.stack.shutdown() }
        #expect(try session.admin.get("/admin/automation/hooks/new").status == 200)
        let created = try session.admin.post(
            "/admin/automation/hooks", [("name", "CRM"), ("kind", "event"), ("path_email", "email")])
        #expect(created.status == 200)
        let hook = try Self.credentials(created.text)
        let customers = try session.sql("SELECT count(*) FROM customers")
        let result = try Self.post(session, hook, id: "crm-1", json: #"{"deal": "won", "email": "x@example.se"}"#)
        #expect(result.status == 202 && !result.text.contains("customer_id"))
        #expect(try session.sql("SELECT count(*) FROM customers") == customers)
        #expect(
            try session.sql(
                "SELECT payload->'details'->'hook'->>'name' || '|' || (payload->'details'->'data'->>'deal') FROM events WHERE type = 'hook.received'"
            ) == "CRM|won")
    }
}

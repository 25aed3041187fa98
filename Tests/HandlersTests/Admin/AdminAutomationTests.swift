import Foundation
import TestSupport
import Testing

/// The automation pages in process (the real responder) with a real PostgreSQL: a manager makes a
/// webhook (its secret shown once), sees the events the demo wrote, disables and enables the
/// endpoint, sends an event again, and replays a job that gave up.
@Suite("Admin: automation", .serialized)
struct AdminAutomationTests {
    @Test func aManagerAddsAWebhookSeesEventsAndReplaysADeadJob() throws {
        let session = try AdminSession()
        defer { session.stack.shutdown() }
        let maria = try session.browser(signedInAs: "maria@eventgaraget.se")

        let overview = try maria.get("/admin/automation")
        #expect(overview.status == 200)
        #expect(overview.text.contains("Webhooks") && overview.text.contains("No webhooks yet."))
        // The demo's quotations and bookings wrote events.
        #expect(overview.text.contains("<code>quotation.signed</code>"))
        let signedOnly = try maria.get("/admin/automation?type=booking.created")
        #expect(signedOnly.text.contains("<code>booking.created</code>"))
        #expect(!signedOnly.text.contains("<code>quotation.signed</code>"))

        // Bad input: 400 with the reason next to the field, nothing stored.
        let badURL = try maria.post(
            "/admin/automation/webhooks", [("url", "ftp://example.se"), ("events", ""), ("description", "")])
        #expect(badURL.status == 400)
        #expect(badURL.text.contains("Enter an http or https address with a host name."))
        let badType = try maria.post(
            "/admin/automation/webhooks",
            [("url", "https://crm.example.se/hook"), ("events", "quotation.signed, kund.skapad"), ("description", "")])
        #expect(badType.status == 400)
        #expect(badType.text.contains("Unknown event types: kund.skapad"))
        #expect(try session.sql("SELECT count(*) FROM webhook_endpoints") == "0")

        let created = try maria.post(
            "/admin/automation/webhooks",
            [
                ("url", "https://crm.example.se/hook"), ("events", "quotation.signed,booking.cancelled"),
                ("description", "CRM"),
            ])
        #expect(created.status == 200)
        let secret = try #require(created.text.range(of: #"whsec_[A-Za-z0-9+/=]+"#, options: .regularExpression))
        #expect(try session.sql("SELECT secret FROM webhook_endpoints") == String(created.text[secret]))
        #expect(created.text.contains("it is shown only once"))
        let id = try session.sql("SELECT id FROM webhook_endpoints")
        #expect(
            try session.sql(
                "SELECT count(*) FROM audit_log WHERE entity_type = 'webhook_endpoint' AND action = 'created'") == "1")
        // The secret is not shown again.
        let detail = try maria.get("/admin/automation/webhooks/\(id)")
        #expect(detail.status == 200 && !detail.text.contains("whsec_"))
        #expect(detail.text.contains("quotation.signed, booking.cancelled"))

        // Disable, enable.
        #expect(try maria.post("/admin/automation/webhooks/\(id)/active", [("active", "0")]).status == 303)
        #expect(try session.sql("SELECT active FROM webhook_endpoints") == "f")
        #expect(try maria.post("/admin/automation/webhooks/\(id)/active", [("active", "1")]).status == 303)
        #expect(try session.sql("SELECT active FROM webhook_endpoints") == "t")

        // Send a past event again: a delivery job for it.
        let event = try session.sql("SELECT max(id) FROM events WHERE type = 'quotation.signed'")
        #expect(try maria.post("/admin/automation/webhooks/\(id)/events/\(event)/redeliver", []).status == 303)
        #expect(
            try session.sql(
                "SELECT count(*) FROM jobs WHERE kind = 'webhook.deliver' AND payload->>'event_id' = '\(event)'") == "1"
        )
        #expect(try maria.post("/admin/automation/webhooks/\(id)/events/999999/redeliver", []).status == 404)

        // A job that gave up: listed, and run again with fresh attempts.
        let dead =
            try session.sql(
                """
                INSERT INTO jobs (kind, payload, state, attempts, max_attempts, last_error)
                VALUES ('email.team_declined', '{"quotation_id": 1, "quotation_version_id": 1, "decline_id": 1}', 'dead', 10, 10,
                        'SMTP 451 try later') RETURNING id
                """
            ).split(separator: "\n").first.map(String.init) ?? ""
        let listed = try maria.get("/admin/automation")
        #expect(listed.text.contains("SMTP 451 try later"))
        let replayed = try maria.post("/admin/automation/jobs/\(dead)/replay", [])
        #expect(replayed.status == 200 && replayed.text.contains("1 job runs again."))
        #expect(try session.sql("SELECT state || ':' || attempts FROM jobs WHERE id = \(dead)") == "queued:0")
        #expect(try maria.post("/admin/automation/jobs/\(dead)/replay", []).status == 409)
        #expect(try maria.post("/admin/automation/jobs/replay", [("kind", "no.such.kind")]).status == 400)

        // Remove.
        #expect(try maria.post("/admin/automation/webhooks/\(id)/remove", []).status == 303)
        #expect(try session.sql("SELECT count(*) FROM webhook_endpoints") == "0")
        #expect(try maria.get("/admin/automation/webhooks/\(id)").status == 404)

        // The warehouse has no business here.
        let lager = try session.browser(signedInAs: "lager@eventgaraget.se")
        #expect(try lager.get("/admin/automation").status == 403)
    }

    /// Every email the worker sends is on the pages of what it is about: the quotation (its link),
    /// the booking (its confirmation), and the customer (all of theirs); one that failed says why.
    @Test func emailsAreListedOnTheQuotationBookingAndCustomerPages() throws {
        let session = try AdminSession()
        defer { session.stack.shutdown() }
        let mail = session.stack.directory + "/mail"
        var env = session.stack.environment
        env["EG_MAIL_DIR"] = mail
        let worker = try WorkerProcess(environment: env)
        try waitUntil(timeout: 60) {
            (try? session.sql("SELECT count(*) FROM jobs WHERE kind LIKE 'email.%' AND state IN ('queued', 'running')"))
                == "0"
        }
        worker.stop()
        let wedding = try session.sql("SELECT id FROM quotations WHERE title = 'Bröllop på Särö'")
        let customer = try session.sql("SELECT customer_id FROM quotations WHERE id = \(wedding)")
        let email = try session.sql("SELECT email FROM customers WHERE id = \(customer)")
        let quotation = try session.admin.get("/admin/quotations/\(wedding)")
        #expect(quotation.text.contains("id=\"emails\""))
        #expect(quotation.text.contains("<td>\(email)</td>"))
        #expect(quotation.text.contains("Skickat") || quotation.text.contains("Sent"))

        let booking = try session.sql("SELECT min(id) FROM bookings")
        let bookingCustomer = try session.sql(
            "SELECT c.email FROM bookings b JOIN customers c ON c.id = b.customer_id WHERE b.id = \(booking)")
        let bookingPage = try session.admin.get("/admin/bookings/\(booking)")
        #expect(bookingPage.text.contains("id=\"emails\"") && bookingPage.text.contains("<td>\(bookingCustomer)</td>"))

        // A message the mailer refused: the event says so, with the reason, on the customer's page.
        _ = try session.sql(
            """
            SELECT emit_event('email.failed', 'quotation', \(wedding), 'worker', NULL,
                              jsonb_build_object('to', 'fel@adress', 'subject', 'Offert', 'job_kind', 'email.signing_link',
                                                 'error', '550 mailbox unavailable'))
            """)
        let customerPage = try session.admin.get("/admin/customers/\(customer)")
        #expect(customerPage.text.contains("<td>\(email)</td>"))
        #expect(customerPage.text.contains("550 mailbox unavailable"))

        // "Send again": the booking's confirmation goes out once more, with its own Message-ID,
        // and the page it was pressed on says so; a signing link's email offers no such button.
        let confirmation = try session.sql(
            """
            SELECT id FROM events WHERE type = 'email.sent' AND entity_type = 'booking' AND entity_id = \(booking)
               AND payload->'details'->>'job_kind' = 'email.signed'
            """)
        #expect(bookingPage.text.contains("/admin/automation/emails/\(confirmation)/resend"))
        #expect(bookingPage.text.contains(">Skicka igen<") || bookingPage.text.contains(">Send again<"))
        let linkEmail = try session.sql(
            "SELECT min(id) FROM events WHERE type = 'email.sent' AND payload->'details'->>'job_kind' = 'email.signing_link'"
        )
        #expect(!quotation.text.contains("/admin/automation/emails/\(linkEmail)/resend"))
        let sentBefore = try session.sql(
            "SELECT count(*) FROM events WHERE type = 'email.sent' AND entity_type = 'booking' AND entity_id = \(booking)"
        )
        let resent = try session.admin.post(
            "/admin/automation/emails/\(confirmation)/resend", [("back", "/admin/customers/\(customer)")])
        #expect(resent.status == 303 && resent.header("location") == "/admin/customers/\(customer)")
        #expect(
            try session.sql(
                "SELECT count(*) FROM audit_log WHERE action = 'email_resent' AND entity_type = 'booking' AND entity_id = \(booking)"
            ) == "1")
        let again = try WorkerProcess(environment: env)
        try waitUntil(timeout: 60) {
            (try? session.sql(
                "SELECT count(*) FROM events WHERE type = 'email.sent' AND entity_type = 'booking' AND entity_id = \(booking)"
            ))
                == String((Int(sentBefore) ?? 0) + 1)
        }
        again.stop()
        #expect(
            try session.sql(
                """
                SELECT count(DISTINCT payload->'details'->>'message_id') FROM events
                 WHERE type = 'email.sent' AND entity_type = 'booking' AND entity_id = \(booking)
                   AND payload->'details'->>'job_kind' = 'email.signed'
                """) == "2")
        let shown = try session.admin.get("/admin/customers/\(customer)")
        #expect(
            shown.text.contains("The email is sent again in a moment.")
                || shown.text.contains("skickas igen om en liten stund"))
        // Refused: a signing link's email (409, with the reason), an unknown event (404), support staff (403).
        let link = try session.admin.post("/admin/automation/emails/\(linkEmail)/resend", [])
        #expect(link.status == 409)
        #expect(try session.admin.post("/admin/automation/emails/999999/resend", []).status == 404)
        let support = try session.browser(signedInAs: "support@eventgaraget.se")
        let supportView = try support.get("/admin/bookings/\(booking)")
        #expect(supportView.status == 200 && !supportView.text.contains("/resend\""), "no button they may not use")
        #expect(try support.post("/admin/automation/emails/\(confirmation)/resend", []).status == 403)
    }

    /// A page refreshing itself and the live stream are not the member at work: they leave the
    /// session's idle timer where it was; a page the member opens renews it.
    @Test func liveRefreshesDoNotKeepAnIdleSessionAlive() throws {
        let session = try AdminSession()
        defer { session.stack.shutdown() }
        let maria = try session.browser(signedInAs: "maria@eventgaraget.se")
        let user = try session.userID("maria@eventgaraget.se")
        func lastSeen() throws -> String {
            try session.sql(
                "SELECT (now() - last_seen_at > interval '1 hour')::text FROM sessions WHERE user_id = \(user) AND revoked_at IS NULL"
            )
        }
        _ = try session.sql("UPDATE sessions SET last_seen_at = now() - interval '2 hours' WHERE user_id = \(user)")
        let live = try maria.get("/admin/live")
        #expect(live.status == 200 && live.header("x-accel-redirect") == "/_live/staff")
        let refresh = try session.stack.client.request(
            "GET", "/admin",
            headers: [
                "X-EG-Live": "1", "Cookie": maria.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "),
            ],
            body: nil, contentType: nil)
        #expect(refresh.status == 200)
        #expect(try lastSeen() == "true", "still idle for two hours")
        #expect(try maria.get("/admin").status == 200)
        #expect(try lastSeen() == "false", "the member's own page view renews it")
    }
}

import Foundation
import TestSupport
import Testing

/// The inbox pages in process with a real PostgreSQL and the demo's conversations: the views and
/// their counts, a conversation opened (read), a reply queued with its attachment and threading,
/// the sender made a customer, the proposal accepted as a draft; bad input answers 4xx in the
/// user's language and stores nothing; Support answers but does not make quotations; the
/// warehouse sees no customer email.
@Suite("Admin: inbox", .serialized)
struct AdminInboxTests {
    static func conversation(_ session: AdminSession, from address: String) throws -> String {
        try session.sql("SELECT id FROM conversations WHERE party_address = '\(address)' ORDER BY id LIMIT 1")
    }

    @Test func theViewsListTheDemoConversationsWithTheirCounts() throws {
        let session = try AdminSession()
        defer { session.stack.shutdown() }
        let maria = try session.browser(signedInAs: "maria@eventgaraget.se")
        let open = try maria.get("/admin/inbox")
        #expect(open.status == 200)
        #expect(
            open.text.contains("Hyra tält till midsommar") && open.text.contains("Company summer party - quote request")
        )
        #expect(!open.text.contains("Tack för senast"), "a closed conversation is not open")
        #expect(open.text.contains("Closed (1)"), "\(open.text)")
        let closed = try maria.get("/admin/inbox?view=closed")
        #expect(closed.text.contains("Tack för senast"))
        // The conference inquiry is assigned to Support's Åke: his "mine", not Maria's.
        let ake = try session.browser(signedInAs: "support@eventgaraget.se")
        #expect(try ake.get("/admin/inbox?view=mine").text.contains("Company summer party"))
        #expect(!(try maria.get("/admin/inbox?view=mine").text.contains("Company summer party")))
        // Åsa's thread: her auto-reply is kept but does not count as unread or reopen anything.
        let asa = try Self.conversation(session, from: "asa.oberg@example.se")
        #expect(
            try session.sql(
                "SELECT string_agg(kind, ',' ORDER BY id) FROM mail_messages WHERE conversation_id = \(asa)")
                == "inquiry,staff,auto-reply,reply")
        // An unknown view is the default, not an error.
        #expect(try maria.get("/admin/inbox?view=nonsense").status == 200)
    }

    @Test func openingAConversationShowsTheEmailAndTheProposalAndMarksItRead() throws {
        let session = try AdminSession()
        defer { session.stack.shutdown() }
        let maria = try session.browser(signedInAs: "maria@eventgaraget.se")
        let id = try Self.conversation(session, from: "johanna.berg@example.net")
        #expect(
            try session.sql("SELECT count(*) FROM mail_messages WHERE conversation_id = \(id) AND read_at IS NULL")
                == "1")
        let page = try maria.get("/admin/inbox/\(id)")
        #expect(page.status == 200)
        #expect(page.text.contains("Proposed quotation") && page.text.contains("Björkvägen 12"))
        // The catalogue's words: "tält för 60 personer" is the tent that seats 60 or more.
        #expect(page.text.contains("<option value=\"product:"), "line choices")
        let tent = try session.sql("SELECT 'product:' || id FROM products WHERE sku = 'TALT-6x12'")
        #expect(page.text.contains("<option value=\"\(tent)\" selected>"), "\(page.text)")
        #expect(
            try session.sql("SELECT count(*) FROM mail_messages WHERE conversation_id = \(id) AND read_at IS NULL")
                == "0")
        #expect(try maria.get("/admin/inbox/999999").status == 404)
    }

    @Test func aReplyIsQueuedWithItsThreadingAndTheConversationWaits() throws {
        let session = try AdminSession()
        defer { session.stack.shutdown() }
        let maria = try session.browser(signedInAs: "maria@eventgaraget.se")
        let id = try Self.conversation(session, from: "johanna.berg@example.net")
        _ = try maria.get("/admin/inbox/\(id)")
        let before = try session.sql("SELECT count(*) FROM mail_messages")
        // Empty text: 400 with the reason in the user's language, nothing stored.
        let empty = try maria.postMultipart("/admin/inbox/\(id)/reply", fields: [("text", "  ")], file: nil)
        #expect(empty.status == 400 && empty.text.contains("Write a message."))
        #expect(try session.sql("SELECT count(*) FROM mail_messages") == before)

        let sent = try maria.postMultipart(
            "/admin/inbox/\(id)/reply", fields: [("text", "Hej Johanna!\n\nVi har tältet ledigt.")],
            file: (name: "files", filename: "ritning.pdf", type: "application/pdf", data: Data("%PDF-1.4 demo".utf8)))
        #expect(sent.status == 303, "\(sent.text)")
        let reply = try session.sql(
            """
            SELECT subject || '|' || to_addresses || '|' || array_to_string(in_reply_to, ',') || '|' || delivery || '|'
                   || (SELECT string_agg(filename, ',') FROM mail_attachments WHERE mail_message_id = m.id)
              FROM mail_messages m WHERE conversation_id = \(id) AND direction = 'out'
            """)
        #expect(
            reply
                == "Re: Hyra tält till midsommar|johanna.berg@example.net|demo-midsommar@example.net|queued|ritning.pdf"
        )
        #expect(try session.sql("SELECT state FROM conversations WHERE id = \(id)") == "waiting")
        #expect(
            try session.sql(
                "SELECT count(*) FROM jobs WHERE kind = 'email.conversation_reply' AND state = 'queued' AND (payload->>'conversation_id')::bigint = \(id)"
            ) == "1")
        #expect(
            try session.sql(
                "SELECT count(*) FROM audit_log WHERE entity_type = 'conversation' AND entity_id = \(id) AND action = 'replied'"
            )
                == "1")
        // The page shows it in the thread, queued, with its attachment as a download.
        #expect(try maria.get("/admin/inbox/\(id)").text.contains("data-state=\"queued\""))
        let file = try session.sql("SELECT id FROM mail_attachments WHERE filename = 'ritning.pdf'")
        let download = try maria.get("/admin/inbox/attachments/\(file)")
        #expect(download.status == 200 && download.body == Data("%PDF-1.4 demo".utf8))
        #expect(download.header("content-type") == "application/octet-stream")
        #expect(download.header("content-disposition")?.hasPrefix("attachment; filename=\"ritning.pdf\"") == true)
        // The customer's message exactly as it came.
        let received = try session.sql(
            "SELECT id FROM mail_messages WHERE conversation_id = \(id) AND direction = 'in'")
        let raw = try maria.get("/admin/inbox/messages/\(received)/raw")
        #expect(raw.status == 200 && raw.text.contains("Message-ID: <demo-midsommar@example.net>"))
        let lager = try session.browser(signedInAs: "lager@eventgaraget.se")
        #expect(try lager.get("/admin/inbox/attachments/\(file)").status == 403)
    }

    @Test func theSenderBecomesACustomerAndTheProposalADraft() throws {
        let session = try AdminSession()
        defer { session.stack.shutdown() }
        let maria = try session.browser(signedInAs: "maria@eventgaraget.se")
        let id = try Self.conversation(session, from: "johanna.berg@example.net")
        let message = try session.sql("SELECT id FROM mail_messages WHERE conversation_id = \(id) ORDER BY id LIMIT 1")
        _ = try maria.get("/admin/inbox/\(id)")
        let tent = try session.sql("SELECT 'product:' || id FROM products WHERE sku = 'TALT-6x12'")
        let chairs = try session.sql("SELECT 'product:' || id FROM products WHERE sku = 'STOL-VIT'")
        var fields: [(String, String)] = [
            ("message", message), ("lines", "3"), ("name", "Johanna Berg"), ("email", "johanna.berg@example.net"),
            ("phone", "070-234 56 78"), ("company", ""), ("organisationNumber", ""), ("start", "2027-06-25"),
            ("end", "2027-06-24"), ("line1", "Björkvägen 12"), ("postalCode", "443 38"), ("city", "Lerum"),
            ("line_0_item", tent), ("line_0_quantity", "1"), ("line_1_item", chairs), ("line_1_quantity", "0"),
        ]
        // A pickup before the delivery and a zero quantity: 400, each reason shown, nothing stored.
        let quotations = try session.sql("SELECT count(*) FROM quotations")
        let bad = try maria.post("/admin/inbox/\(id)/quotation", fields)
        #expect(bad.status == 400)
        #expect(bad.text.contains("pickup on or after delivery") && bad.text.contains("A quantity is a whole number"))
        #expect(try session.sql("SELECT count(*) FROM quotations") == quotations)

        fields[8] = ("end", "2027-06-28")
        fields[15] = ("line_1_quantity", "60")
        let accepted = try maria.post("/admin/inbox/\(id)/quotation", fields)
        #expect(accepted.status == 303, "\(accepted.text)")
        let quotation = try #require(accepted.header("location")?.split(separator: "/").last.map(String.init))
        #expect(
            try session.sql(
                """
                SELECT q.state || '|' || c.name || '|' || c.email || '|' || q.period_start || '|' || q.period_end || '|'
                       || q.delivery_city || '|' || (SELECT string_agg(l.quantity::text, ',' ORDER BY l.position)
                                                       FROM quotation_lines l WHERE l.quotation_id = q.id)
                  FROM quotations q JOIN customers c ON c.id = q.customer_id WHERE q.id = \(quotation)
                """) == "draft|Johanna Berg|johanna.berg@example.net|2027-06-25|2027-06-28|Lerum|1,60")
        #expect(try session.sql("SELECT quotation_id FROM conversations WHERE id = \(id)") == quotation)
        // The conversation now has a customer and links the draft; accepting twice is refused.
        let page = try maria.get("/admin/inbox/\(id)")
        #expect(page.text.contains("Became the draft") && !page.text.contains("id=\"make-customer\""))
        #expect(try maria.post("/admin/inbox/\(id)/quotation", fields).status == 409)
        // The customer's page lists the conversation.
        let customer = try session.sql("SELECT customer_id FROM conversations WHERE id = \(id)")
        #expect(try maria.get("/admin/customers/\(customer)").text.contains("Hyra tält till midsommar"))
    }

    @Test func aSenderWithoutACustomerIsMadeOneInAClick() throws {
        let session = try AdminSession()
        defer { session.stack.shutdown() }
        let ake = try session.browser(signedInAs: "support@eventgaraget.se")
        let id = try Self.conversation(session, from: "oliver.grant@nordiclogistics.example")
        let page = try ake.get("/admin/inbox/\(id)")
        #expect(page.text.contains("id=\"make-customer\""))
        // Support answers customers but does not make quotations: no accept button.
        #expect(!page.text.contains("Create draft quotation"))
        #expect(try ake.post("/admin/inbox/\(id)/customer", [("name", ""), ("company", "")]).status == 400)
        let made = try ake.post(
            "/admin/inbox/\(id)/customer",
            [("name", "Oliver Grant"), ("company", "Nordic Logistics AB"), ("phone", "")])
        #expect(made.status == 303)
        #expect(
            try session.sql(
                "SELECT c.kind || '|' || c.company_name || '|' || c.email FROM conversations v JOIN customers c ON c.id = v.customer_id WHERE v.id = \(id)"
            ) == "company|Nordic Logistics AB|oliver.grant@nordiclogistics.example")
        #expect(try ake.post("/admin/inbox/\(id)/quotation", [("message", "1")]).status == 403)
    }

    @Test func stateAndAssignmentAreAuditedAndTheWarehouseSeesNothing() throws {
        let session = try AdminSession()
        defer { session.stack.shutdown() }
        let maria = try session.browser(signedInAs: "maria@eventgaraget.se")
        let id = try Self.conversation(session, from: "johanna.berg@example.net")
        _ = try maria.get("/admin/inbox/\(id)")
        #expect(try maria.post("/admin/inbox/\(id)/state", [("state", "closed")]).status == 303)
        #expect(try maria.post("/admin/inbox/\(id)/state", [("state", "archived")]).status == 400)
        let user = try session.userID("maria@eventgaraget.se")
        #expect(try maria.post("/admin/inbox/\(id)/assign", [("user", user)]).status == 303)
        #expect(try maria.post("/admin/inbox/\(id)/assign", [("user", "abc")]).status == 400)
        #expect(
            try session.sql(
                "SELECT string_agg(action, ',' ORDER BY id) FROM audit_log WHERE entity_type = 'conversation' AND entity_id = \(id) AND actor_kind = 'user'"
            ) == "state_changed,assigned")
        #expect(try maria.get("/admin/inbox?view=mine").text.contains("Hyra tält till midsommar") == false, "closed")
        // A new message from Johanna opens it again (see the integration tests); the warehouse:
        let lager = try session.browser(signedInAs: "lager@eventgaraget.se")
        #expect(try lager.get("/admin/inbox").status == 403)
        #expect(try lager.get("/admin/inbox/\(id)").status == 403)
        #expect(!(try lager.get("/admin").text.contains("href=\"/admin/inbox\"")))
    }
}

import Foundation
import TestSupport
import Testing

/// The trigger pages in process: the built-ins listed, a definition refused with its reason, a
/// new trigger saved as versions (a stale save refused), and the tester on a real quotation,
/// which shows the conditions with their values and the email as it would be sent, and changes
/// nothing in the database.
@Suite("Admin: triggers and the tester", .serialized)
struct AdminTriggerTests {
    /// Every table's rows, hashed: what the tester must leave as it was. The staff session's
    /// last-seen time moves with every page view, so `sessions` is left out.
    static func snapshot(_ session: AdminSession) throws -> String {
        let tables = try session.sql(
            "SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'sessions'"
        )
        let parts = tables.split(separator: ",").map {
            "(SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM \($0) t)"
        }
        return try session.sql("SELECT md5(" + parts.joined(separator: " || ") + ")")
    }

    @Test func aManagerWritesATriggerTestsItOnARealQuotationAndNothingChanges() throws {
        let session = try AdminSession()
        defer { session.stack.shutdown() }
        let maria = try session.browser(signedInAs: "maria@eventgaraget.se")

        let list = try maria.get("/admin/automation/triggers")
        #expect(list.status == 200)
        #expect(list.text.contains("Påminnelse om signering") && list.text.contains("Offert utgången"))

        let bad = try maria.post(
            "/admin/automation/triggers",
            [
                ("version", "0"), ("name", "Stora affärer"), ("event_type", "quotation.signed"), ("active", "yes"),
                ("definition", #"{"actions": [{"type": "sms"}]}"#),
            ])
        #expect(bad.status == 400)
        #expect(bad.text.contains("The definition cannot be used: unknown action"))
        let badEvent = try maria.post(
            "/admin/automation/triggers",
            [
                ("version", "0"), ("name", "X"), ("event_type", "kund.skapad"),
                ("definition", #"{"actions": [{"type": "resend_link"}]}"#),
            ])
        #expect(badEvent.status == 400 && badEvent.text.contains("Choose an event from the list."))
        #expect(
            try session.sql("SELECT count(*) FROM triggers") == "10",
            "the built-ins (two for task reminders) and the demo's flow starter, nothing from the refused post")

        let definition = """
            {"conditions": {"all": [{"field": "object.state", "op": "equals", "value": "sent"},
                                    {"field": "object.total_ore", "op": "greater", "value": 1000000}]},
             "actions": [{"type": "email", "to": "customer", "subject": "Har du frågor om {{object.number}}?",
                          "body": "Hej {{object.customer.name}}!\\n\\nVi ser att {{object.title}} väntar på din signatur."},
                         {"type": "wait", "days": 2},
                         {"type": "webhook", "url": "https://crm.example.se/hooks"}]}
            """
        let created = try maria.post(
            "/admin/automation/triggers",
            [
                ("version", "0"), ("name", "Stora offerter"), ("event_type", "quotation.sent"), ("active", "yes"),
                ("definition", definition),
            ])
        #expect(created.status == 303)
        let id = try session.sql("SELECT id FROM triggers WHERE name = 'Stora offerter'")
        #expect(try session.sql("SELECT count(*) FROM trigger_versions WHERE trigger_id = \(id)") == "1")

        // A second save makes version 2; a save based on version 1 is refused.
        let saved = try maria.post(
            "/admin/automation/triggers/\(id)",
            [
                ("version", "1"), ("name", "Stora offerter"), ("event_type", "quotation.sent"), ("active", "yes"),
                ("definition", definition),
            ])
        #expect(saved.status == 303)
        let stale = try maria.post(
            "/admin/automation/triggers/\(id)",
            [("version", "1"), ("name", "Gammal"), ("event_type", "quotation.sent"), ("definition", definition)])
        #expect(stale.status == 409 && stale.text.contains("Someone else saved a new version meanwhile."))
        #expect(try session.sql("SELECT current_version || name FROM triggers WHERE id = \(id)") == "2Stora offerter")

        // The tester on the demo's sent wedding quotation: conditions with values, the email as it would be.
        let wedding = try session.sql("SELECT id FROM quotations WHERE title = 'Bröllop på Särö'")
        let customerEmail = try session.sql(
            "SELECT c.email FROM quotations q JOIN customers c ON c.id = q.customer_id WHERE q.id = \(wedding)")
        _ = try maria.get("/admin/automation/triggers/\(id)")
        let before = try Self.snapshot(session)
        let tested = try maria.post(
            "/admin/automation/triggers/\(id)/test",
            [("definition", definition), ("event_type", "quotation.sent"), ("entity_id", wedding)])
        #expect(tested.status == 200)
        #expect(tested.text.contains("The conditions hold: the actions would run."))
        #expect(tested.text.contains("<code>object.state</code> equals «sent» (sent) → ✓"))
        #expect(tested.text.contains("to \(customerEmail)"))
        #expect(tested.text.contains("Subject: Har du frågor om Q-"))
        #expect(tested.text.contains("väntar på din signatur."))
        #expect(tested.text.contains("then waits 2 day(s)"))
        #expect(tested.text.contains("POST https://crm.example.se/hooks"))
        #expect(try Self.snapshot(session) == before, "the tester changed nothing")

        let missing = try maria.post(
            "/admin/automation/triggers/\(id)/test",
            [("definition", definition), ("event_type", "quotation.sent"), ("entity_id", "999999")])
        #expect(missing.status == 404 && missing.text.contains("No such record."))
        let notNumber = try maria.post(
            "/admin/automation/triggers/\(id)/test",
            [("definition", definition), ("event_type", "quotation.sent"), ("entity_id", "abc")])
        #expect(notNumber.status == 400)

        #expect(try maria.post("/admin/automation/triggers/\(id)/duplicate", []).status == 303)
        #expect(try session.sql("SELECT active FROM triggers WHERE name = 'Stora offerter (kopia)'") == "f")
    }

    /// The condition builder without JavaScript: the stored conditions as rows, "+ Condition" and
    /// "+ Group" post the form and come back with the row (nothing saved), and "Save" stores the
    /// rows as the definition's conditions, refusing a row that cannot be used.
    @Test func conditionsAreBuiltRowByRowAndSavedAsTheDefinition() throws {
        let session = try AdminSession()
        defer { session.stack.shutdown() }
        let maria = try session.browser(signedInAs: "maria@eventgaraget.se")
        let id = try session.sql("SELECT id FROM triggers WHERE builtin = 'signing_reminder'")
        let page = try maria.get("/admin/automation/triggers/\(id)")
        #expect(page.status == 200 && page.text.contains("id=\"conditions\""))
        #expect(Page.value("c_field_0", in: page.text) == "details.audit_action")
        #expect(Page.selected("c_op_0", in: page.text) == "equals" && Page.value("c_value_0", in: page.text) == "sent")
        // The JSON below holds the actions (their checks included), not the top conditions.
        #expect(
            !(Page.textarea("definition", in: page.text) ?? "details.audit_action").contains("details.audit_action"))
        let version = try session.sql("SELECT current_version FROM triggers WHERE id = \(id)")
        let definition = Page.textarea("definition", in: page.text) ?? ""

        func form(
            _ rows: [(String, String, String, String, String)], builder: String? = nil, match: String = "all"
        )
            -> [(String, String)]
        {
            var fields: [(String, String)] = [
                ("version", version), ("name", "Påminnelse om signering"), ("event_type", "quotation.sent"),
                ("active", "yes"), ("definition", definition), ("c_match", match), ("c_count", String(rows.count)),
            ]
            for (index, row) in rows.enumerated() {
                fields += [
                    ("c_kind_\(index)", row.0), ("c_gmatch_\(index)", row.1), ("c_field_\(index)", row.2),
                    ("c_op_\(index)", row.3), ("c_value_\(index)", row.4),
                ]
            }
            if let builder { fields.append(("builder", builder)) }
            return fields
        }
        let current = [("compare", "", "details.audit_action", "equals", "sent")]
        // "+ Group", then "+ Condition" inside it: each comes back with the row, unsaved.
        let grouped = try maria.post("/admin/automation/triggers/\(id)", form(current, builder: "group:top"))
        #expect(grouped.status == 200 && Page.value("c_kind_1", in: grouped.text) == "open")
        #expect(Page.value("c_kind_2", in: grouped.text) == "close")
        let inside = try maria.post(
            "/admin/automation/triggers/\(id)",
            form(current + [("open", "any", "", "", ""), ("close", "", "", "", "")], builder: "add:1"))
        #expect(inside.status == 200 && Page.value("c_kind_2", in: inside.text) == "compare")
        #expect(try session.sql("SELECT current_version FROM triggers WHERE id = \(id)") == version, "nothing saved")

        // A number comparison with a word: refused next to the builder, nothing saved.
        let rows =
            current + [
                ("open", "any", "", "", ""), ("compare", "", "object.total_ore", "greater", "mycket"),
                ("compare", "", "object.customer.kind", "equals", "company"), ("close", "", "", "", ""),
            ]
        let refused = try maria.post("/admin/automation/triggers/\(id)", form(rows) + [("save", "1")])
        #expect(refused.status == 400 && refused.text.contains("condition 3 compares with a number"))
        #expect(try session.sql("SELECT current_version FROM triggers WHERE id = \(id)") == version)

        var fixed = rows
        fixed[2].4 = "50000"
        let saved = try maria.post("/admin/automation/triggers/\(id)", form(fixed) + [("save", "1")])
        #expect(saved.status == 303)
        let stored = try session.sql(
            "SELECT v.definition->'conditions' FROM trigger_versions v JOIN triggers t ON t.id = v.trigger_id AND v.version = t.current_version WHERE t.id = \(id)"
        )
        #expect(
            stored.contains("\"any\": [{\"op\": \"greater\", \"field\": \"object.total_ore\", \"value\": 50000}"),
            "\(stored)")
        #expect(stored.contains("\"field\": \"details.audit_action\""))
        // The actions are as they were.
        #expect(
            try session.sql(
                "SELECT jsonb_array_length(v.definition->'actions') FROM trigger_versions v JOIN triggers t ON t.id = v.trigger_id AND v.version = t.current_version WHERE t.id = \(id)"
            )
                == "6")
    }

    /// The run log filtered by status, trigger, the days the runs started (Stockholm) and the
    /// record; a filter that does not parse is left out, never an error.
    @Test func theRunLogIsFilteredByStatusTriggerDayAndRecord() throws {
        let session = try AdminSession()
        defer { session.stack.shutdown() }
        let reminder = try session.sql("SELECT id FROM triggers WHERE builtin = 'signing_reminder'")
        let expired = try session.sql("SELECT id FROM triggers WHERE builtin = 'expired_notice'")
        let events = try session.sql(
            "SELECT string_agg(id::text, ',' ORDER BY id) FROM (SELECT id FROM events ORDER BY id LIMIT 2) e"
        )
        .split(separator: ",").map(String.init)
        #expect(events.count == 2)
        let runs = try session.sql(
            """
            INSERT INTO trigger_runs (trigger_id, version, event_id, entity_type, entity_id, status, started_at) VALUES
                (\(reminder), 1, \(events[0]), 'quotation', 7, 'failed', '2026-11-30 23:30+00'),
                (\(reminder), 1, \(events[1]), 'quotation', 8, 'succeeded', '2026-12-02 10:00+01'),
                (\(expired), 1, \(events[0]), 'booking', 12, 'succeeded', '2026-12-05 10:00+01')
            RETURNING id
            """
        ).split(separator: "\n").map(String.init)
        #expect(runs.count == 3)
        func shown(_ query: String) throws -> [String] {
            let page = try session.admin.get("/admin/automation/triggers" + query)
            #expect(page.status == 200)
            return runs.filter { page.text.contains("id=\"run-\($0)\"") }
        }
        #expect(try shown("") == runs)
        #expect(try shown("?status=failed") == [runs[0]])
        #expect(try shown("?trigger=\(expired)") == [runs[2]])
        #expect(try shown("?entity=quotation:8") == [runs[1]])
        // 23:30 UTC on 30 November is 1 December in Stockholm.
        #expect(try shown("?from=2026-12-01&to=2026-12-02") == [runs[0], runs[1]])
        #expect(try shown("?from=2026-12-03") == [runs[2]])
        #expect(try shown("?status=succeeded&trigger=\(reminder)") == [runs[1]])
        // Nonsense is ignored: the whole log.
        #expect(try shown("?from=2026-02-31&entity=users:1&status=crashed") == runs)
    }
}

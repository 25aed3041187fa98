import Foundation
import TestSupport
import Testing

/// Triggers with real processes: seed-demo's events run the built-in automations in the worker;
/// the clock is moved by moving due times (the durable waits are jobs with a later `run_at`).
@Suite("Triggers in the worker", .serialized)
struct TriggerTests {
    /// A migrated database with the demo seeded, and a Maildir for the worker's emails.
    struct SeededDemo {
        let database: String
        let mail: String
        let env: [String: String]

        init(_ name: String) throws {
            let url = TemporaryPostgres.shared.createDatabase(named: name)
            database = databaseName(fromURL: url)
            mail = FileManager.default.temporaryDirectory.appendingPathComponent("eg-trig-\(UUID().uuidString)").path
            env = productEnvironment(["DATABASE_URL": url, "EG_MAIL_DIR": mail])
            guard try run(productBinary, ["migrate"], environment: env).status == 0,
                try run(productBinary, ["seed-demo"], environment: env).status == 0
            else { throw TestFailure("migrate or seed-demo failed") }
        }

        func sql(_ text: String) throws -> String {
            try TemporaryPostgres.shared.psql(text, database: database).trimmingCharacters(in: .whitespacesAndNewlines)
        }

        func remove() { try? FileManager.default.removeItem(atPath: mail) }
    }

    @Test func theSigningReminderWaitsChecksAndResendsAndTheExpiryNoticeReachesTheTeam() throws {
        let demo = try SeededDemo("triggers_builtin")
        defer { demo.remove() }
        let env = demo.env
        func sql(_ text: String) throws -> String { try demo.sql(text) }
        let wedding = try sql("SELECT id FROM quotations WHERE title = 'Bröllop på Särö'")
        let reminder = try sql("SELECT id FROM triggers WHERE builtin = 'signing_reminder'")

        // Every first send starts a reminder run, which waits three days.
        var worker = try WorkerProcess(environment: env)
        try waitUntil(timeout: 60) {
            (try? sql(
                "SELECT count(*) FROM jobs WHERE kind = 'trigger.run' AND state IN ('queued', 'running') AND run_at <= now()"
            )) == "0"
                && (try? sql("SELECT count(*) FROM trigger_runs WHERE trigger_id = \(reminder) AND status = 'waiting'"))
                    != "0"
        }
        worker.stop()
        let run =
            "SELECT status FROM trigger_runs r JOIN events e ON e.id = r.event_id WHERE r.trigger_id = \(reminder) AND e.entity_id = \(wedding) AND e.type = 'quotation.sent' AND e.depth = 0"
        #expect(try sql(run) == "waiting")
        #expect(
            try sql(
                "SELECT count(*) FROM signing_links l JOIN quotation_versions v ON v.id = l.quotation_version_id WHERE v.quotation_id = \(wedding)"
            ) == "1")

        // The expired demo quotation's notice went to the team address (the mailer's own event says so).
        let files = (try? FileManager.default.contentsOfDirectory(atPath: demo.mail + "/new")) ?? []
        #expect(
            try sql(
                """
                SELECT count(*) FROM events
                 WHERE type = 'email.sent' AND payload->'details'->>'job_kind' = 'trigger.run'
                   AND payload->'details'->>'to' = 'bokning@eventgaraget.se'
                   AND payload->'details'->>'subject' LIKE 'Offert Q-%har gått ut osignerad'
                """) == "1")

        // Three days later (the wait's job is due now): still unsigned, so a new link goes out;
        // the signed quotations' runs stop at the check.
        _ = try sql("UPDATE jobs SET run_at = now() WHERE kind = 'trigger.run' AND state = 'queued'")
        worker = try WorkerProcess(environment: env)
        try waitUntil(timeout: 60) {
            (try? sql(
                "SELECT count(*) FROM signing_links l JOIN quotation_versions v ON v.id = l.quotation_version_id WHERE v.quotation_id = \(wedding)"
            )) == "2"
                && (try? sql("SELECT count(*) FROM jobs WHERE kind = 'email.signing_link' AND state <> 'done'")) == "0"
        }
        usleep(1_000_000)
        worker.stop()
        #expect(try sql(run) == "waiting", "waiting for the second reminder")
        let steps = try sql(
            "SELECT string_agg(s->>'action' || ':' || (s->>'outcome'), ',') FROM trigger_runs r JOIN events e ON e.id = r.event_id, jsonb_array_elements(r.steps) s WHERE r.trigger_id = \(reminder) AND e.entity_id = \(wedding) AND e.type = 'quotation.sent' AND e.depth = 0"
        )
        #expect(steps == "conditions:met,wait:waiting,check:holds,resend_link:sent,wait:waiting", "\(steps)")
        // A signed quotation's reminder stopped at the check and succeeded without sending.
        #expect(
            try sql(
                "SELECT count(*) FROM trigger_runs WHERE trigger_id = \(reminder) AND status = 'succeeded' AND steps::text LIKE '%no longer holds%'"
            ) != "0")
        // The resend's own quotation.sent event ran the reminder too, one level deeper: skipped
        // by its conditions (a resend starts no reminder), so nothing loops.
        #expect(
            try sql(
                "SELECT count(*) FROM events WHERE entity_id = \(wedding) AND type = 'quotation.sent' AND depth = 1")
                == "1")
        #expect(
            try sql(
                "SELECT status FROM trigger_runs r JOIN events e ON e.id = r.event_id WHERE e.entity_id = \(wedding) AND e.depth = 1 AND r.trigger_id = \(reminder)"
            ) == "skipped")
        // The customer got the new link.
        let after = (try? FileManager.default.contentsOfDirectory(atPath: demo.mail + "/new")) ?? []
        #expect(after.count > files.count)
    }

    /// The day-before schedule: tomorrow's deliveries and pickups become events once each, and the
    /// built-in triggers email the warehouse staff.
    @Test func tomorrowsDeliveriesAndPickupsReachTheWarehouseOnce() throws {
        let demo = try SeededDemo("triggers_tomorrow")
        defer { demo.remove() }
        let env = demo.env
        func sql(_ text: String) throws -> String { try demo.sql(text) }
        // The built-ins wait for working hours (07–18 Stockholm); this test may run at night, so
        // their current version drops the window (a new version, as the page would save it).
        _ = try sql(
            """
            INSERT INTO trigger_versions (trigger_id, version, definition)
            SELECT t.id, 2, v.definition - 'window' FROM triggers t
              JOIN trigger_versions v ON v.trigger_id = t.id AND v.version = 1
             WHERE t.builtin IN ('delivery_reminder', 'pickup_reminder');
            UPDATE triggers SET current_version = 2 WHERE builtin IN ('delivery_reminder', 'pickup_reminder');
            """)
        let tomorrow = "(now() AT TIME ZONE 'Europe/Stockholm')::date + 1"
        let deliveries = try sql(
            "SELECT count(*) FROM bookings WHERE state IN ('confirmed', 'packed') AND period_start = \(tomorrow)")
        let pickups = try sql("SELECT count(*) FROM bookings WHERE state = 'delivered' AND period_end = \(tomorrow)")
        #expect(Int(deliveries)! + Int(pickups)! > 0, "the demo month has deliveries or pickups tomorrow")
        let warehouse = try sql("SELECT count(*) FROM users WHERE role = 'warehouse' AND active")
        let expected = String((Int(deliveries)! + Int(pickups)!) * Int(warehouse)!)
        let sent = """
            SELECT count(*) FROM events WHERE type = 'email.sent' AND payload->'details'->>'job_kind' = 'trigger.run'
               AND payload->'details'->>'to' = 'lager@eventgaraget.se'
               AND (payload->'details'->>'subject' LIKE 'Leverans i morgon:%' OR payload->'details'->>'subject' LIKE 'Hämtning i morgon:%')
            """
        var worker = try WorkerProcess(environment: env)
        try waitUntil(timeout: 60) { (try? sql(sent)) == expected }
        worker.stop()
        #expect(try sql("SELECT count(*) FROM events WHERE type = 'booking.delivery_tomorrow'") == deliveries)
        #expect(try sql("SELECT count(*) FROM events WHERE type = 'booking.pickup_tomorrow'") == pickups)
        // The schedule runs again: nothing new.
        _ = try sql("UPDATE schedules SET next_run_at = now()")
        worker = try WorkerProcess(environment: env)
        try waitUntil(timeout: 30) {
            (try? sql("SELECT count(*) FROM jobs WHERE kind = 'schedule.run' AND state <> 'done'")) == "0"
                && (try? sql(
                    "SELECT count(*) = 2 * (SELECT count(*) FROM schedules) FROM jobs WHERE kind = 'schedule.run'"))
                    == "t"
        }
        worker.stop()
        #expect(try sql(sent) == expected)
        #expect(try sql("SELECT count(*) FROM events WHERE type = 'booking.delivery_tomorrow'") == deliveries)
    }

    /// `set_state` moves a booking through the same use case as its page: a move the workflow
    /// allows happens (with its audit row, by the system), one it does not is a step that says so.
    @Test func setStateMovesABookingOnlyWhereTheWorkflowAllows() throws {
        let demo = try SeededDemo("triggers_set_state")
        defer { demo.remove() }
        let env = demo.env
        func sql(_ text: String) throws -> String { try demo.sql(text) }
        func trigger(_ name: String, when state: String, then target: String) throws -> String {
            try sql(
                """
                WITH t AS (
                    INSERT INTO triggers (name, event_type, secret, active)
                    VALUES ('\(name)', 'booking.status_changed', 'whsec_' || encode(decode(md5(random()::text) || md5(random()::text), 'hex'), 'base64'), true)
                    RETURNING id),
                v AS (
                    INSERT INTO trigger_versions (trigger_id, version, definition)
                    SELECT id, 1, '{"conditions": {"all": [{"field": "object.state", "op": "equals", "value": "\(state)"}]},
                                    "actions": [{"type": "set_state", "state": "\(target)"}]}'::jsonb FROM t)
                SELECT id FROM t
                """
            ).split(separator: "\n").first.map(String.init) ?? ""
        }
        let deliver = try trigger("Packad blir levererad", when: "packed", then: "delivered")
        let close = try trigger("Levererad stängs", when: "delivered", then: "closed")
        // The demo's own automations have run; only the new triggers' runs matter below.
        var worker = try WorkerProcess(environment: env)
        try waitUntil(timeout: 60) {
            (try? sql("SELECT count(*) FROM jobs WHERE state IN ('queued', 'running') AND run_at <= now()")) == "0"
        }
        worker.stop()
        let booking = try sql("SELECT min(id) FROM bookings WHERE state = 'confirmed'")
        // Packed, as the page's "Packed" button writes it: the state and its audit row.
        _ = try sql(
            """
            WITH b AS (UPDATE bookings SET state = 'packed' WHERE id = \(booking) RETURNING id)
            INSERT INTO audit_log (actor_kind, entity_type, entity_id, action, before, after)
            SELECT 'system', 'booking', id, 'state_changed', '{"state": "confirmed"}', '{"state": "packed"}' FROM b
            """)
        worker = try WorkerProcess(environment: env)
        try waitUntil(timeout: 60) {
            (try? sql("SELECT count(*) FROM trigger_runs WHERE trigger_id = \(close) AND status = 'succeeded'")) == "1"
        }
        worker.stop()
        #expect(try sql("SELECT state FROM bookings WHERE id = \(booking)") == "delivered")
        #expect(
            try sql(
                """
                SELECT actor_kind || ':' || (after->>'state') FROM audit_log
                 WHERE entity_type = 'booking' AND entity_id = \(booking) AND action = 'state_changed' ORDER BY id DESC LIMIT 1
                """) == "system:delivered")
        #expect(
            try sql(
                "SELECT steps->-1->>'outcome' || ' ' || (steps->-1->>'detail') FROM trigger_runs WHERE trigger_id = \(deliver) AND status = 'succeeded'"
            )
                == "moved packed → delivered")
        let refused = try sql(
            "SELECT status || ' ' || (steps->-1->>'outcome') || ' ' || (steps->-1->>'detail') FROM trigger_runs WHERE trigger_id = \(close) AND status = 'succeeded'"
        )
        #expect(refused.hasPrefix("succeeded not moved delivered → closed"), "\(refused)")
    }

    /// `start_flow`: the demo's trigger, turned on, starts "Eventförberedelse" on a new booking in the
    /// worker — the run on its first level with that level's task — and a second event for the same
    /// booking starts nothing more (the run log says why).
    @Test func startFlowStartsTheFlowOnceOnANewBooking() throws {
        let demo = try SeededDemo("triggers_start_flow")
        defer { demo.remove() }
        func sql(_ text: String) throws -> String { try demo.sql(text) }
        let trigger = try sql("SELECT id FROM triggers WHERE name = 'Starta Eventförberedelse för nya bokningar'")
        let shippedActive = try sql("SELECT active FROM triggers WHERE id = \(trigger)")
        #expect(!trigger.isEmpty && shippedActive == "f", "shipped off")
        var worker = try WorkerProcess(environment: demo.env)
        try waitUntil(timeout: 60) {
            (try? sql("SELECT count(*) FROM jobs WHERE state IN ('queued', 'running') AND run_at <= now()")) == "0"
        }
        worker.stop()
        _ = try sql("UPDATE triggers SET active = true WHERE id = \(trigger)")
        let booking = try sql(
            "SELECT min(b.id) FROM bookings b WHERE b.state = 'confirmed' AND NOT EXISTS (SELECT 1 FROM flow_runs r WHERE r.booking_id = b.id)"
        )
        let created =
            "INSERT INTO audit_log (actor_kind, entity_type, entity_id, action, after) VALUES ('system', 'booking', \(booking), 'created', '{}')"
        _ = try sql(created)
        _ = try sql(created)
        worker = try WorkerProcess(environment: demo.env)
        try waitUntil(timeout: 60) {
            (try? sql(
                "SELECT count(*) FROM trigger_runs WHERE trigger_id = \(trigger) AND status IN ('succeeded', 'failed')"))
                == "2"
        }
        worker.stop()
        #expect(
            try sql(
                "SELECT string_agg(steps->-1->>'outcome', ',' ORDER BY id) FROM trigger_runs WHERE trigger_id = \(trigger)"
            )
                == "started,not started")
        let run = try sql(
            "SELECT id || ':' || current_level || ':' || started_by_trigger FROM flow_runs WHERE booking_id = \(booking)"
        )
        #expect(run.hasSuffix(":platsbesok:\(trigger)"), "\(run)")
        let runID = String(run.prefix { $0 != ":" })
        #expect(try sql("SELECT count(*) FROM tasks WHERE flow_run_id = \(runID) AND state = 'open'") == "1")
        #expect(try sql("SELECT count(*) FROM events WHERE type = 'flow.started' AND entity_id = \(runID)") == "1")
    }
}

import Foundation
import TestSupport
import Testing

/// A trigger condition on a custom field, with the real worker: the booking's events carry its
/// quotation's custom values (`object.custom.<key>`), so "booking packed where the ground is
/// grass" acts on the grass booking and leaves the asphalt one alone.
@Suite("Triggers on custom fields", .serialized)
struct CustomFieldTriggerTests {
    @Test func aConditionOnACustomFieldChoosesTheBookingItActsOn() throws {
        let demo = try TriggerTests.SeededDemo("triggers_custom_fields")
        defer { demo.remove() }
        func sql(_ text: String) throws -> String { try demo.sql(text) }
        _ = try sql(
            """
            INSERT INTO custom_field_definitions (entity, key, kind, label, options, filterable)
            VALUES ('quotation', 'underlag_test', 'choice', 'Underlag', '["gräs", "asfalt"]', true)
            ON CONFLICT DO NOTHING
            """)
        let trigger =
            try sql(
                """
                WITH t AS (
                    INSERT INTO triggers (name, event_type, secret, active)
                    VALUES ('Packat på gräs levereras', 'booking.status_changed', 'whsec_' || encode(decode(md5(random()::text) || md5(random()::text), 'hex'), 'base64'), true)
                    RETURNING id),
                v AS (
                    INSERT INTO trigger_versions (trigger_id, version, definition)
                    SELECT id, 1, '{"conditions": {"all": [{"field": "object.state", "op": "equals", "value": "packed"},
                                                            {"field": "object.custom.underlag_test", "op": "equals", "value": "gräs"}]},
                                    "actions": [{"type": "set_state", "state": "delivered"}]}'::jsonb FROM t)
                SELECT id FROM t
                """
            ).split(separator: "\n").first.map(String.init) ?? ""
        var worker = try WorkerProcess(environment: demo.env)
        try waitUntil(timeout: 60) {
            (try? sql("SELECT count(*) FROM jobs WHERE state IN ('queued', 'running') AND run_at <= now()")) == "0"
        }
        worker.stop()
        let ids = try sql("SELECT id FROM bookings WHERE state = 'confirmed' ORDER BY id LIMIT 2").split(
            separator: "\n"
        )
        .map { $0.trimmingCharacters(in: .whitespaces) }
        try #require(ids.count == 2)
        let (grass, asphalt) = (ids[0], ids[1])
        _ = try sql(
            """
            UPDATE quotations SET custom = custom || '{"underlag_test": "gräs"}'
             WHERE id = (SELECT quotation_id FROM bookings WHERE id = \(grass));
            UPDATE quotations SET custom = custom || '{"underlag_test": "asfalt"}'
             WHERE id = (SELECT quotation_id FROM bookings WHERE id = \(asphalt));
            """)
        for booking in [grass, asphalt] {
            _ = try sql(
                """
                WITH b AS (UPDATE bookings SET state = 'packed' WHERE id = \(booking) RETURNING id)
                INSERT INTO audit_log (actor_kind, entity_type, entity_id, action, before, after)
                SELECT 'system', 'booking', id, 'state_changed', '{"state": "confirmed"}', '{"state": "packed"}' FROM b
                """)
        }
        #expect(
            try sql(
                "SELECT string_agg(payload->'object'->'custom'->>'underlag_test', ',' ORDER BY entity_id) FROM events WHERE type = 'booking.status_changed' AND entity_id IN (\(grass), \(asphalt)) AND payload->'object'->>'state' = 'packed'"
            ) == "gräs,asfalt")
        worker = try WorkerProcess(environment: demo.env)
        try waitUntil(timeout: 60) {
            (try? sql("SELECT count(*) FROM trigger_runs WHERE trigger_id = \(trigger) AND status = 'succeeded'"))
                == "1"
                && (try? sql("SELECT count(*) FROM jobs WHERE state IN ('queued', 'running') AND run_at <= now()"))
                    == "0"
        }
        worker.stop()
        #expect(try sql("SELECT state FROM bookings WHERE id = \(grass)") == "delivered")
        #expect(try sql("SELECT state FROM bookings WHERE id = \(asphalt)") == "packed")
    }
}

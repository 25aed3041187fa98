-- Delivery and pickup reminders (issue 11): a schedule writes `booking.delivery_tomorrow` for each
-- confirmed or packed booking that starts tomorrow (Stockholm date) and `booking.pickup_tomorrow`
-- for each delivered booking that ends tomorrow, once per booking and date; built-in triggers
-- email the warehouse staff within working hours.
INSERT INTO schedules (name, every_seconds) VALUES ('bookings.tomorrow', 900);

CREATE FUNCTION emit_day_before_events() RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    tomorrow date := (now() AT TIME ZONE 'Europe/Stockholm')::date + 1;
    written integer := 0;
    b record;
BEGIN
    FOR b IN
        SELECT id, 'booking.delivery_tomorrow' AS type FROM bookings
         WHERE state IN ('confirmed', 'packed') AND period_start = tomorrow
        UNION ALL
        SELECT id, 'booking.pickup_tomorrow' FROM bookings WHERE state = 'delivered' AND period_end = tomorrow
        ORDER BY 1, 2
    LOOP
        IF NOT EXISTS (SELECT FROM events e
                        WHERE e.type = b.type AND e.entity_type = 'booking' AND e.entity_id = b.id
                          AND e.payload -> 'details' ->> 'date' = tomorrow::text) THEN
            PERFORM emit_event(b.type, 'booking', b.id, 'system', NULL, jsonb_build_object('date', tomorrow::text));
            written := written + 1;
        END IF;
    END LOOP;
    RETURN written;
END
$$;

INSERT INTO triggers (name, event_type, builtin, secret, active) VALUES
    ('Leverans i morgon – lagret', 'booking.delivery_tomorrow', 'delivery_reminder',
     'whsec_' || encode(decode(md5(random()::text) || md5(random()::text), 'hex'), 'base64'), true),
    ('Hämtning i morgon – lagret', 'booking.pickup_tomorrow', 'pickup_reminder',
     'whsec_' || encode(decode(md5(random()::text) || md5(random()::text), 'hex'), 'base64'), true);

INSERT INTO trigger_versions (trigger_id, version, definition)
SELECT id, 1, CASE builtin
    WHEN 'delivery_reminder' THEN $json${
        "window": {"weekdays": [1, 2, 3, 4, 5, 6, 7], "from": "07:00", "to": "18:00"},
        "actions": [
            {"type": "email", "to": "role:warehouse", "subject": "Leverans i morgon: {{object.number}} {{object.title}}",
             "body": "I morgon {{details.date}} levereras {{object.number}} till {{object.delivery_address.line1}}, {{object.delivery_address.postal_code}} {{object.delivery_address.city}}.\n\nKund: {{object.customer.name}} {{object.customer.phone}}\nStatus nu: {{object.state}}"}
        ]
    }$json$::jsonb
    ELSE $json${
        "window": {"weekdays": [1, 2, 3, 4, 5, 6, 7], "from": "07:00", "to": "18:00"},
        "actions": [
            {"type": "email", "to": "role:warehouse", "subject": "Hämtning i morgon: {{object.number}} {{object.title}}",
             "body": "I morgon {{details.date}} hämtas {{object.number}} på {{object.delivery_address.line1}}, {{object.delivery_address.postal_code}} {{object.delivery_address.city}}.\n\nKund: {{object.customer.name}} {{object.customer.phone}}"}
        ]
    }$json$::jsonb
END
FROM triggers WHERE builtin IN ('delivery_reminder', 'pickup_reminder');

-- Retention: finished trigger runs and webhook delivery attempts older than the configured days
-- (EG_AUTOMATION_RETENTION_DAYS) are deleted once a day.
INSERT INTO schedules (name, every_seconds) VALUES ('automation.prune', 86400);

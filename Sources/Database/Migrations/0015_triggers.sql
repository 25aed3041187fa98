-- Triggers (issue 11): event type → conditions → ordered actions, managed from the Automation
-- pages. A definition is versioned (a change makes a new version; a run keeps the version it ran)
-- and is JSON checked by the program (Domain.TriggerDefinition) before it is stored.
CREATE TABLE triggers (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name            text NOT NULL CONSTRAINT triggers_name_check CHECK (btrim(name) <> '' AND char_length(name) <= 200),
    event_type      text NOT NULL CONSTRAINT triggers_event_type_check CHECK (event_type ~ '^[a-z_]+\.[a-z_]+$'),
    active          boolean NOT NULL DEFAULT true,
    current_version integer NOT NULL DEFAULT 1,
    builtin         text CONSTRAINT triggers_builtin_key UNIQUE,   -- shipped with the product (still editable)
    secret          text NOT NULL CONSTRAINT triggers_secret_check CHECK (secret ~ '^whsec_[A-Za-z0-9+/]+=*$'),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER triggers_updated_at BEFORE UPDATE ON triggers FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE INDEX triggers_event_type_idx ON triggers (event_type) WHERE active;

CREATE TABLE trigger_versions (
    trigger_id      bigint NOT NULL REFERENCES triggers ON DELETE CASCADE,
    version         integer NOT NULL CHECK (version > 0),
    definition      jsonb NOT NULL,
    created_by      bigint REFERENCES users,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (trigger_id, version)
);
CREATE TRIGGER trigger_versions_no_update BEFORE UPDATE ON trigger_versions FOR EACH ROW EXECUTE FUNCTION audit_log_immutable();

-- One row per run: the version, the event, each step with what it did (conditions with their
-- values, the email as sent, the request as made), and how it ended. Never "crashed" without a
-- reason: a failed run keeps its error.
CREATE TABLE trigger_runs (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    trigger_id      bigint NOT NULL REFERENCES triggers ON DELETE CASCADE,
    version         integer NOT NULL,
    event_id        bigint NOT NULL REFERENCES events ON DELETE CASCADE,
    entity_type     text NOT NULL,
    entity_id       bigint,
    status          text NOT NULL DEFAULT 'running'
                    CONSTRAINT trigger_runs_status_check CHECK (status IN ('running', 'waiting', 'succeeded', 'skipped', 'failed')),
    next_step       integer NOT NULL DEFAULT 0,
    steps           jsonb NOT NULL DEFAULT '[]',
    error           text,
    started_at      timestamptz NOT NULL DEFAULT now(),
    finished_at     timestamptz,
    duration_ms     integer,
    CONSTRAINT trigger_runs_once UNIQUE (trigger_id, event_id)
);
CREATE INDEX trigger_runs_trigger_idx ON trigger_runs (trigger_id, id DESC);
CREATE INDEX trigger_runs_status_idx ON trigger_runs (status, id DESC);
CREATE INDEX trigger_runs_started_idx ON trigger_runs (started_at);

-- The message a webhook sends for an event (Standard Webhooks body): one definition for the
-- endpoints' deliveries and the triggers' webhook actions.
CREATE FUNCTION event_message(e events) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
               'type', e.type,
               'timestamp', to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
               'data', e.payload || jsonb_build_object(
                   'event_id', e.id, 'schema_version', e.schema_version,
                   'entity_type', e.entity_type, 'entity_id', e.entity_id))::text
$$;

-- Recursion guard: an event written while a trigger's actions run (the worker sets
-- eventgaraget.trigger_depth for its session) is one level deeper; at depth 3 no trigger runs.
ALTER TABLE events ADD COLUMN depth smallint NOT NULL DEFAULT 0;

CREATE OR REPLACE FUNCTION emit_event(
    event_type text, entity_type text, entity_id bigint, actor_kind text, actor_user_id bigint,
    details jsonb DEFAULT '{}', previous jsonb DEFAULT NULL, audit_id bigint DEFAULT NULL,
    occurred_at timestamptz DEFAULT now()
) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    new_id bigint;
    depth smallint := coalesce(nullif(current_setting('eventgaraget.trigger_depth', true), '')::smallint, 0);
BEGIN
    INSERT INTO events (type, occurred_at, actor_kind, actor_user_id, entity_type, entity_id, payload, audit_id, depth)
    VALUES (event_type, occurred_at, actor_kind, actor_user_id, entity_type, entity_id,
            jsonb_strip_nulls(jsonb_build_object(
                'object', event_object(entity_type, entity_id),
                'details', coalesce(details, '{}'::jsonb),
                'previous', previous)),
            audit_id, depth)
    RETURNING id INTO new_id;

    INSERT INTO jobs (kind, payload, dedupe_key, max_attempts, ordering_key)
    SELECT 'webhook.deliver', jsonb_build_object('endpoint_id', e.id, 'event_id', new_id),
           'webhook.deliver:' || e.id || ':' || new_id, 15,
           'webhook:' || e.id || ':' || entity_type || ':' || coalesce(entity_id::text, '-')
      FROM webhook_endpoints e
     WHERE e.active AND (cardinality(e.events) = 0 OR event_type = ANY (e.events))
     ORDER BY e.id;

    -- One run per active trigger of this type, in order per trigger and entity.
    IF depth < 3 THEN
        INSERT INTO jobs (kind, payload, dedupe_key, max_attempts, ordering_key)
        SELECT 'trigger.run', jsonb_build_object('trigger_id', t.id, 'event_id', new_id, 'step', 0),
               'trigger.run:' || t.id || ':' || new_id, 5,
               'trigger:' || t.id || ':' || entity_type || ':' || coalesce(entity_id::text, '-')
          FROM triggers t
         WHERE t.active AND t.event_type = emit_event.event_type
         ORDER BY t.id;
    END IF;

    PERFORM pg_notify('eventgaraget_events', new_id::text);
    RETURN new_id;
END
$$;

-- The built-in automations, as editable triggers doing what the original system's workflows did.
-- The reminder starts from a first send only (a resend, its own included, starts none), waits,
-- and resends the link while the quotation is still unsigned: at most twice. The new-booking
-- alert is off by default (the worker already sends the team its notice with the PDF). Each
-- trigger's secret signs its webhook actions; these use none, so a random one is enough.
INSERT INTO triggers (name, event_type, builtin, secret, active) VALUES
    ('Påminnelse om signering', 'quotation.sent', 'signing_reminder',
     'whsec_' || encode(decode(md5(random()::text) || md5(random()::text), 'hex'), 'base64'), true),
    ('Ny bokning till teamet', 'booking.created', 'new_booking_alert',
     'whsec_' || encode(decode(md5(random()::text) || md5(random()::text), 'hex'), 'base64'), false),
    ('Offert utgången – teamet får veta', 'quotation.expired', 'expired_notice',
     'whsec_' || encode(decode(md5(random()::text) || md5(random()::text), 'hex'), 'base64'), true);

INSERT INTO trigger_versions (trigger_id, version, definition)
SELECT id, 1, CASE builtin
    WHEN 'signing_reminder' THEN $json${
        "conditions": {"all": [{"field": "details.audit_action", "op": "in", "value": ["sent", "sent_with_shortage"]}]},
        "actions": [
            {"type": "wait", "days": 3},
            {"type": "check", "conditions": {"all": [{"field": "object.state", "op": "equals", "value": "sent"}]}},
            {"type": "resend_link"},
            {"type": "wait", "days": 4},
            {"type": "check", "conditions": {"all": [{"field": "object.state", "op": "equals", "value": "sent"}]}},
            {"type": "resend_link"}
        ]
    }$json$::jsonb
    WHEN 'new_booking_alert' THEN $json${
        "actions": [
            {"type": "email", "to": "team", "subject": "Ny bokning {{object.number}}: {{object.title}}",
             "body": "{{object.customer.name}} har signerat offert {{object.quotation.number}}.\n\nHyresperiod: {{object.period_start}} – {{object.period_end}}\nAtt betala: {{object.total_ore}} öre inkl. moms"}
        ]
    }$json$::jsonb
    WHEN 'expired_notice' THEN $json${
        "actions": [
            {"type": "email", "to": "team", "subject": "Offert {{object.number}} har gått ut osignerad",
             "body": "Signeringslänken för {{object.number}} ({{object.title}}) till {{object.customer.name}} gick ut utan att offerten signerades.\n\nHör av er till kunden eller skicka offerten igen."}
        ]
    }$json$::jsonb
END
FROM triggers;

-- Events (issue 11): one row per change of state that automation, webhooks and live pages react
-- to, written in the same transaction as the change, so an event exists exactly when its change
-- committed. Every audit row of a public kind becomes an event through `audit_log_event` below;
-- changes without an audit row (an email sent by the worker) call `emit_event` themselves: one
-- call for both. `docs/events.md` documents each type and its payload (schema_version 1).
CREATE TABLE events (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    type            text NOT NULL CONSTRAINT events_type_check CHECK (type ~ '^[a-z_]+\.[a-z_]+$'),
    schema_version  integer NOT NULL DEFAULT 1,
    occurred_at     timestamptz NOT NULL DEFAULT now(),
    actor_kind      text NOT NULL CONSTRAINT events_actor_kind_check CHECK (actor_kind IN ('user', 'customer', 'system', 'worker')),
    actor_user_id   bigint REFERENCES users,
    entity_type     text NOT NULL,
    entity_id       bigint,
    payload         jsonb NOT NULL,
    audit_id        bigint               -- the audit row it came from (no key: retention may delete audit rows)
);
CREATE INDEX events_entity_idx ON events (entity_type, entity_id, id DESC);
CREATE INDEX events_type_idx ON events (type, id DESC);
CREATE INDEX events_occurred_idx ON events (occurred_at);
CREATE TRIGGER events_no_update BEFORE UPDATE ON events FOR EACH ROW EXECUTE FUNCTION audit_log_immutable();

-- What an event says about its entity: the entity as it is after the change, in a stable shape.
CREATE FUNCTION event_customer(customer_id bigint) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
               'id', c.id, 'kind', c.kind, 'name', c.name, 'company_name', c.company_name,
               'email', c.email, 'phone', c.phone, 'org_number', c.org_number, 'locale', c.locale,
               'archived', c.archived_at IS NOT NULL)
      FROM customers c WHERE c.id = customer_id
$$;

CREATE FUNCTION event_object(entity_type text, entity_id bigint) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT CASE entity_type
        WHEN 'customer' THEN event_customer(entity_id)
        WHEN 'quotation' THEN (
            SELECT jsonb_build_object(
                       'id', q.id, 'number', q.number, 'state', q.state, 'title', q.title,
                       'version', q.current_version, 'period_start', q.period_start, 'period_end', q.period_end,
                       'subtotal_ore', q.subtotal_ore, 'vat_ore', q.vat_ore, 'total_ore', q.total_ore,
                       'currency', 'SEK', 'customer', event_customer(q.customer_id),
                       'booking', (SELECT jsonb_build_object('id', b.id, 'number', b.number, 'state', b.state)
                                     FROM bookings b WHERE b.quotation_id = q.id))
              FROM quotations q WHERE q.id = entity_id)
        WHEN 'booking' THEN (
            SELECT jsonb_build_object(
                       'id', b.id, 'number', b.number, 'state', b.state, 'title', b.title,
                       'period_start', b.period_start, 'period_end', b.period_end,
                       'delivery_address', jsonb_build_object(
                           'line1', b.delivery_address_line1, 'line2', b.delivery_address_line2,
                           'postal_code', b.delivery_postal_code, 'city', b.delivery_city,
                           'country', b.delivery_country),
                       'total_ore', b.total_ore, 'vat_ore', b.vat_ore, 'currency', 'SEK',
                       'approved', b.approved_at IS NOT NULL, 'cancel_reason', b.cancel_reason,
                       'quotation', jsonb_build_object('id', q.id, 'number', q.number),
                       'customer', event_customer(b.customer_id))
              FROM bookings b JOIN quotations q ON q.id = b.quotation_id WHERE b.id = entity_id)
        ELSE NULL
    END
$$;

-- Per-entity order for jobs that must run in sequence (deliveries of one entity's events to one
-- endpoint): a job is claimable only when no earlier job with its key is queued or running.
ALTER TABLE jobs ADD COLUMN ordering_key text;
CREATE INDEX jobs_ordering_idx ON jobs (ordering_key, id) WHERE ordering_key IS NOT NULL AND state IN ('queued', 'running');

-- Outgoing webhooks (Standard Webhooks): the endpoint's circuit breaker and its health.
ALTER TABLE webhook_endpoints
    ADD COLUMN consecutive_failures integer NOT NULL DEFAULT 0,
    ADD COLUMN open_until timestamptz,          -- circuit open: deliveries wait until then
    ADD COLUMN last_success_at timestamptz,
    ADD COLUMN last_failure_at timestamptz,
    ADD COLUMN disabled_reason text,
    ADD CONSTRAINT webhook_endpoints_secret_check CHECK (secret ~ '^whsec_[A-Za-z0-9+/]+=*$'),
    ADD CONSTRAINT webhook_endpoints_events_check CHECK (array_position(events, NULL) IS NULL);

-- One row per delivery attempt: what was sent, what came back, how long it took.
CREATE TABLE webhook_deliveries (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    endpoint_id         bigint NOT NULL REFERENCES webhook_endpoints ON DELETE CASCADE,
    event_id            bigint NOT NULL REFERENCES events ON DELETE CASCADE,
    job_id              bigint,
    attempt             integer NOT NULL CHECK (attempt > 0),
    attempted_at        timestamptz NOT NULL DEFAULT now(),
    duration_ms         integer NOT NULL CHECK (duration_ms >= 0),
    succeeded           boolean NOT NULL,
    response_status     integer,
    response_excerpt    text CHECK (octet_length(response_excerpt) <= 2048),
    error               text CHECK (octet_length(error) <= 2048)
);
CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (endpoint_id, id DESC);
CREATE INDEX webhook_deliveries_event_idx ON webhook_deliveries (event_id, id);

-- Writes one event and, in the same transaction, one delivery job per active endpoint that takes
-- its type (each endpoint gets one entity's events in order). Returns the event's id and tells
-- listening workers (NOTIFY is delivered at commit, never for a rollback).
CREATE FUNCTION emit_event(
    event_type text, entity_type text, entity_id bigint, actor_kind text, actor_user_id bigint,
    details jsonb DEFAULT '{}', previous jsonb DEFAULT NULL, audit_id bigint DEFAULT NULL,
    occurred_at timestamptz DEFAULT now()
) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    new_id bigint;
BEGIN
    INSERT INTO events (type, occurred_at, actor_kind, actor_user_id, entity_type, entity_id, payload, audit_id)
    VALUES (event_type, occurred_at, actor_kind, actor_user_id, entity_type, entity_id,
            jsonb_strip_nulls(jsonb_build_object(
                'object', event_object(entity_type, entity_id),
                'details', coalesce(details, '{}'::jsonb),
                'previous', previous)),
            audit_id)
    RETURNING id INTO new_id;

    INSERT INTO jobs (kind, payload, dedupe_key, max_attempts, ordering_key)
    SELECT 'webhook.deliver', jsonb_build_object('endpoint_id', e.id, 'event_id', new_id),
           'webhook.deliver:' || e.id || ':' || new_id, 15,
           'webhook:' || e.id || ':' || entity_type || ':' || coalesce(entity_id::text, '-')
      FROM webhook_endpoints e
     WHERE e.active AND (cardinality(e.events) = 0 OR event_type = ANY (e.events))
     ORDER BY e.id;

    PERFORM pg_notify('eventgaraget_events', new_id::text);
    RETURN new_id;
END
$$;

-- The audit rows that are public events, and their types.
CREATE FUNCTION event_type_of(entity_type text, action text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE entity_type || '.' || action
        WHEN 'quotation.created' THEN 'quotation.created'
        WHEN 'quotation.duplicated' THEN 'quotation.created'
        WHEN 'quotation.updated' THEN 'quotation.updated'
        WHEN 'quotation.sent' THEN 'quotation.sent'
        WHEN 'quotation.sent_with_shortage' THEN 'quotation.sent'
        WHEN 'quotation.resent' THEN 'quotation.sent'
        WHEN 'quotation.recipient_changed' THEN 'quotation.recipient_changed'
        WHEN 'quotation.viewed' THEN 'quotation.viewed'
        WHEN 'quotation.signed' THEN 'quotation.signed'
        WHEN 'quotation.sign_refused_unavailable' THEN 'quotation.sign_refused'
        WHEN 'quotation.declined' THEN 'quotation.declined'
        WHEN 'quotation.expired' THEN 'quotation.expired'
        WHEN 'quotation.voided' THEN 'quotation.voided'
        WHEN 'quotation.reopened' THEN 'quotation.reopened'
        WHEN 'booking.created' THEN 'booking.created'
        WHEN 'booking.approved' THEN 'booking.approved'
        WHEN 'booking.updated' THEN 'booking.updated'
        WHEN 'booking.state_changed' THEN 'booking.status_changed'
        WHEN 'customer.created' THEN 'customer.created'
        WHEN 'customer.updated' THEN 'customer.updated'
        WHEN 'customer.archived' THEN 'customer.archived'
        WHEN 'customer.restored' THEN 'customer.updated'
        ELSE NULL
    END
$$;

CREATE FUNCTION audit_log_event() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    event_type text := event_type_of(NEW.entity_type, NEW.action);
    details jsonb := coalesce(NEW.after, '{}'::jsonb) || jsonb_build_object('audit_action', NEW.action);
BEGIN
    IF event_type IS NOT NULL THEN
        PERFORM emit_event(event_type, NEW.entity_type, NEW.entity_id, NEW.actor_kind, NEW.actor_user_id,
                           details, NEW.before, NEW.id, NEW.at);
    END IF;
    IF event_type = 'booking.status_changed' AND NEW.after ->> 'state' = 'cancelled' THEN
        PERFORM emit_event('booking.cancelled', NEW.entity_type, NEW.entity_id, NEW.actor_kind, NEW.actor_user_id,
                           details, NEW.before, NEW.id, NEW.at);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER audit_log_events AFTER INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_event();

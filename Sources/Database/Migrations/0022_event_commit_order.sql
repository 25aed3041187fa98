-- Issue 11, per-entity ordering: jobs of one entity run in id order (`jobs.ordering_key`), and
-- ids were handed out at insert time, so two transactions writing events of the same entity could
-- commit in the other order than their ids (the later id claimed first while the earlier one was
-- still uncommitted). A transaction-scoped advisory lock per entity closes that: the second
-- writer waits for the first to commit. Row locks already serialise most changes of one record;
-- this covers the rest (an audit row written without locking its record). Two transactions taking
-- these in opposite orders would deadlock like two taking row locks so: PostgreSQL fails one of
-- them and nothing of it is stored.
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
    -- One entity's events commit in the order of their ids: a second transaction writing an event
    -- of the same entity waits here until the first commits, so its event and jobs get later ids
    -- and the per-entity ordering of jobs (claimed by id) is the order of the commits. Entities
    -- share 1024 lock slots (class 8311), so a transaction touching thousands of records holds at
    -- most 1024 locks; two entities in one slot only wait for each other.
    PERFORM pg_advisory_xact_lock(
        8311, ((hashtext(entity_type || ':' || coalesce(entity_id::text, '-'))::bigint % 1024 + 1024) % 1024)::int);
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

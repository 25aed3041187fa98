-- Saved reports: a name, the entity it reads and its definition (columns, filters, groups, measures,
-- sort, limit, chart — names only, checked against the program's whitelist by the Domain decoder on
-- every save and again on every run), the roles it is shared with (Admin sees every report), and
-- who made it. The SQL a report runs is never stored: it is built from the definition each time.

CREATE TABLE saved_reports (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name         text NOT NULL CONSTRAINT saved_reports_name_check
                     CHECK (name = btrim(name) AND char_length(name) BETWEEN 1 AND 200),
    entity       text NOT NULL CONSTRAINT saved_reports_entity_check CHECK (entity ~ '^[a-z][a-z0-9_]{0,39}$'),
    definition   jsonb NOT NULL CONSTRAINT saved_reports_definition_check
                     CHECK (jsonb_typeof(definition) = 'object' AND definition ->> 'entity' = entity),
    shared_roles text[] NOT NULL DEFAULT '{}' CONSTRAINT saved_reports_shared_roles_check
                     CHECK (shared_roles <@ ARRAY['manager', 'warehouse', 'support']::text[]),
    owner_id     bigint REFERENCES users ON DELETE SET NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX saved_reports_name_key ON saved_reports (lower(name));
CREATE TRIGGER saved_reports_updated_at BEFORE UPDATE ON saved_reports FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- The groupings reports use most, read from the index alone at 100,000 rows: bookings by their
-- start day (month, week, year) with their state and total, and quotations by state with totals.
CREATE INDEX bookings_report_period_idx ON bookings (period_start) INCLUDE (state, total_ore, customer_id);
CREATE INDEX quotations_report_state_idx ON quotations (state, period_start) INCLUDE (total_ore);

INSERT INTO event_types_of_audit (audit_key, event_type) VALUES
    ('saved_report.created', 'saved_report.created'),
    ('saved_report.updated', 'saved_report.updated'),
    ('saved_report.deleted', 'saved_report.deleted');

-- A saved report's event object: its name, entity and the roles it is shared with. A deleted
-- report has none (its event's details say what it was).
ALTER FUNCTION event_object(text, bigint) RENAME TO event_object_before_saved_reports;
CREATE FUNCTION event_object(entity_type text, entity_id bigint) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT CASE entity_type
        WHEN 'saved_report' THEN (
            SELECT jsonb_build_object('id', r.id, 'name', r.name, 'entity', r.entity, 'shared_roles', to_jsonb(r.shared_roles))
              FROM saved_reports r WHERE r.id = entity_id)
        ELSE event_object_before_saved_reports(entity_type, entity_id)
    END
$$;

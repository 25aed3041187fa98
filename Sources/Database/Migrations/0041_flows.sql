-- Flows (the flow builder): ordered levels of tasks with branching, run on a booking. A flow's
-- definition is JSON checked by the program (Domain.FlowDefinition and FlowRules) before it is
-- stored; each save is a new version and never changes an old one, so a running flow keeps the
-- version it started with. A run is on one level at a time: the level's tasks are ordinary tasks
-- (with `flow_run_id`), and when the last of them is finished the program picks the next level in
-- the same transaction.
--
-- The app role gets its rights on these tables from the default privileges of 0011_app_role.

CREATE TABLE flows (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name            text NOT NULL CONSTRAINT flows_name_check
                        CHECK (name = btrim(name) AND char_length(name) BETWEEN 1 AND 100),
    description     text NOT NULL DEFAULT '' CONSTRAINT flows_description_check CHECK (char_length(description) <= 1000),
    current_version integer NOT NULL DEFAULT 1 CONSTRAINT flows_current_version_check CHECK (current_version >= 1),
    archived        boolean NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX flows_name_key ON flows (lower(name));
CREATE TRIGGER flows_updated_at BEFORE UPDATE ON flows FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE flow_versions (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    flow_id     bigint NOT NULL REFERENCES flows ON DELETE RESTRICT,
    version     integer NOT NULL CONSTRAINT flow_versions_version_check CHECK (version >= 1),
    definition  jsonb NOT NULL CONSTRAINT flow_versions_definition_check
                    CHECK (jsonb_typeof(definition -> 'levels') = 'array'),
    created_by  bigint REFERENCES users ON DELETE SET NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT flow_versions_flow_version_key UNIQUE (flow_id, version)
);
CREATE TRIGGER flow_versions_no_update BEFORE UPDATE ON flow_versions
    FOR EACH ROW EXECUTE FUNCTION audit_log_immutable();

CREATE TABLE flow_runs (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    flow_id         bigint NOT NULL REFERENCES flows ON DELETE RESTRICT,
    flow_version_id bigint NOT NULL REFERENCES flow_versions ON DELETE RESTRICT,
    booking_id      bigint NOT NULL REFERENCES bookings ON DELETE CASCADE,
    state           text NOT NULL DEFAULT 'running'
                        CONSTRAINT flow_runs_state_check CHECK (state IN ('running', 'done', 'cancelled')),
    -- The level the run is on (its key in the version's definition); null once finished.
    current_level   text,
    -- Who started it: a staff member, or the trigger (and the event) that did.
    started_by      bigint REFERENCES users ON DELETE SET NULL,
    started_by_trigger bigint REFERENCES triggers ON DELETE SET NULL,
    started_at      timestamptz NOT NULL DEFAULT now(),
    finished_at     timestamptz,
    CONSTRAINT flow_runs_finished_check CHECK ((state = 'running') = (finished_at IS NULL)),
    CONSTRAINT flow_runs_level_check CHECK ((state = 'running') = (current_level IS NOT NULL))
);
-- A flow runs once at a time on a booking (a trigger that fires twice starts it once).
CREATE UNIQUE INDEX flow_runs_one_running_key ON flow_runs (flow_id, booking_id) WHERE state = 'running';
CREATE INDEX flow_runs_booking_idx ON flow_runs (booking_id, id);

-- The levels a run went through, in order: when it entered, when and why it left (the branch that
-- held, with every comparison tried), and where it went.
CREATE TABLE flow_run_levels (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id      bigint NOT NULL REFERENCES flow_runs ON DELETE CASCADE,
    level_key   text NOT NULL,
    level_name  text NOT NULL,
    entered_at  timestamptz NOT NULL DEFAULT now(),
    left_at     timestamptz,
    branch      integer,
    went_to     text,
    trace       jsonb NOT NULL DEFAULT '[]'
);
CREATE INDEX flow_run_levels_run_idx ON flow_run_levels (run_id, id);

ALTER TABLE tasks
    ADD COLUMN flow_run_id bigint REFERENCES flow_runs ON DELETE SET NULL,
    ADD COLUMN flow_level text,
    ADD CONSTRAINT tasks_flow_level_check CHECK ((flow_run_id IS NULL) = (flow_level IS NULL));
CREATE INDEX tasks_flow_run_idx ON tasks (flow_run_id, flow_level) WHERE flow_run_id IS NOT NULL;

INSERT INTO event_types_of_audit (audit_key, event_type) VALUES
    ('flow.created', 'flow.created'),
    ('flow.updated', 'flow.updated'),
    ('flow_run.started', 'flow.started'),
    ('flow_run.level_entered', 'flow.level_entered'),
    ('flow_run.completed', 'flow.completed'),
    ('flow_run.cancelled', 'flow.cancelled');

-- A flow's object: its name and version. A run's: the flow, the booking, its state and level.
ALTER FUNCTION event_object(text, bigint) RENAME TO event_object_before_flows;
CREATE FUNCTION event_object(entity_type text, entity_id bigint) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT CASE entity_type
        WHEN 'flow' THEN (
            SELECT jsonb_build_object('id', f.id, 'name', f.name, 'version', f.current_version,
                                      'archived', f.archived)
              FROM flows f WHERE f.id = entity_id)
        WHEN 'flow_run' THEN (
            SELECT jsonb_build_object(
                       'id', r.id, 'state', r.state, 'level', r.current_level,
                       'flow', jsonb_build_object('id', f.id, 'name', f.name, 'version', v.version),
                       'booking', (SELECT jsonb_build_object('id', b.id, 'number', b.number, 'state', b.state)
                                     FROM bookings b WHERE b.id = r.booking_id),
                       'started_at', r.started_at, 'finished_at', r.finished_at)
              FROM flow_runs r JOIN flows f ON f.id = r.flow_id JOIN flow_versions v ON v.id = r.flow_version_id
             WHERE r.id = entity_id)
        ELSE event_object_before_flows(entity_type, entity_id)
    END
$$;

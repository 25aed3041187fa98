-- Forms and tasks (the task builder). A form is a named, versioned definition (sections of fields,
-- as JSON in the shape of Domain's `FormDefinition`); publishing adds a version and never changes
-- an old one, so a task is always shown and checked with the version it was created with. A task
-- is a form to fill, linked to a booking, quotation or customer, assigned to one staff member, an
-- access role, a department, a position or the customer (through the portal).
--
-- The app role gets its rights on these tables from the default privileges of 0011_app_role.

CREATE TABLE forms (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text NOT NULL CONSTRAINT forms_name_check
                    CHECK (name = btrim(name) AND char_length(name) BETWEEN 1 AND 100),
    description text NOT NULL DEFAULT '' CONSTRAINT forms_description_check CHECK (char_length(description) <= 1000),
    -- What the builder is working on; `form_versions` holds what was published.
    draft       jsonb NOT NULL DEFAULT '{"sections": [{"title": "", "fields": []}]}'
                    CONSTRAINT forms_draft_check CHECK (jsonb_typeof(draft -> 'sections') = 'array'),
    -- Who the form is for: the builder offers a customer form to the portal.
    for_customer boolean NOT NULL DEFAULT false,
    archived    boolean NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX forms_name_key ON forms (lower(name));
CREATE TRIGGER forms_updated_at BEFORE UPDATE ON forms FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE form_versions (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    form_id      bigint NOT NULL REFERENCES forms ON DELETE RESTRICT,
    version      integer NOT NULL CONSTRAINT form_versions_version_check CHECK (version >= 1),
    name         text NOT NULL,
    definition   jsonb NOT NULL CONSTRAINT form_versions_definition_check
                     CHECK (jsonb_typeof(definition -> 'sections') = 'array'),
    published_at timestamptz NOT NULL DEFAULT now(),
    published_by bigint REFERENCES users ON DELETE SET NULL,
    CONSTRAINT form_versions_form_version_key UNIQUE (form_id, version)
);

CREATE TABLE tasks (
    id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    form_version_id        bigint NOT NULL REFERENCES form_versions ON DELETE RESTRICT,
    title                  text NOT NULL CONSTRAINT tasks_title_check
                               CHECK (title = btrim(title) AND char_length(title) BETWEEN 1 AND 200),
    state                  text NOT NULL DEFAULT 'open'
                               CONSTRAINT tasks_state_check CHECK (state IN ('open', 'done', 'cancelled')),
    assignee_kind          text NOT NULL CONSTRAINT tasks_assignee_kind_check
                               CHECK (assignee_kind IN ('user', 'role', 'department', 'position', 'customer')),
    assignee_user_id       bigint REFERENCES users ON DELETE RESTRICT,
    assignee_role          text CONSTRAINT tasks_assignee_role_check
                               CHECK (assignee_role IN ('admin', 'manager', 'warehouse', 'support')),
    assignee_department_id bigint REFERENCES departments ON DELETE RESTRICT,
    assignee_position_id   bigint REFERENCES positions ON DELETE RESTRICT,
    assignee_customer_id   bigint REFERENCES customers ON DELETE RESTRICT,
    due_on                 date,
    booking_id             bigint REFERENCES bookings ON DELETE CASCADE,
    quotation_id           bigint REFERENCES quotations ON DELETE CASCADE,
    customer_id            bigint REFERENCES customers ON DELETE CASCADE,
    -- The answers, by field key, as `FormAnswers.validate` returned them; set when done.
    answers                jsonb,
    created_by             bigint REFERENCES users ON DELETE SET NULL,
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    completed_at           timestamptz,
    completed_by_user_id   bigint REFERENCES users ON DELETE SET NULL,
    completed_by_customer_id bigint REFERENCES customers ON DELETE SET NULL,
    cancelled_at           timestamptz,
    -- The reminder sweep's marks: each reminder is emitted once per task (and again after the
    -- due date moves).
    due_soon_emitted_at    timestamptz,
    overdue_emitted_at     timestamptz,
    -- Exactly the assignee column of its kind is set.
    CONSTRAINT tasks_assignee_check CHECK (
        num_nonnulls(assignee_user_id, assignee_role, assignee_department_id, assignee_position_id,
                     assignee_customer_id) = 1
        AND CASE assignee_kind
            WHEN 'user' THEN assignee_user_id IS NOT NULL
            WHEN 'role' THEN assignee_role IS NOT NULL
            WHEN 'department' THEN assignee_department_id IS NOT NULL
            WHEN 'position' THEN assignee_position_id IS NOT NULL
            WHEN 'customer' THEN assignee_customer_id IS NOT NULL
        END),
    CONSTRAINT tasks_done_check CHECK ((state = 'done') = (completed_at IS NOT NULL AND answers IS NOT NULL)),
    CONSTRAINT tasks_cancelled_check CHECK ((state = 'cancelled') = (cancelled_at IS NOT NULL))
);
CREATE INDEX tasks_user_open_idx ON tasks (assignee_user_id, due_on) WHERE assignee_user_id IS NOT NULL;
CREATE INDEX tasks_role_idx ON tasks (assignee_role, due_on) WHERE assignee_role IS NOT NULL;
CREATE INDEX tasks_department_idx ON tasks (assignee_department_id, due_on) WHERE assignee_department_id IS NOT NULL;
CREATE INDEX tasks_position_idx ON tasks (assignee_position_id, due_on) WHERE assignee_position_id IS NOT NULL;
CREATE INDEX tasks_assignee_customer_idx ON tasks (assignee_customer_id) WHERE assignee_customer_id IS NOT NULL;
CREATE INDEX tasks_booking_idx ON tasks (booking_id) WHERE booking_id IS NOT NULL;
CREATE INDEX tasks_quotation_idx ON tasks (quotation_id) WHERE quotation_id IS NOT NULL;
CREATE INDEX tasks_customer_idx ON tasks (customer_id) WHERE customer_id IS NOT NULL;
CREATE INDEX tasks_form_version_idx ON tasks (form_version_id);
CREATE INDEX tasks_open_due_idx ON tasks (due_on) WHERE state = 'open' AND due_on IS NOT NULL;
CREATE TRIGGER tasks_updated_at BEFORE UPDATE ON tasks FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE task_comments (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    task_id            bigint NOT NULL REFERENCES tasks ON DELETE CASCADE,
    author_user_id     bigint REFERENCES users ON DELETE SET NULL,
    author_customer_id bigint REFERENCES customers ON DELETE SET NULL,
    body               text NOT NULL CONSTRAINT task_comments_body_check
                           CHECK (btrim(body) <> '' AND char_length(body) <= 5000),
    created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX task_comments_task_idx ON task_comments (task_id, id);

-- A file given for a file field of the task's form. The content is kept in the database (a form's
-- photos and maps are small; nginx and the handler bound each upload).
CREATE TABLE task_files (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    task_id              bigint NOT NULL REFERENCES tasks ON DELETE CASCADE,
    field_key            text NOT NULL CONSTRAINT task_files_field_key_check CHECK (field_key ~ '^[a-z0-9_]{1,40}$'),
    name                 text NOT NULL CONSTRAINT task_files_name_check CHECK (char_length(name) BETWEEN 1 AND 200),
    content_type         text NOT NULL CONSTRAINT task_files_content_type_check CHECK (char_length(content_type) <= 200),
    size                 integer NOT NULL CONSTRAINT task_files_size_check CHECK (size = octet_length(content)),
    sha256               bytea NOT NULL CONSTRAINT task_files_sha256_check CHECK (octet_length(sha256) = 32),
    content              bytea NOT NULL,
    uploaded_by_user_id  bigint REFERENCES users ON DELETE SET NULL,
    uploaded_by_customer_id bigint REFERENCES customers ON DELETE SET NULL,
    created_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX task_files_task_idx ON task_files (task_id, field_key, id);

INSERT INTO event_types_of_audit (audit_key, event_type) VALUES
    ('task.created', 'task.created'),
    ('task.completed', 'task.completed'),
    ('task.cancelled', 'task.cancelled'),
    ('task.reassigned', 'task.reassigned'),
    ('task.commented', 'task.commented'),
    ('form.published', 'form.published');

-- A task's object: its state, form (with the version filled), assignee, due date, links, and once
-- done its answers and files. A form's: its name and newest version.
ALTER FUNCTION event_object(text, bigint) RENAME TO event_object_before_tasks;
CREATE FUNCTION event_object(entity_type text, entity_id bigint) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT CASE entity_type
        WHEN 'task' THEN (
            SELECT jsonb_build_object(
                       'id', t.id, 'title', t.title, 'state', t.state, 'due_on', t.due_on,
                       'form', jsonb_build_object('id', v.form_id, 'name', v.name, 'version', v.version,
                                                  'version_id', v.id),
                       'assignee', jsonb_strip_nulls(jsonb_build_object(
                           'kind', t.assignee_kind,
                           'user', (SELECT jsonb_build_object('id', u.id, 'name', u.name, 'email', u.email::text)
                                      FROM users u WHERE u.id = t.assignee_user_id),
                           'role', t.assignee_role,
                           'department', (SELECT jsonb_build_object('id', d.id, 'name', d.name)
                                            FROM departments d WHERE d.id = t.assignee_department_id),
                           'position', (SELECT jsonb_build_object('id', p.id, 'name', p.name)
                                          FROM positions p WHERE p.id = t.assignee_position_id),
                           'customer', (SELECT jsonb_build_object('id', c.id, 'name', c.name, 'email', c.email::text)
                                          FROM customers c WHERE c.id = t.assignee_customer_id))),
                       'booking', (SELECT jsonb_build_object('id', b.id, 'number', b.number)
                                     FROM bookings b WHERE b.id = t.booking_id),
                       'quotation', (SELECT jsonb_build_object('id', q.id, 'number', q.number)
                                       FROM quotations q WHERE q.id = t.quotation_id),
                       'customer', (SELECT jsonb_build_object('id', c.id, 'name', c.name)
                                      FROM customers c WHERE c.id = t.customer_id),
                       'answers', t.answers,
                       'files', (SELECT jsonb_agg(jsonb_build_object('id', f.id, 'field', f.field_key, 'name', f.name,
                                                                     'content_type', f.content_type, 'size', f.size)
                                                  ORDER BY f.id)
                                   FROM task_files f WHERE f.task_id = t.id),
                       'completed_at', t.completed_at)
              FROM tasks t JOIN form_versions v ON v.id = t.form_version_id WHERE t.id = entity_id)
        WHEN 'form' THEN (
            SELECT jsonb_build_object(
                       'id', f.id, 'name', f.name, 'for_customer', f.for_customer,
                       'version', (SELECT max(v.version) FROM form_versions v WHERE v.form_id = f.id))
              FROM forms f WHERE f.id = entity_id)
        ELSE event_object_before_tasks(entity_type, entity_id)
    END
$$;

-- Reminders: every 15 minutes the worker emits `task.due_soon` (open, due today or tomorrow) and
-- `task.overdue` (open, past its due date), each once per task and due date.
INSERT INTO schedules (name, every_seconds) VALUES ('tasks.remind', 900);

-- "Task due soon / overdue → email the assignee": shipped turned on (they only write to staff, or
-- to the customer a task was given to, about their own task); the company can change or turn them
-- off on the triggers page.
INSERT INTO triggers (name, event_type, builtin, secret, active) VALUES
    ('Uppgift snart försenad – ansvarig', 'task.due_soon', 'task_due_soon',
     'whsec_' || encode(decode(md5(random()::text) || md5(random()::text), 'hex'), 'base64'), true),
    ('Uppgift försenad – ansvarig', 'task.overdue', 'task_overdue',
     'whsec_' || encode(decode(md5(random()::text) || md5(random()::text), 'hex'), 'base64'), true);

INSERT INTO trigger_versions (trigger_id, version, definition)
SELECT id, 1, CASE builtin
    WHEN 'task_due_soon' THEN $json${
        "actions": [
            {"type": "email", "to": "assignee", "subject": "Påminnelse: {{object.title}} ska vara klar {{object.due_on}}",
             "body": "Hej!\n\nUppgiften \"{{object.title}}\" ({{object.form.name}}) ska vara klar {{object.due_on}}.\n\nVänliga hälsningar"}
        ]
    }$json$::jsonb
    ELSE $json${
        "actions": [
            {"type": "email", "to": "assignee", "subject": "Försenad: {{object.title}} (skulle vara klar {{object.due_on}})",
             "body": "Hej!\n\nUppgiften \"{{object.title}}\" ({{object.form.name}}) skulle ha varit klar {{object.due_on}}.\n\nVänliga hälsningar"}
        ]
    }$json$::jsonb
END
FROM triggers WHERE builtin IN ('task_due_soon', 'task_overdue');

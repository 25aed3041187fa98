-- The company structure: departments as a tree, positions (jobs in the company such as "Lagerchef";
-- not the access roles) in departments, and where each staff member sits: their position and their
-- manager. Tasks are assigned to a position or a department, and approvals go up the manager chain.
--
-- Every change to the tree or the chain takes the structure lock (advisory class 8312, key 1) before
-- it is checked, so two moves at once cannot close a loop between them; the product's use case takes
-- the same lock before it reads and decides.

CREATE TABLE departments (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name             text NOT NULL CONSTRAINT departments_name_check
                         CHECK (name = btrim(name) AND char_length(name) BETWEEN 1 AND 100),
    parent_id        bigint CONSTRAINT departments_parent_fkey REFERENCES departments ON DELETE RESTRICT,
    head_position_id bigint,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT departments_not_own_parent CHECK (parent_id <> id)
);
-- Names are unique among siblings (the top-level departments are siblings of each other).
CREATE UNIQUE INDEX departments_sibling_name_key ON departments (coalesce(parent_id, 0), lower(name));
CREATE INDEX departments_parent_idx ON departments (parent_id);
CREATE TRIGGER departments_updated_at BEFORE UPDATE ON departments FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE positions (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    department_id bigint NOT NULL CONSTRAINT positions_department_fkey REFERENCES departments ON DELETE RESTRICT,
    name          text NOT NULL CONSTRAINT positions_name_check
                      CHECK (name = btrim(name) AND char_length(name) BETWEEN 1 AND 100),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT positions_id_department_key UNIQUE (id, department_id)
);
CREATE UNIQUE INDEX positions_department_name_key ON positions (department_id, lower(name));
CREATE TRIGGER positions_updated_at BEFORE UPDATE ON positions FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- A department's head is one of its own positions; deleting that position leaves it without one.
ALTER TABLE departments ADD CONSTRAINT departments_head_position_fkey
    FOREIGN KEY (head_position_id, id) REFERENCES positions (id, department_id) ON DELETE SET NULL (head_position_id);

-- Where a staff member sits: at most one position, and a manager (another staff member). A user
-- without a row is not placed yet. A position with holders cannot be deleted.
CREATE TABLE staff_placements (
    user_id     bigint PRIMARY KEY REFERENCES users ON DELETE CASCADE,
    position_id bigint CONSTRAINT staff_placements_position_fkey REFERENCES positions ON DELETE RESTRICT,
    manager_id  bigint REFERENCES users ON DELETE SET NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT staff_placements_not_own_manager CHECK (manager_id <> user_id)
);
CREATE INDEX staff_placements_position_idx ON staff_placements (position_id);
CREATE INDEX staff_placements_manager_idx ON staff_placements (manager_id);
CREATE TRIGGER staff_placements_updated_at BEFORE UPDATE ON staff_placements
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- No department is inside itself: the new parent's ancestors must not include the department.
-- (UNION, not UNION ALL: the walk ends even on data that somehow already loops.)
CREATE FUNCTION departments_no_cycle() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(8312, 1);
    IF NEW.parent_id IS NOT NULL AND EXISTS (
        WITH RECURSIVE up (id, parent_id) AS (
            SELECT d.id, d.parent_id FROM departments d WHERE d.id = NEW.parent_id
            UNION
            SELECT d.id, d.parent_id FROM departments d JOIN up ON d.id = up.parent_id)
        SELECT FROM up WHERE up.id = NEW.id)
    THEN
        RAISE EXCEPTION 'a department cannot be placed inside itself or one of its sub-departments'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'departments_no_cycle', TABLE = 'departments';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER departments_no_cycle BEFORE INSERT OR UPDATE OF parent_id ON departments
    FOR EACH ROW EXECUTE FUNCTION departments_no_cycle();

-- Nobody manages themself through others: the new manager's chain must not reach the member.
CREATE FUNCTION staff_placements_no_cycle() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(8312, 1);
    IF NEW.manager_id IS NOT NULL AND EXISTS (
        WITH RECURSIVE up (user_id, manager_id) AS (
            SELECT p.user_id, p.manager_id FROM staff_placements p WHERE p.user_id = NEW.manager_id
            UNION
            SELECT p.user_id, p.manager_id FROM staff_placements p JOIN up ON p.user_id = up.manager_id)
        SELECT FROM up WHERE up.manager_id = NEW.user_id)
    THEN
        RAISE EXCEPTION 'a manager chain cannot come back to the member it starts from'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'staff_placements_no_cycle', TABLE = 'staff_placements';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER staff_placements_no_cycle BEFORE INSERT OR UPDATE OF manager_id ON staff_placements
    FOR EACH ROW EXECUTE FUNCTION staff_placements_no_cycle();

INSERT INTO event_types_of_audit (audit_key, event_type) VALUES
    ('department.created', 'department.created'),
    ('department.updated', 'department.updated'),
    ('department.deleted', 'department.deleted'),
    ('position.created', 'position.created'),
    ('position.updated', 'position.updated'),
    ('position.deleted', 'position.deleted'),
    ('user.placed', 'user.placed');

-- The objects of the structure's events: a department with its parent and head, a position with
-- its department and holders' count, a placed member with their position and manager. A deleted
-- record has no object (its event's details say what it was).
ALTER FUNCTION event_object(text, bigint) RENAME TO event_object_before_structure;
CREATE FUNCTION event_object(entity_type text, entity_id bigint) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT CASE entity_type
        WHEN 'department' THEN (
            SELECT jsonb_build_object(
                       'id', d.id, 'name', d.name,
                       'parent', (SELECT jsonb_build_object('id', p.id, 'name', p.name) FROM departments p WHERE p.id = d.parent_id),
                       'head_position', (SELECT jsonb_build_object('id', h.id, 'name', h.name) FROM positions h WHERE h.id = d.head_position_id))
              FROM departments d WHERE d.id = entity_id)
        WHEN 'position' THEN (
            SELECT jsonb_build_object(
                       'id', p.id, 'name', p.name,
                       'department', (SELECT jsonb_build_object('id', d.id, 'name', d.name) FROM departments d WHERE d.id = p.department_id),
                       'holders', (SELECT count(*) FROM staff_placements s WHERE s.position_id = p.id))
              FROM positions p WHERE p.id = entity_id)
        WHEN 'user' THEN (
            SELECT jsonb_build_object(
                       'id', u.id, 'name', u.name, 'email', u.email::text, 'active', u.active,
                       'position', (SELECT jsonb_build_object('id', p.id, 'name', p.name, 'department_id', p.department_id)
                                      FROM staff_placements s JOIN positions p ON p.id = s.position_id WHERE s.user_id = u.id),
                       'manager', (SELECT jsonb_build_object('id', m.id, 'name', m.name, 'email', m.email::text)
                                     FROM staff_placements s JOIN users m ON m.id = s.manager_id WHERE s.user_id = u.id))
              FROM users u WHERE u.id = entity_id)
        ELSE event_object_before_structure(entity_type, entity_id)
    END
$$;

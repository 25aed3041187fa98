-- Least privilege (finding L10). Migrations run as the database's owner (EG_MIGRATE_DATABASE_URL);
-- `serve` and `worker` log in as a member of eventgaraget_app (DATABASE_URL), which reads and
-- writes the tables but owns nothing: it cannot drop a table or the audit trigger, and on the
-- audit log it may only SELECT and INSERT, never change or delete a row. Default privileges give
-- it the same rights on what later migrations create.
--
-- The group role is cluster-wide; production creates it beforehand (README, "Deployment"), a
-- development or test cluster's superuser creates it here. Two databases migrating at once may
-- race to create it: the loser finds it made.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'eventgaraget_app') THEN
        CREATE ROLE eventgaraget_app NOLOGIN;
    END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL;
END
$$;

GRANT USAGE ON SCHEMA public TO eventgaraget_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO eventgaraget_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO eventgaraget_app;
REVOKE UPDATE, DELETE ON audit_log FROM eventgaraget_app;
REVOKE INSERT, UPDATE, DELETE ON schema_migrations FROM eventgaraget_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO eventgaraget_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO eventgaraget_app;

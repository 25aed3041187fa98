-- Idle workers LISTEN on eventgaraget_jobs and wake when a job is queued (delivered at commit,
-- one notification per statement); polling stays as the fallback for jobs due later.
CREATE FUNCTION jobs_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('eventgaraget_jobs', '');
    RETURN NULL;
END
$$;
CREATE TRIGGER jobs_notify AFTER INSERT ON jobs FOR EACH STATEMENT EXECUTE FUNCTION jobs_notify();

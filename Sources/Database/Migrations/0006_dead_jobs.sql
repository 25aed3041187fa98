-- A job that has used up its attempts is dead: it stays in the table, visible with its last
-- error, and no worker claims it again. 'failed' was the old name of that state.
ALTER TABLE jobs DROP CONSTRAINT jobs_state_check;
UPDATE jobs SET state = 'dead' WHERE state = 'failed';
ALTER TABLE jobs ADD CONSTRAINT jobs_state_check CHECK (state IN ('queued', 'running', 'done', 'dead'));
DROP INDEX jobs_failed_idx;
CREATE INDEX jobs_dead_idx ON jobs (id DESC) WHERE state = 'dead';

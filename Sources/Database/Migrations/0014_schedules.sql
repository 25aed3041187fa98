-- Schedules (issue 11): work that runs by the clock, not by a change. Any worker may find one
-- due; the first takes it (FOR UPDATE SKIP LOCKED), moves its next run on and queues a
-- `schedule.run` job in the same transaction, so each run happens once however many workers
-- there are, and survives a worker's death like any job.
CREATE TABLE schedules (
    name            text PRIMARY KEY CONSTRAINT schedules_name_check CHECK (name ~ '^[a-z_]+\.[a-z_]+$'),
    every_seconds   integer NOT NULL CHECK (every_seconds BETWEEN 1 AND 86400),
    next_run_at     timestamptz NOT NULL DEFAULT now(),
    last_run_at     timestamptz
);

-- Quotations whose signing link ran out unsigned become `expired` (their link already answers
-- "expired"); the change writes its audit row and its `quotation.expired` event.
INSERT INTO schedules (name, every_seconds) VALUES ('quotations.expire', 60);

-- Finding the ones due: sent versions by their link's expiry.
CREATE INDEX signing_links_expiry_idx ON signing_links (expires_at) WHERE voided_at IS NULL;

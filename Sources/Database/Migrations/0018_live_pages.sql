-- Live pages (issue 11): where the worker's publisher has got to in the event log. One row; the
-- worker that locks it (SKIP LOCKED) publishes the events after it to nchan and moves it on, in
-- one transaction, so each change is announced once however many workers run.
CREATE TABLE live_cursor (
    id              integer PRIMARY KEY CHECK (id = 1),
    last_event_id   bigint NOT NULL
);
INSERT INTO live_cursor (id, last_event_id) SELECT 1, coalesce(max(id), 0) FROM events;

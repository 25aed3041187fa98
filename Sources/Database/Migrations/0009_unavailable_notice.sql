-- The team's "stock ran out" notice is one per quotation per hour (finding L3): finding the
-- quotation's notices is a lookup by the quotation ID in the payload.
CREATE INDEX jobs_team_unavailable_idx ON jobs (((payload->>'quotation_id')::bigint), run_at DESC)
    WHERE kind = 'email.team_unavailable';

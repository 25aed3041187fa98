-- The editor shows whether each signing link's email went out, is being retried, or could not
-- be sent (finding F5): the link's job is found by the link ID in its payload.
CREATE INDEX jobs_signing_link_idx ON jobs (((payload->>'signing_link_id')::bigint), id DESC)
    WHERE kind = 'email.signing_link';

-- The customer portal: a customer signs in with a single-use link emailed to their address and
-- sees their own quotations, bookings, invoices and conversations. Tokens are stored only as their
-- SHA-256, like the staff sessions and the signing links.

-- One emailed sign-in link: 15 minutes, used once. `email` is the address it went to.
CREATE TABLE portal_links (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id     bigint NOT NULL REFERENCES customers ON DELETE CASCADE,
    token_hash      bytea NOT NULL CONSTRAINT portal_links_token_hash_key UNIQUE
                        CONSTRAINT portal_links_token_hash_check CHECK (octet_length(token_hash) = 32),
    email           citext NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz NOT NULL,
    used_at         timestamptz,
    CONSTRAINT portal_links_expiry_check CHECK (expires_at > created_at)
);
CREATE INDEX portal_links_customer_idx ON portal_links (customer_id, id DESC);

-- Every "send me a link", for a known address or not: the per-address and per-client limits
-- count these. The address is kept as typed (lower-cased by citext's comparison) for an hour's
-- counting; older rows are no longer counted.
CREATE TABLE portal_link_requests (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email           citext NOT NULL CONSTRAINT portal_link_requests_email_check CHECK (length(email) <= 320),
    ip              inet NOT NULL,
    requested_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX portal_link_requests_email_idx ON portal_link_requests (email, requested_at);
CREATE INDEX portal_link_requests_ip_idx ON portal_link_requests (ip, requested_at);

-- A customer's session: its own table, cookie and scope (a staff session is never one of these).
CREATE TABLE portal_sessions (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token_hash      bytea NOT NULL CONSTRAINT portal_sessions_token_hash_key UNIQUE
                        CONSTRAINT portal_sessions_token_hash_check CHECK (octet_length(token_hash) = 32),
    customer_id     bigint NOT NULL REFERENCES customers ON DELETE CASCADE,
    link_id         bigint REFERENCES portal_links ON DELETE SET NULL,
    csrf_secret     bytea NOT NULL CONSTRAINT portal_sessions_csrf_check CHECK (octet_length(csrf_secret) = 32),
    created_at      timestamptz NOT NULL DEFAULT now(),
    last_seen_at    timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz NOT NULL,
    revoked_at      timestamptz,
    ip              inet,
    user_agent      text CONSTRAINT portal_sessions_user_agent_check CHECK (length(user_agent) <= 300)
);
CREATE INDEX portal_sessions_customer_idx ON portal_sessions (customer_id) WHERE revoked_at IS NULL;

-- A customer's message written in the portal is received mail like any other, from the portal.
ALTER TABLE mail_messages DROP CONSTRAINT mail_messages_source_check;
ALTER TABLE mail_messages ADD CONSTRAINT mail_messages_source_check
    CHECK (source IN ('pipe', 'imap', 'staff', 'demo', 'portal'));

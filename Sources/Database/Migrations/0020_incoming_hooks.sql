-- Incoming hooks (issue 11): secret URLs `/hooks/{token}` that other programs post Standard
-- Webhooks messages to. Only the token's SHA-256 is stored (the URL is shown once, like a
-- signing link); the secret checks each message's signature. An accepted message is stored once
-- per `webhook-id` (a sender's retry of it is answered, not repeated) in the same transaction as
-- its `hook.received` event and, for a lead hook, its customer and draft quotation.
CREATE TABLE incoming_hooks (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name                text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    kind                text NOT NULL CHECK (kind IN ('event', 'lead')),
    token_hash          bytea NOT NULL CONSTRAINT incoming_hooks_token_hash_key UNIQUE CHECK (octet_length(token_hash) = 32),
    secret              text NOT NULL CHECK (secret ~ '^whsec_[A-Za-z0-9+/]+=*$'),
    mapping             jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(mapping) = 'object'),
    active              boolean NOT NULL DEFAULT true,
    -- A lead's draft quotation is made in this staff member's name (a draft needs one).
    created_by          bigint NOT NULL REFERENCES users,
    created_at          timestamptz NOT NULL DEFAULT now(),
    received_count      bigint NOT NULL DEFAULT 0,
    last_received_at    timestamptz
);

CREATE TABLE incoming_hook_messages (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    hook_id         bigint NOT NULL REFERENCES incoming_hooks ON DELETE CASCADE,
    message_id      text NOT NULL CHECK (char_length(message_id) BETWEEN 1 AND 200),
    received_at     timestamptz NOT NULL DEFAULT now(),
    event_id        bigint REFERENCES events,  -- set in the transaction that stores the row
    customer_id     bigint REFERENCES customers ON DELETE SET NULL,
    quotation_id    bigint REFERENCES quotations ON DELETE SET NULL,
    note            text CHECK (char_length(note) <= 500),
    CONSTRAINT incoming_hook_messages_once UNIQUE (hook_id, message_id)
);
CREATE INDEX incoming_hook_messages_hook_idx ON incoming_hook_messages (hook_id, id DESC);

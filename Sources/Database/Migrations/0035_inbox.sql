-- The inbox: customer email received (an MTA pipe or IMAP polling), threaded into conversations
-- with a customer, a quotation or a booking, answered from the page, and read for an inquiry that
-- becomes a draft quotation. Products and add-ons get the words customers use for them.

-- The first schema reserved a table for received email that nothing wrote; conversations replace it.
DROP TABLE inbound_emails;

-- One thread with one party. State: `open` (ours to answer), `waiting` (we answered; waiting for
-- the customer), `closed`. A new message from the party opens it again.
CREATE TABLE conversations (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject         text NOT NULL DEFAULT '',
    party_address   citext NOT NULL,
    party_name      text,
    customer_id     bigint REFERENCES customers ON DELETE SET NULL,
    quotation_id    bigint REFERENCES quotations ON DELETE SET NULL,
    booking_id      bigint REFERENCES bookings ON DELETE SET NULL,
    state           text NOT NULL DEFAULT 'open' CONSTRAINT conversations_state_check CHECK (state IN ('open', 'waiting', 'closed')),
    assigned_to     bigint REFERENCES users ON DELETE SET NULL,
    last_message_at timestamptz NOT NULL DEFAULT now(),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER conversations_updated_at BEFORE UPDATE ON conversations FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE INDEX conversations_recent_idx ON conversations (last_message_at DESC, id DESC);
CREATE INDEX conversations_customer_idx ON conversations (customer_id, last_message_at DESC);
CREATE INDEX conversations_quotation_idx ON conversations (quotation_id);
CREATE INDEX conversations_booking_idx ON conversations (booking_id);
CREATE INDEX conversations_party_idx ON conversations (party_address, last_message_at DESC);

-- Every message: received (`in`) or written by staff (`out`). A received message is kept as it
-- came (up to the configured size, with the SHA-256 of all of it) next to what was read from it.
-- A delivery report or an auto-reply has no conversation of its own when it matches none.
CREATE TABLE mail_messages (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    conversation_id bigint REFERENCES conversations ON DELETE CASCADE,
    direction       text NOT NULL CONSTRAINT mail_messages_direction_check CHECK (direction IN ('in', 'out')),
    kind            text NOT NULL CONSTRAINT mail_messages_kind_check
                        CHECK (kind IN ('inquiry', 'reply', 'auto-reply', 'bounce', 'other', 'staff')),
    message_id      text,                       -- without angle brackets
    in_reply_to     text[] NOT NULL DEFAULT '{}',
    references_ids  text[] NOT NULL DEFAULT '{}',
    from_address    citext,
    from_name       text,
    to_addresses    text NOT NULL DEFAULT '',
    subject         text NOT NULL DEFAULT '',
    sent_at         timestamptz,                -- the Date header (received) or when it was sent (staff)
    received_at     timestamptz NOT NULL DEFAULT now(),
    source          text NOT NULL CONSTRAINT mail_messages_source_check CHECK (source IN ('pipe', 'imap', 'staff', 'demo')),
    text_body       text NOT NULL DEFAULT '',   -- the readable text (the HTML's rendering when there is no text part)
    new_text        text NOT NULL DEFAULT '',   -- without quoted history and signature
    signature       text NOT NULL DEFAULT '',
    html_body       text,                       -- sanitised by the Sanitizer before it is stored
    raw             bytea,                      -- NULL when over the configured size (`raw_size` says how big)
    raw_sha256      text,
    raw_size        integer,
    problems        text[] NOT NULL DEFAULT '{}',
    extraction      jsonb,                      -- the inquiry read from it (see the README's "Inbox")
    read_at         timestamptz,                -- a received message staff have opened
    written_by      bigint REFERENCES users ON DELETE SET NULL,
    quotation_id    bigint REFERENCES quotations ON DELETE SET NULL,   -- the draft an inquiry became
    delivery        text CONSTRAINT mail_messages_delivery_check CHECK (delivery IN ('queued', 'sent', 'failed', 'bounced')),
    delivery_detail text,
    CONSTRAINT mail_messages_in_has_raw CHECK (direction = 'out' OR (raw_sha256 IS NOT NULL AND raw_size IS NOT NULL)),
    CONSTRAINT mail_messages_out_in_conversation CHECK (direction = 'in' OR conversation_id IS NOT NULL)
);
-- Redelivery (the MTA again, or IMAP after a restart) is found by Message-ID, or by the bytes.
CREATE UNIQUE INDEX mail_messages_received_id_key ON mail_messages (message_id) WHERE direction = 'in' AND message_id IS NOT NULL;
CREATE UNIQUE INDEX mail_messages_received_sha_key ON mail_messages (raw_sha256) WHERE direction = 'in';
CREATE INDEX mail_messages_message_id_idx ON mail_messages (message_id);
CREATE INDEX mail_messages_conversation_idx ON mail_messages (conversation_id, id);
CREATE INDEX mail_messages_unread_idx ON mail_messages (conversation_id) WHERE direction = 'in' AND read_at IS NULL;

-- Attachments as received: bytes with their type and hash; never decompressed, never run.
CREATE TABLE mail_attachments (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    mail_message_id bigint NOT NULL REFERENCES mail_messages ON DELETE CASCADE,
    position        integer NOT NULL,
    filename        text NOT NULL DEFAULT '',
    content_type    text NOT NULL DEFAULT 'application/octet-stream',
    size            integer NOT NULL,
    sha256          text NOT NULL,
    bytes           bytea,                      -- NULL when over the configured size
    CONSTRAINT mail_attachments_position_key UNIQUE (mail_message_id, position)
);

-- Finding the sent email a reply or a delivery report refers to: the worker records each email's
-- Message-ID in its `email.sent` event.
CREATE INDEX events_email_message_id_idx ON events ((payload->'details'->>'message_id')) WHERE type = 'email.sent';

-- The words customers use for a product ("partytält", "bänkset") and how many people one unit
-- serves (a chair 1, a table 8, a tent its seated guests): the inquiry reader maps needs to products.
ALTER TABLE products ADD COLUMN synonyms text[] NOT NULL DEFAULT '{}';
ALTER TABLE products ADD COLUMN capacity integer CONSTRAINT products_capacity_check CHECK (capacity IS NULL OR capacity > 0);
ALTER TABLE addons ADD COLUMN synonyms text[] NOT NULL DEFAULT '{}';

INSERT INTO event_types_of_audit (audit_key, event_type) VALUES
    ('conversation.message_received', 'conversation.message_received'),
    ('conversation.replied', 'conversation.replied'),
    ('conversation.state_changed', 'conversation.state_changed'),
    ('conversation.assigned', 'conversation.assigned');

-- A conversation's event object: its party is the `email` a trigger's "customer" recipient
-- writes to when the sender is not a customer yet.
ALTER FUNCTION event_object(text, bigint) RENAME TO event_object_before_conversations;
CREATE FUNCTION event_object(entity_type text, entity_id bigint) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT CASE entity_type
        WHEN 'conversation' THEN (
            SELECT jsonb_build_object(
                       'id', c.id, 'subject', c.subject, 'state', c.state, 'email', c.party_address,
                       'name', c.party_name, 'assigned_to', c.assigned_to,
                       'customer', CASE WHEN c.customer_id IS NULL THEN NULL ELSE event_customer(c.customer_id) END,
                       'quotation', (SELECT jsonb_build_object('id', q.id, 'number', q.number) FROM quotations q WHERE q.id = c.quotation_id),
                       'booking', (SELECT jsonb_build_object('id', b.id, 'number', b.number) FROM bookings b WHERE b.id = c.booking_id),
                       'last_message', (
                           SELECT jsonb_build_object('id', m.id, 'kind', m.kind, 'direction', m.direction,
                                                     'subject', m.subject, 'from', m.from_address)
                             FROM mail_messages m WHERE m.conversation_id = c.id ORDER BY m.id DESC LIMIT 1))
              FROM conversations c WHERE c.id = entity_id)
        ELSE event_object_before_conversations(entity_type, entity_id)
    END
$$;

-- "New inquiry → acknowledge": shipped turned off (nothing is sent to a customer unless the
-- company says so); turned on, the sender gets a short thank-you when an inquiry starts a
-- conversation. The "customer" of a conversation's event is its sender.
INSERT INTO triggers (name, event_type, builtin, secret, active) VALUES
    ('Tack för förfrågan – kunden', 'conversation.inquiry_received', 'inquiry_acknowledgement',
     'whsec_' || encode(decode(md5(random()::text) || md5(random()::text), 'hex'), 'base64'), false);

INSERT INTO trigger_versions (trigger_id, version, definition)
SELECT id, 1, $json${
    "actions": [
        {"type": "email", "to": "customer", "subject": "Tack för din förfrågan: {{object.subject}}",
         "body": "Hej!\n\nTack för din förfrågan. Vi har tagit emot den och återkommer med en offert, normalt inom en arbetsdag.\n\nVänliga hälsningar"}
    ]
}$json$::jsonb
FROM triggers WHERE builtin = 'inquiry_acknowledgement';

-- The email logs look for a report on each email sent: by its Message-ID.
CREATE INDEX events_email_bounced_idx ON events ((payload->'details'->>'message_id')) WHERE type = 'email.bounced';

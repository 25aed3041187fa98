-- EventGaraget schema, designed as a whole for the product (later migrations fill in details).
--
-- Conventions
--   * Keys are `bigint GENERATED ALWAYS AS IDENTITY`.
--   * Money is `bigint` öre (1 SEK = 100 öre); rates are basis points (2500 = 25 %).
--   * Instants are `timestamptz` (sessions run in UTC); rental periods are inclusive `date` ranges.
--   * Tokens (sessions, signing links, calendar feeds) are stored only as their SHA-256 (32 bytes).
--   * Editable entities carry `version` for optimistic locking:
--       UPDATE … SET …, version = version + 1 WHERE id = $1 AND version = $2
--     and `updated_at`, which a trigger keeps current.
--   * Optional text is NULL, not ''.
--   * Unique constraints are named `<table>_<column(s)>_key` so a handler can map
--     DatabaseError.Kind.uniqueViolation(constraint:) to the form field; important checks are named too.
--
-- Runs in one transaction (see Migrator); no BEGIN/COMMIT here.

CREATE EXTENSION IF NOT EXISTS citext;   -- case-insensitive e-mail addresses
CREATE EXTENSION IF NOT EXISTS pg_trgm;  -- substring search on customers and products

CREATE FUNCTION set_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
$$;

-- ---------------------------------------------------------------------------------------------
-- Company settings: exactly one row.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE settings (
    id                          boolean PRIMARY KEY DEFAULT true CONSTRAINT settings_single_row CHECK (id),
    company_name                text NOT NULL CONSTRAINT settings_company_name_check CHECK (btrim(company_name) <> ''),
    org_number                  text,                 -- organisationsnummer, e.g. 556677-8899
    vat_number                  text,                 -- momsregistreringsnummer, e.g. SE556677889901
    address_line1               text,
    address_line2               text,
    postal_code                 text,
    city                        text,
    country                     text NOT NULL DEFAULT 'SE',
    contact_email               citext,
    contact_phone               text,
    website_url                 text,
    team_notification_email     citext,               -- where "new booking" alerts go
    email_sender                text,                 -- From: header, e.g. 'EventGaraget <bokning@example.se>'
    default_vat_rate_bp         integer NOT NULL DEFAULT 2500
                                CONSTRAINT settings_default_vat_rate_check CHECK (default_vat_rate_bp BETWEEN 0 AND 10000),
    signing_link_validity_days  integer NOT NULL DEFAULT 30
                                CONSTRAINT settings_signing_link_validity_check CHECK (signing_link_validity_days BETWEEN 1 AND 365),
    terms_template_html         text NOT NULL DEFAULT '',   -- sanitised HTML, copied into new quotations
    logo                        bytea,
    logo_mime                   text,
    updated_at                  timestamptz NOT NULL DEFAULT now(),
    version                     integer NOT NULL DEFAULT 1,
    CONSTRAINT settings_logo_check CHECK (
        (logo IS NULL AND logo_mime IS NULL)
        OR (logo IS NOT NULL AND logo_mime IN ('image/png', 'image/jpeg', 'image/webp'))
    )
);
CREATE TRIGGER settings_updated_at BEFORE UPDATE ON settings FOR EACH ROW EXECUTE FUNCTION set_updated_at();

INSERT INTO settings (company_name) VALUES ('EventGaraget');

-- ---------------------------------------------------------------------------------------------
-- Staff, sessions, login throttling.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE users (
    id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email                   citext NOT NULL CONSTRAINT users_email_key UNIQUE
                            CONSTRAINT users_email_check CHECK (email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
    name                    text NOT NULL CONSTRAINT users_name_check CHECK (btrim(name) <> ''),
    role                    text NOT NULL CONSTRAINT users_role_check CHECK (role IN ('admin', 'manager', 'warehouse', 'support')),
    password_hash           text NOT NULL,                          -- argon2id encoded string
    active                  boolean NOT NULL DEFAULT true,
    locale                  text NOT NULL DEFAULT 'sv' CONSTRAINT users_locale_check CHECK (locale IN ('sv', 'en')),
    failed_login_count      integer NOT NULL DEFAULT 0 CHECK (failed_login_count >= 0),
    last_failed_login_at    timestamptz,
    locked_until            timestamptz,
    last_login_at           timestamptz,
    password_changed_at     timestamptz NOT NULL DEFAULT now(),
    version                 integer NOT NULL DEFAULT 1,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER users_updated_at BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE sessions (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token_hash      bytea NOT NULL CONSTRAINT sessions_token_hash_key UNIQUE CHECK (octet_length(token_hash) = 32),
    user_id         bigint NOT NULL REFERENCES users ON DELETE CASCADE,
    csrf_secret     bytea NOT NULL CHECK (octet_length(csrf_secret) = 32),
    created_at      timestamptz NOT NULL DEFAULT now(),
    last_seen_at    timestamptz NOT NULL DEFAULT now(),   -- idle expiry: last_seen_at + idle timeout
    expires_at      timestamptz NOT NULL,                 -- absolute expiry
    revoked_at      timestamptz,                          -- logout, password change, deactivation
    ip              inet,
    user_agent      text,
    CONSTRAINT sessions_expiry_check CHECK (expires_at > created_at)
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);   -- clean-up job

-- Every login attempt, for throttling per IP address and per e-mail address.
CREATE TABLE login_attempts (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    ip          inet NOT NULL,
    email       citext,
    succeeded   boolean NOT NULL
);
CREATE INDEX login_attempts_ip_idx ON login_attempts (ip, at DESC);
CREATE INDEX login_attempts_email_idx ON login_attempts (email, at DESC);
CREATE INDEX login_attempts_at_idx ON login_attempts (at);   -- clean-up job

-- Calendar subscriptions (iCalendar feed URL with a secret token) per staff member.
CREATE TABLE calendar_feeds (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id         bigint NOT NULL REFERENCES users ON DELETE CASCADE,
    token_hash      bytea NOT NULL CONSTRAINT calendar_feeds_token_hash_key UNIQUE CHECK (octet_length(token_hash) = 32),
    name            text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    last_used_at    timestamptz,
    revoked_at      timestamptz
);
CREATE INDEX calendar_feeds_user_idx ON calendar_feeds (user_id);

-- ---------------------------------------------------------------------------------------------
-- Audit log: one row per change of state, written in the same transaction as the change.
-- Rows are never updated (enforced by trigger); old rows may be deleted by a retention job.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE audit_log (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at              timestamptz NOT NULL DEFAULT now(),
    actor_user_id   bigint REFERENCES users,
    actor_kind      text NOT NULL CONSTRAINT audit_log_actor_kind_check CHECK (actor_kind IN ('user', 'customer', 'system', 'worker')),
    entity_type     text NOT NULL,       -- 'quotation', 'booking', 'customer', 'product', 'user', 'settings', …
    entity_id       bigint,              -- NULL for singletons such as settings
    action          text NOT NULL,       -- 'created', 'updated', 'sent', 'signed', 'state_changed', …
    before          jsonb,
    after           jsonb,
    request_id      text,
    ip              inet,
    CONSTRAINT audit_log_actor_check CHECK (actor_kind <> 'user' OR actor_user_id IS NOT NULL)
);
-- Keyset pagination is `ORDER BY id DESC … WHERE id < $cursor`; each filter has an index ending in id.
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, id DESC);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_user_id, id DESC) WHERE actor_user_id IS NOT NULL;
CREATE INDEX audit_log_action_idx ON audit_log (action, id DESC);
CREATE INDEX audit_log_at_idx ON audit_log (at);

CREATE FUNCTION audit_log_immutable() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log rows cannot be changed' USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_immutable();

-- ---------------------------------------------------------------------------------------------
-- Job queue (transactional outbox). Written in the same transaction as the change that causes it;
-- workers claim with FOR UPDATE SKIP LOCKED and hold a lease (locked_until). A 'running' job whose
-- lease has expired (worker died) is claimable again.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE jobs (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind            text NOT NULL,        -- 'email.signing_link', 'email.signed', 'webhook', 'pdf.signed_agreement', …
    payload         jsonb NOT NULL DEFAULT '{}',
    state           text NOT NULL DEFAULT 'queued'
                    CONSTRAINT jobs_state_check CHECK (state IN ('queued', 'running', 'done', 'failed')),
    run_at          timestamptz NOT NULL DEFAULT now(),
    attempts        integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    max_attempts    integer NOT NULL DEFAULT 10 CHECK (max_attempts > 0),
    locked_by       text,                 -- worker id (host:pid)
    locked_until    timestamptz,          -- lease
    last_error      text,
    dedupe_key      text CONSTRAINT jobs_dedupe_key_key UNIQUE,   -- optional idempotency key
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    done_at         timestamptz,
    CONSTRAINT jobs_lease_check CHECK (state <> 'running' OR (locked_by IS NOT NULL AND locked_until IS NOT NULL)),
    CONSTRAINT jobs_done_check CHECK ((state = 'done') = (done_at IS NOT NULL))
);
CREATE TRIGGER jobs_updated_at BEFORE UPDATE ON jobs FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE INDEX jobs_claimable_idx ON jobs (run_at, id) WHERE state = 'queued';
CREATE INDEX jobs_expired_lease_idx ON jobs (locked_until) WHERE state = 'running';
CREATE INDEX jobs_failed_idx ON jobs (id DESC) WHERE state = 'failed';
CREATE INDEX jobs_kind_idx ON jobs (kind, id DESC);

-- Outgoing webhook endpoints (signed with HMAC-SHA256 using `secret`).
CREATE TABLE webhook_endpoints (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    url             text NOT NULL CONSTRAINT webhook_endpoints_url_check CHECK (url ~ '^https?://'),
    secret          text NOT NULL,
    events          text[] NOT NULL DEFAULT '{}',   -- 'quotation.signed', 'booking.state_changed', …; empty = all
    active          boolean NOT NULL DEFAULT true,
    description     text,
    version         integer NOT NULL DEFAULT 1,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER webhook_endpoints_updated_at BEFORE UPDATE ON webhook_endpoints FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- Gap-free document numbers per kind and year (Q-2025-0001, EG-2025-0001, invoices). Allocate inside
-- the transaction that uses the number:
--   INSERT INTO number_sequences (kind, year, last_number) VALUES ($1, $2, 1)
--   ON CONFLICT (kind, year) DO UPDATE SET last_number = number_sequences.last_number + 1
--   RETURNING last_number
-- The row lock serialises allocators; a rollback gives the number back.
CREATE TABLE number_sequences (
    kind            text NOT NULL CONSTRAINT number_sequences_kind_check CHECK (kind IN ('quotation', 'booking', 'invoice')),
    year            integer NOT NULL CHECK (year BETWEEN 2000 AND 9999),
    last_number     integer NOT NULL CHECK (last_number >= 0),
    PRIMARY KEY (kind, year)
);

-- ---------------------------------------------------------------------------------------------
-- Customers.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE customers (
    id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind                    text NOT NULL CONSTRAINT customers_kind_check CHECK (kind IN ('person', 'company')),
    name                    text NOT NULL CONSTRAINT customers_name_check CHECK (btrim(name) <> ''),   -- person, or company contact
    company_name            text,
    org_number              text,
    vat_number              text,
    email                   citext CONSTRAINT customers_email_check CHECK (email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
    phone                   text,
    billing_address_line1   text,
    billing_address_line2   text,
    billing_postal_code     text,
    billing_city            text,
    billing_country         text NOT NULL DEFAULT 'SE',
    delivery_address_line1  text,
    delivery_address_line2  text,
    delivery_postal_code    text,
    delivery_city           text,
    delivery_country        text NOT NULL DEFAULT 'SE',
    locale                  text NOT NULL DEFAULT 'sv' CONSTRAINT customers_locale_check CHECK (locale IN ('sv', 'en')),
    notes                   text,          -- internal
    archived_at             timestamptz,
    version                 integer NOT NULL DEFAULT 1,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now(),
    -- One column to search: WHERE search_text ILIKE '%' || $1 || '%' (served by the trigram index).
    search_text             text GENERATED ALWAYS AS (
                                coalesce(name, '') || ' ' || coalesce(company_name, '') || ' '
                                || coalesce(email::text, '') || ' ' || coalesce(phone, '') || ' '
                                || coalesce(org_number, '')
                            ) STORED,
    CONSTRAINT customers_company_name_check CHECK (kind = 'person' OR btrim(company_name) <> '')
);
CREATE TRIGGER customers_updated_at BEFORE UPDATE ON customers FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE INDEX customers_search_idx ON customers USING gin (search_text gin_trgm_ops);
CREATE INDEX customers_email_idx ON customers (email);                                   -- match inbound e-mail
CREATE INDEX customers_active_name_idx ON customers (name, id) WHERE archived_at IS NULL;  -- default list

-- ---------------------------------------------------------------------------------------------
-- Catalogue.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE product_categories (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name            text NOT NULL CONSTRAINT product_categories_name_key UNIQUE CHECK (btrim(name) <> ''),
    position        integer NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE products (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sku                 text NOT NULL CONSTRAINT products_sku_key UNIQUE CONSTRAINT products_sku_check CHECK (btrim(sku) <> ''),
    name                text NOT NULL CONSTRAINT products_name_check CHECK (btrim(name) <> ''),
    description_html    text NOT NULL DEFAULT '',      -- sanitised by the Sanitizer before it is stored
    category_id         bigint REFERENCES product_categories ON DELETE SET NULL,
    price_ore           bigint NOT NULL CONSTRAINT products_price_check CHECK (price_ore >= 0),
    pricing             text NOT NULL CONSTRAINT products_pricing_check CHECK (pricing IN ('per_day', 'per_rental')),
    stock               integer NOT NULL CONSTRAINT products_stock_check CHECK (stock >= 0),
    active              boolean NOT NULL DEFAULT true,
    version             integer NOT NULL DEFAULT 1,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER products_updated_at BEFORE UPDATE ON products FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE INDEX products_category_idx ON products (category_id);
CREATE INDEX products_search_idx ON products USING gin ((sku || ' ' || name) gin_trgm_ops);

CREATE TABLE addons (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name            text NOT NULL CONSTRAINT addons_name_check CHECK (btrim(name) <> ''),
    description     text,
    price_ore       bigint NOT NULL CONSTRAINT addons_price_check CHECK (price_ore >= 0),
    pricing         text NOT NULL CONSTRAINT addons_pricing_check CHECK (pricing IN ('flat', 'per_unit')),
    product_id      bigint REFERENCES products ON DELETE CASCADE,   -- NULL: offered with any product
    active          boolean NOT NULL DEFAULT true,
    version         integer NOT NULL DEFAULT 1,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER addons_updated_at BEFORE UPDATE ON addons FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE INDEX addons_product_idx ON addons (product_id);

-- ---------------------------------------------------------------------------------------------
-- Quotations. A quotation is edited as a draft; "send for signing" freezes a version (snapshot +
-- SHA-256) and issues a signing link for it. Editing a sent quotation makes a new version and voids
-- the old link. Totals are computed by Domain and stored for lists and reports.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE quotations (
    id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    number                  text NOT NULL CONSTRAINT quotations_number_key UNIQUE
                            CONSTRAINT quotations_number_check CHECK (number ~ '^Q-[0-9]{4}-[0-9]{4,}$'),
    customer_id             bigint NOT NULL REFERENCES customers,
    state                   text NOT NULL DEFAULT 'draft'
                            CONSTRAINT quotations_state_check CHECK (state IN ('draft', 'sent', 'signed', 'declined', 'expired', 'void')),
    current_version         integer NOT NULL DEFAULT 0 CHECK (current_version >= 0),   -- 0: never sent
    title                   text,                -- event name shown to the customer
    period_start            date NOT NULL,
    period_end              date NOT NULL,
    delivery_address_line1  text,
    delivery_address_line2  text,
    delivery_postal_code    text,
    delivery_city           text,
    delivery_country        text NOT NULL DEFAULT 'SE',
    discount_bp             integer NOT NULL DEFAULT 0 CONSTRAINT quotations_discount_bp_check CHECK (discount_bp BETWEEN 0 AND 10000),
    discount_ore            bigint NOT NULL DEFAULT 0 CONSTRAINT quotations_discount_ore_check CHECK (discount_ore >= 0),
    shipping_ore            bigint NOT NULL DEFAULT 0 CONSTRAINT quotations_shipping_check CHECK (shipping_ore >= 0),
    vat_rate_bp             integer NOT NULL DEFAULT 2500 CONSTRAINT quotations_vat_rate_check CHECK (vat_rate_bp BETWEEN 0 AND 10000),
    subtotal_ore            bigint NOT NULL DEFAULT 0 CHECK (subtotal_ore >= 0),
    vat_ore                 bigint NOT NULL DEFAULT 0 CHECK (vat_ore >= 0),
    total_ore               bigint NOT NULL DEFAULT 0 CHECK (total_ore >= 0),
    terms_html              text NOT NULL DEFAULT '',   -- sanitised
    message_to_customer     text,
    internal_notes          text,
    created_by              bigint NOT NULL REFERENCES users,
    version                 integer NOT NULL DEFAULT 1,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT quotations_period_check CHECK (period_end >= period_start),
    CONSTRAINT quotations_discount_check CHECK (discount_bp = 0 OR discount_ore = 0)
);
CREATE TRIGGER quotations_updated_at BEFORE UPDATE ON quotations FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE INDEX quotations_customer_idx ON quotations (customer_id, id DESC);
CREATE INDEX quotations_state_idx ON quotations (state, updated_at DESC);
CREATE INDEX quotations_period_idx ON quotations (period_start);
CREATE INDEX quotations_created_idx ON quotations (created_at DESC);

CREATE TABLE quotation_lines (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    quotation_id        bigint NOT NULL REFERENCES quotations ON DELETE CASCADE,
    position            integer NOT NULL CHECK (position >= 0),
    product_id          bigint REFERENCES products,
    addon_id            bigint REFERENCES addons,
    description         text NOT NULL,
    quantity            integer NOT NULL CONSTRAINT quotation_lines_quantity_check CHECK (quantity > 0),
    days                integer NOT NULL DEFAULT 1 CONSTRAINT quotation_lines_days_check CHECK (days > 0),
    pricing             text NOT NULL CHECK (pricing IN ('per_day', 'per_rental', 'flat', 'per_unit')),
    unit_price_ore      bigint NOT NULL CONSTRAINT quotation_lines_unit_price_check CHECK (unit_price_ore >= 0),
    discount_bp         integer NOT NULL DEFAULT 0 CONSTRAINT quotation_lines_discount_check CHECK (discount_bp BETWEEN 0 AND 10000),
    line_total_ore      bigint NOT NULL CHECK (line_total_ore >= 0),
    CONSTRAINT quotation_lines_item_check CHECK (product_id IS NULL OR addon_id IS NULL),   -- both NULL: free-text line
    -- Deferred, so lines can be reordered inside one transaction.
    CONSTRAINT quotation_lines_position_key UNIQUE (quotation_id, position) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX quotation_lines_product_idx ON quotation_lines (product_id) WHERE product_id IS NOT NULL;
CREATE INDEX quotation_lines_addon_idx ON quotation_lines (addon_id) WHERE addon_id IS NOT NULL;

-- A frozen version: exactly what the customer is asked to sign.
--
-- `snapshot` is the canonical JSON text exactly as hashed, not jsonb: jsonb re-orders keys and
-- re-formats numbers, so the SHA-256 could not be checked again later. The CHECK proves the hash
-- matches; query it as snapshot::jsonb when needed.
CREATE TABLE quotation_versions (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    quotation_id        bigint NOT NULL REFERENCES quotations,
    version_no          integer NOT NULL CHECK (version_no > 0),
    snapshot            text NOT NULL CONSTRAINT quotation_versions_snapshot_json_check CHECK ((snapshot::jsonb) IS NOT NULL),
    snapshot_sha256     bytea NOT NULL,
    state               text NOT NULL DEFAULT 'sent'
                        CONSTRAINT quotation_versions_state_check CHECK (state IN ('sent', 'signed', 'declined', 'expired', 'superseded', 'void')),
    total_ore           bigint NOT NULL CHECK (total_ore >= 0),
    created_by          bigint REFERENCES users,
    created_at          timestamptz NOT NULL DEFAULT now(),
    sent_at             timestamptz,
    CONSTRAINT quotation_versions_quotation_version_key UNIQUE (quotation_id, version_no),
    CONSTRAINT quotation_versions_sha256_check CHECK (snapshot_sha256 = sha256(convert_to(snapshot, 'UTF8')))
);
-- At most one signed version per quotation.
CREATE UNIQUE INDEX quotation_versions_one_signed_key ON quotation_versions (quotation_id) WHERE state = 'signed';

-- The link e-mailed to the customer. Only the token's hash is stored. At most one live link per version:
-- re-sending voids the old link and issues a new one in the same transaction.
CREATE TABLE signing_links (
    id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token_hash              bytea NOT NULL CONSTRAINT signing_links_token_hash_key UNIQUE CHECK (octet_length(token_hash) = 32),
    quotation_version_id    bigint NOT NULL REFERENCES quotation_versions,
    recipient_email         citext NOT NULL,
    created_by              bigint REFERENCES users,
    created_at              timestamptz NOT NULL DEFAULT now(),
    expires_at              timestamptz NOT NULL,
    voided_at               timestamptz,
    first_viewed_at         timestamptz,
    last_viewed_at          timestamptz,
    view_count              integer NOT NULL DEFAULT 0 CHECK (view_count >= 0),
    CONSTRAINT signing_links_expiry_check CHECK (expires_at > created_at)
);
CREATE UNIQUE INDEX signing_links_one_live_key ON signing_links (quotation_version_id) WHERE voided_at IS NULL;

-- Signing evidence. One signature per version: a double submit hits signatures_quotation_version_key
-- and the handler returns the existing result.
CREATE TABLE signatures (
    id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    quotation_version_id    bigint NOT NULL CONSTRAINT signatures_quotation_version_key UNIQUE REFERENCES quotation_versions,
    signing_link_id         bigint NOT NULL REFERENCES signing_links,
    signer_name             text NOT NULL CONSTRAINT signatures_signer_name_check CHECK (btrim(signer_name) <> ''),
    signer_email            citext,
    method                  text NOT NULL CONSTRAINT signatures_method_check CHECK (method IN ('drawn', 'typed')),
    strokes                 jsonb,          -- drawn: [[{x, y, t, pressure}, …], …]
    typed_text              text,           -- typed: the name as typed
    consent                 boolean NOT NULL CONSTRAINT signatures_consent_check CHECK (consent),
    ip                      inet,
    user_agent              text,
    signed_at               timestamptz NOT NULL DEFAULT now(),
    document_sha256         bytea NOT NULL CHECK (octet_length(document_sha256) = 32),
    CONSTRAINT signatures_method_data_check CHECK (
        (method = 'drawn' AND strokes IS NOT NULL)
        OR (method = 'typed' AND btrim(typed_text) <> '')
    )
);
CREATE INDEX signatures_signing_link_idx ON signatures (signing_link_id);

CREATE TABLE declines (
    id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    quotation_version_id    bigint NOT NULL CONSTRAINT declines_quotation_version_key UNIQUE REFERENCES quotation_versions,
    signing_link_id         bigint NOT NULL REFERENCES signing_links,
    reason                  text,
    ip                      inet,
    user_agent              text,
    declined_at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX declines_signing_link_idx ON declines (signing_link_id);

-- ---------------------------------------------------------------------------------------------
-- Bookings: a signed quotation version becomes a booking. Its booking_lines reserve stock.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE bookings (
    id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    number                  text NOT NULL CONSTRAINT bookings_number_key UNIQUE
                            CONSTRAINT bookings_number_check CHECK (number ~ '^EG-[0-9]{4}-[0-9]{4,}$'),
    quotation_id            bigint NOT NULL CONSTRAINT bookings_quotation_key UNIQUE REFERENCES quotations,
    quotation_version_id    bigint NOT NULL REFERENCES quotation_versions,
    customer_id             bigint NOT NULL REFERENCES customers,
    state                   text NOT NULL DEFAULT 'confirmed'
                            CONSTRAINT bookings_state_check CHECK (state IN ('confirmed', 'packed', 'delivered', 'returned', 'closed', 'cancelled')),
    title                   text,
    period_start            date NOT NULL,
    period_end              date NOT NULL,
    delivery_address_line1  text,
    delivery_address_line2  text,
    delivery_postal_code    text,
    delivery_city           text,
    delivery_country        text NOT NULL DEFAULT 'SE',
    vat_rate_bp             integer NOT NULL CHECK (vat_rate_bp BETWEEN 0 AND 10000),
    subtotal_ore            bigint NOT NULL CHECK (subtotal_ore >= 0),
    discount_ore            bigint NOT NULL DEFAULT 0 CHECK (discount_ore >= 0),
    shipping_ore            bigint NOT NULL DEFAULT 0 CHECK (shipping_ore >= 0),
    vat_ore                 bigint NOT NULL CHECK (vat_ore >= 0),
    total_ore               bigint NOT NULL CHECK (total_ore >= 0),
    approved_by             bigint REFERENCES users,
    approved_at             timestamptz,
    cancelled_at            timestamptz,
    cancel_reason           text,
    invoice_number          text CONSTRAINT bookings_invoice_number_key UNIQUE,
    invoiced_at             timestamptz,
    notes                   text,
    version                 integer NOT NULL DEFAULT 1,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT bookings_period_check CHECK (period_end >= period_start),
    CONSTRAINT bookings_approval_check CHECK ((approved_by IS NULL) = (approved_at IS NULL)),
    CONSTRAINT bookings_cancel_check CHECK ((state = 'cancelled') = (cancelled_at IS NOT NULL)),
    CONSTRAINT bookings_invoice_check CHECK ((invoice_number IS NULL) = (invoiced_at IS NULL))
);
CREATE TRIGGER bookings_updated_at BEFORE UPDATE ON bookings FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE INDEX bookings_customer_idx ON bookings (customer_id, id DESC);
CREATE INDEX bookings_state_period_idx ON bookings (state, period_start);   -- lists, dashboard
-- Calendar: WHERE daterange(period_start, period_end, '[]') && daterange($1, $2, '[]')
CREATE INDEX bookings_period_idx ON bookings USING gist (daterange(period_start, period_end, '[]'));
CREATE INDEX bookings_created_idx ON bookings (created_at DESC);

-- Reserved quantities. Availability of a product for [from, to] is
--   stock - sum(quantity) of lines overlapping the period whose booking is confirmed, packed or delivered.
CREATE TABLE booking_lines (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    booking_id      bigint NOT NULL REFERENCES bookings ON DELETE CASCADE,
    product_id      bigint NOT NULL REFERENCES products,
    quantity        integer NOT NULL CONSTRAINT booking_lines_quantity_check CHECK (quantity > 0),
    period_start    date NOT NULL,
    period_end      date NOT NULL,
    CONSTRAINT booking_lines_period_check CHECK (period_end >= period_start)
);
CREATE INDEX booking_lines_booking_idx ON booking_lines (booking_id);
CREATE INDEX booking_lines_availability_idx ON booking_lines (product_id, period_start, period_end);

-- ---------------------------------------------------------------------------------------------
-- Stored files: contract PDFs and others, with their SHA-256 (checked by the database).
-- ---------------------------------------------------------------------------------------------
CREATE TABLE documents (
    id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind                    text NOT NULL CONSTRAINT documents_kind_check
                            CHECK (kind IN ('signed_agreement', 'quotation', 'invoice', 'delivery_note', 'attachment')),
    quotation_version_id    bigint REFERENCES quotation_versions,
    booking_id              bigint REFERENCES bookings,
    file_name               text NOT NULL CHECK (btrim(file_name) <> ''),
    mime                    text NOT NULL,
    content                 bytea NOT NULL,
    sha256                  bytea NOT NULL,
    size_bytes              integer GENERATED ALWAYS AS (octet_length(content)) STORED,
    created_at              timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT documents_owner_check CHECK (quotation_version_id IS NOT NULL OR booking_id IS NOT NULL),
    CONSTRAINT documents_sha256_check CHECK (sha256 = sha256(content))
);
-- One signed agreement per version: the PDF job is idempotent.
CREATE UNIQUE INDEX documents_signed_agreement_key ON documents (quotation_version_id) WHERE kind = 'signed_agreement';
CREATE INDEX documents_quotation_version_idx ON documents (quotation_version_id);
CREATE INDEX documents_booking_idx ON documents (booking_id);

-- ---------------------------------------------------------------------------------------------
-- Inbound e-mail (`eventgaraget ingest-email`, piped from the MTA).
-- ---------------------------------------------------------------------------------------------
CREATE TABLE inbound_emails (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id      text CONSTRAINT inbound_emails_message_id_key UNIQUE,   -- Message-ID header; redelivery is a no-op
    received_at     timestamptz NOT NULL DEFAULT now(),
    from_address    citext,
    subject         text,
    raw             bytea NOT NULL,      -- RFC 5322 message as received
    customer_id     bigint REFERENCES customers,
    quotation_id    bigint REFERENCES quotations,
    processed_at    timestamptz
);
CREATE INDEX inbound_emails_unprocessed_idx ON inbound_emails (received_at) WHERE processed_at IS NULL;
CREATE INDEX inbound_emails_customer_idx ON inbound_emails (customer_id, id DESC);

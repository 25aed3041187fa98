-- Custom fields: an admin adds fields to customers, products, quotations and bookings without a
-- migration. The definitions live in custom_field_definitions; each record keeps its values in its
-- own `custom` JSON object (key → value), with a GIN index (jsonb_path_ops) so a list filter on a
-- value (`custom @> '{"kundtyp": "Företag"}'`) stays an index scan at 100,000 rows.

CREATE TABLE custom_field_definitions (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entity           text NOT NULL CONSTRAINT custom_field_definitions_entity_check
                         CHECK (entity IN ('customer', 'product', 'quotation', 'booking')),
    key              text NOT NULL CONSTRAINT custom_field_definitions_key_check
                         CHECK (key ~ '^[a-z][a-z0-9_]{0,39}$'),
    kind             text NOT NULL CONSTRAINT custom_field_definitions_kind_check
                         CHECK (kind IN ('text', 'long_text', 'number', 'money', 'date', 'yes_no', 'choice',
                                         'multi_choice', 'customer', 'product', 'file')),
    label            text NOT NULL CONSTRAINT custom_field_definitions_label_check
                         CHECK (label = btrim(label) AND char_length(label) BETWEEN 1 AND 100),
    help             text NOT NULL DEFAULT '' CHECK (char_length(help) <= 500),
    options          jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(options) = 'array'),
    required         boolean NOT NULL DEFAULT false,
    default_value    text NOT NULL DEFAULT '',
    list_column      boolean NOT NULL DEFAULT false,
    filterable       boolean NOT NULL DEFAULT false,
    customer_visible boolean NOT NULL DEFAULT false
                         CONSTRAINT custom_field_definitions_customer_visible_check
                         CHECK (NOT customer_visible OR entity = 'quotation'),
    position         integer NOT NULL DEFAULT 0,
    archived_at      timestamptz,
    version          integer NOT NULL DEFAULT 1,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    -- Keys are never reused, archived fields' values are still stored under theirs.
    CONSTRAINT custom_field_definitions_key_unique UNIQUE (entity, key)
);
CREATE INDEX custom_field_definitions_entity_idx ON custom_field_definitions (entity, position, id);
CREATE TRIGGER custom_field_definitions_updated_at BEFORE UPDATE ON custom_field_definitions
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- The files of file fields; a value points at its row (`{"id": …, "name": …}`).
CREATE TABLE custom_field_files (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    filename     text NOT NULL CHECK (char_length(filename) BETWEEN 1 AND 200),
    content_type text NOT NULL,
    bytes        bytea NOT NULL,
    sha256       bytea NOT NULL CHECK (octet_length(sha256) = 32),
    created_at   timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE customers ADD COLUMN custom jsonb NOT NULL DEFAULT '{}'
    CONSTRAINT customers_custom_check CHECK (jsonb_typeof(custom) = 'object');
ALTER TABLE products ADD COLUMN custom jsonb NOT NULL DEFAULT '{}'
    CONSTRAINT products_custom_check CHECK (jsonb_typeof(custom) = 'object');
ALTER TABLE quotations ADD COLUMN custom jsonb NOT NULL DEFAULT '{}'
    CONSTRAINT quotations_custom_check CHECK (jsonb_typeof(custom) = 'object');
ALTER TABLE bookings ADD COLUMN custom jsonb NOT NULL DEFAULT '{}'
    CONSTRAINT bookings_custom_check CHECK (jsonb_typeof(custom) = 'object');
CREATE INDEX customers_custom_idx ON customers USING gin (custom jsonb_path_ops);
CREATE INDEX products_custom_idx ON products USING gin (custom jsonb_path_ops);
CREATE INDEX quotations_custom_idx ON quotations USING gin (custom jsonb_path_ops);
CREATE INDEX bookings_custom_idx ON bookings USING gin (custom jsonb_path_ops);

-- Events: the definitions' changes, and every customer, quotation and booking event carries the
-- record's custom values (`object.custom.<key>`, `object.customer.custom.<key>`) for triggers. A
-- booking's `custom` is its quotation's values overlaid with the booking's own, so "booking
-- confirmed where custom.markunderlag = gräs" reads the ground the quotation recorded.
INSERT INTO event_types_of_audit (audit_key, event_type) VALUES
    ('custom_field.created', 'custom_field.created'),
    ('custom_field.updated', 'custom_field.updated'),
    ('custom_field.archived', 'custom_field.archived'),
    ('custom_field.restored', 'custom_field.restored'),
    ('custom_field.moved', 'custom_field.moved');

CREATE OR REPLACE FUNCTION event_customer(customer_id bigint) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
               'id', c.id, 'kind', c.kind, 'name', c.name, 'company_name', c.company_name,
               'email', c.email, 'phone', c.phone, 'org_number', c.org_number, 'locale', c.locale,
               'archived', c.archived_at IS NOT NULL, 'custom', c.custom)
      FROM customers c WHERE c.id = customer_id
$$;

ALTER FUNCTION event_object(text, bigint) RENAME TO event_object_before_custom_fields;
CREATE FUNCTION event_object(entity_type text, entity_id bigint) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT CASE
        WHEN entity_type = 'custom_field' THEN (
            SELECT jsonb_build_object(
                       'id', d.id, 'entity', d.entity, 'key', d.key, 'kind', d.kind, 'label', d.label,
                       'required', d.required, 'list_column', d.list_column, 'filterable', d.filterable,
                       'customer_visible', d.customer_visible, 'archived', d.archived_at IS NOT NULL)
              FROM custom_field_definitions d WHERE d.id = entity_id)
        WHEN o IS NULL THEN NULL
        WHEN entity_type = 'quotation' THEN
            o || jsonb_build_object('custom', (SELECT q.custom FROM quotations q WHERE q.id = entity_id))
        WHEN entity_type = 'booking' THEN
            o || jsonb_build_object('custom', (SELECT q.custom || b.custom FROM bookings b
                                                 JOIN quotations q ON q.id = b.quotation_id WHERE b.id = entity_id))
        ELSE o
    END
      FROM event_object_before_custom_fields(entity_type, entity_id) AS o
$$;

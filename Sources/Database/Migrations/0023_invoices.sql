-- Invoicing (issue 12), the first floor: invoices and credit notes from a booking's signed version,
-- issued with a gap-free number, an OCR reference, their PDF and their Peppol UBL XML, each with
-- its SHA-256; an
-- issued document cannot be changed or deleted (enforced here, not only in the pages).

-- What Swedish invoices must say about the seller, and how it is paid.
ALTER TABLE settings
    ADD COLUMN bankgiro text CONSTRAINT settings_bankgiro_check CHECK (bankgiro ~ '^[0-9]{3,4}-[0-9]{4}$'),
    ADD COLUMN approved_for_f_tax boolean NOT NULL DEFAULT true,     -- "Godkänd för F-skatt"
    ADD COLUMN registered_seat text CONSTRAINT settings_registered_seat_check CHECK (char_length(registered_seat) <= 100),
    ADD COLUMN invoice_terms_days integer NOT NULL DEFAULT 30
        CONSTRAINT settings_invoice_terms_check CHECK (invoice_terms_days BETWEEN 0 AND 120),
    ADD COLUMN invoice_round_to_kronor boolean NOT NULL DEFAULT true;  -- avrundningslagen, booked as rounding

CREATE TABLE invoices (
    id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind                    text NOT NULL CONSTRAINT invoices_kind_check CHECK (kind IN ('invoice', 'credit_note')),
    state                   text NOT NULL DEFAULT 'draft' CONSTRAINT invoices_state_check CHECK (state IN ('draft', 'issued')),
    number                  text CONSTRAINT invoices_number_key UNIQUE,
    customer_id             bigint NOT NULL REFERENCES customers,
    booking_id              bigint REFERENCES bookings,
    -- The signed version it invoices, bound by the snapshot's SHA-256 (hex).
    quotation_version_id    bigint REFERENCES quotation_versions,
    snapshot_sha256         text CHECK (snapshot_sha256 ~ '^[0-9a-f]{64}$'),
    credited_invoice_id     bigint REFERENCES invoices,
    period_start            date,
    period_end              date,
    order_reference         text NOT NULL DEFAULT '',
    buyer                   jsonb NOT NULL,          -- InvoiceParty
    lines                   jsonb NOT NULL CHECK (jsonb_typeof(lines) = 'array'),       -- [InvoiceLine]
    allowances              jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(allowances) = 'array'),
    -- Set when issued, with everything below.
    seller                  jsonb,
    issue_date              date,
    due_date                date,
    ocr                     text CHECK (ocr ~ '^[0-9]{2,25}$'),
    net_ore                 bigint,
    vat_ore                 bigint,
    rounding_ore            bigint,
    payable_ore             bigint,
    vat_breakdown           jsonb,
    ubl_xml                 text,
    ubl_sha256              text CHECK (ubl_sha256 ~ '^[0-9a-f]{64}$'),
    pdf                     bytea CHECK (octet_length(pdf) <= 16777216),
    pdf_sha256              text CHECK (pdf_sha256 ~ '^[0-9a-f]{64}$'),
    created_by              bigint NOT NULL REFERENCES users,
    created_at              timestamptz NOT NULL DEFAULT now(),
    issued_by               bigint REFERENCES users,
    issued_at               timestamptz,
    CONSTRAINT invoices_period_check CHECK (period_end >= period_start),
    CONSTRAINT invoices_credit_check CHECK ((kind = 'credit_note') = (credited_invoice_id IS NOT NULL)),
    CONSTRAINT invoices_issued_check CHECK (state = 'draft' OR (
        number IS NOT NULL AND seller IS NOT NULL AND issue_date IS NOT NULL AND due_date IS NOT NULL
        AND ocr IS NOT NULL AND payable_ore IS NOT NULL AND ubl_xml IS NOT NULL AND ubl_sha256 IS NOT NULL
        AND ubl_sha256 = encode(sha256(convert_to(ubl_xml, 'UTF8')), 'hex') AND issued_at IS NOT NULL
        AND pdf IS NOT NULL AND pdf_sha256 = encode(sha256(pdf), 'hex'))),
    CONSTRAINT invoices_draft_check CHECK (state = 'issued' OR number IS NULL)
);
CREATE INDEX invoices_booking_idx ON invoices (booking_id);
CREATE INDEX invoices_customer_idx ON invoices (customer_id, id DESC);
CREATE INDEX invoices_issued_idx ON invoices (issue_date DESC, id DESC) WHERE state = 'issued';

-- Bokföringslagen: an issued invoice is a record that stays as it was. Corrections are credit notes.
CREATE FUNCTION invoices_immutable() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.state = 'issued' THEN
        RAISE EXCEPTION 'invoice % is issued and cannot be changed or deleted; correct it with a credit note', OLD.number
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
CREATE TRIGGER invoices_immutable BEFORE UPDATE OR DELETE ON invoices
    FOR EACH ROW EXECUTE FUNCTION invoices_immutable();

-- Which audit rows are events, as a table instead of a CASE that every feature had to copy
-- whole: a feature adds its rows (`INSERT INTO event_types_of_audit`). Events: invoice.created,
-- invoice.issued (with the invoice as it is).
CREATE TABLE event_types_of_audit (
    audit_key   text PRIMARY KEY CHECK (audit_key ~ '^[a-z_]+\.[a-z_]+$'),    -- entity_type.action
    event_type  text NOT NULL CHECK (event_type ~ '^[a-z_]+\.[a-z_]+$')
);
INSERT INTO event_types_of_audit (audit_key, event_type) VALUES
    ('quotation.created', 'quotation.created'),
    ('quotation.updated', 'quotation.updated'),
    ('quotation.sent', 'quotation.sent'),
    ('quotation.resent', 'quotation.sent'),
    ('quotation.recipient_changed', 'quotation.recipient_changed'),
    ('quotation.viewed', 'quotation.viewed'),
    ('quotation.signed', 'quotation.signed'),
    ('quotation.sign_refused_unavailable', 'quotation.sign_refused'),
    ('quotation.declined', 'quotation.declined'),
    ('quotation.expired', 'quotation.expired'),
    ('quotation.voided', 'quotation.voided'),
    ('quotation.reopened', 'quotation.reopened'),
    ('booking.created', 'booking.created'),
    ('booking.approved', 'booking.approved'),
    ('booking.updated', 'booking.updated'),
    ('booking.state_changed', 'booking.status_changed'),
    ('customer.created', 'customer.created'),
    ('customer.updated', 'customer.updated'),
    ('customer.archived', 'customer.archived'),
    ('customer.restored', 'customer.updated'),
    ('invoice.created', 'invoice.created'),
    ('invoice.issued', 'invoice.issued');

-- The product reads the map; only migrations change it.
REVOKE INSERT, UPDATE, DELETE ON event_types_of_audit FROM eventgaraget_app;

CREATE OR REPLACE FUNCTION event_type_of(entity_type text, action text) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT event_type FROM event_types_of_audit WHERE audit_key = entity_type || '.' || action
$$;

CREATE OR REPLACE FUNCTION event_object(entity_type text, entity_id bigint) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT CASE entity_type
        WHEN 'customer' THEN event_customer(entity_id)
        WHEN 'quotation' THEN (
            SELECT jsonb_build_object(
                       'id', q.id, 'number', q.number, 'state', q.state, 'title', q.title,
                       'version', q.current_version, 'period_start', q.period_start, 'period_end', q.period_end,
                       'subtotal_ore', q.subtotal_ore, 'vat_ore', q.vat_ore, 'total_ore', q.total_ore,
                       'currency', 'SEK', 'customer', event_customer(q.customer_id),
                       'booking', (SELECT jsonb_build_object('id', b.id, 'number', b.number, 'state', b.state)
                                     FROM bookings b WHERE b.quotation_id = q.id))
              FROM quotations q WHERE q.id = entity_id)
        WHEN 'booking' THEN (
            SELECT jsonb_build_object(
                       'id', b.id, 'number', b.number, 'state', b.state, 'title', b.title,
                       'period_start', b.period_start, 'period_end', b.period_end,
                       'delivery_address', jsonb_build_object(
                           'line1', b.delivery_address_line1, 'line2', b.delivery_address_line2,
                           'postal_code', b.delivery_postal_code, 'city', b.delivery_city,
                           'country', b.delivery_country),
                       'total_ore', b.total_ore, 'vat_ore', b.vat_ore, 'currency', 'SEK',
                       'approved', b.approved_at IS NOT NULL, 'cancel_reason', b.cancel_reason,
                       'quotation', jsonb_build_object('id', q.id, 'number', q.number),
                       'customer', event_customer(b.customer_id))
              FROM bookings b JOIN quotations q ON q.id = b.quotation_id WHERE b.id = entity_id)
        WHEN 'invoice' THEN (
            SELECT jsonb_build_object(
                       'id', i.id, 'kind', i.kind, 'state', i.state, 'number', i.number,
                       'issue_date', i.issue_date, 'due_date', i.due_date, 'ocr', i.ocr,
                       'net_ore', i.net_ore, 'vat_ore', i.vat_ore, 'payable_ore', i.payable_ore, 'currency', 'SEK',
                       'booking', (SELECT jsonb_build_object('id', b.id, 'number', b.number) FROM bookings b WHERE b.id = i.booking_id),
                       'credited', (SELECT jsonb_build_object('id', c.id, 'number', c.number) FROM invoices c WHERE c.id = i.credited_invoice_id),
                       'customer', event_customer(i.customer_id))
              FROM invoices i WHERE i.id = entity_id)
        ELSE NULL
    END
$$;

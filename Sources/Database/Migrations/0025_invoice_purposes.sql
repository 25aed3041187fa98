-- Invoicing (issue 12), the second floor: what an invoice is for, drafts staff can edit, and
-- partial credit notes.
--
-- purpose:
--   full        the booking's signed version, whole
--   deposit     a share of it in advance (förskott), the percentage from the settings
--   final       the booking's signed version less the issued deposits (slutfaktura)
--   standalone  a customer's invoice with lines staff write (no booking)
-- A credit note carries the purpose of the invoice it corrects.
ALTER TABLE invoices
    ADD COLUMN purpose text NOT NULL DEFAULT 'full'
        CONSTRAINT invoices_purpose_check CHECK (purpose IN ('full', 'deposit', 'final', 'standalone')),
    ADD CONSTRAINT invoices_purpose_booking_check CHECK ((purpose = 'standalone') = (booking_id IS NULL)),
    -- A draft may be empty while staff write it; an issued document never is.
    ADD CONSTRAINT invoices_issued_lines_check CHECK (state = 'draft' OR jsonb_array_length(lines) > 0);

-- The deposit: a percentage of the booking, asked for on demand from the booking's page or,
-- when `invoice_deposit_on_signing`, drafted in the signing's own transaction.
ALTER TABLE settings
    ADD COLUMN invoice_deposit_percent integer NOT NULL DEFAULT 30
        CONSTRAINT settings_invoice_deposit_percent_check CHECK (invoice_deposit_percent BETWEEN 1 AND 100),
    ADD COLUMN invoice_deposit_on_signing boolean NOT NULL DEFAULT false;

-- How much of an issued invoice its issued credit notes have taken back (the amounts to pay of
-- the credit notes themselves, so partial credits add up exactly).
CREATE FUNCTION invoice_credited_ore(invoice_id bigint) RETURNS bigint
LANGUAGE sql STABLE AS $$
    SELECT coalesce(sum(payable_ore), 0)::bigint FROM invoices
     WHERE credited_invoice_id = invoice_id AND state = 'issued'
$$;

-- Editing a draft's lines is an `invoice.updated` event.
INSERT INTO event_types_of_audit (audit_key, event_type) VALUES ('invoice.updated', 'invoice.updated');

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
                       'id', i.id, 'kind', i.kind, 'purpose', i.purpose, 'state', i.state, 'number', i.number,
                       'issue_date', i.issue_date, 'due_date', i.due_date, 'ocr', i.ocr,
                       'net_ore', i.net_ore, 'vat_ore', i.vat_ore, 'payable_ore', i.payable_ore, 'currency', 'SEK',
                       'credited_ore', CASE WHEN i.kind = 'invoice' AND i.state = 'issued' THEN invoice_credited_ore(i.id) END,
                       'booking', (SELECT jsonb_build_object('id', b.id, 'number', b.number) FROM bookings b WHERE b.id = i.booking_id),
                       'credited', (SELECT jsonb_build_object('id', c.id, 'number', c.number) FROM invoices c WHERE c.id = i.credited_invoice_id),
                       'customer', event_customer(i.customer_id))
              FROM invoices i WHERE i.id = entity_id)
        ELSE NULL
    END
$$;

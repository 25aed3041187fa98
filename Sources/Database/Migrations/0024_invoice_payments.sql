-- Payments against issued invoices (issue 12): registered by hand now, imported from Bankgirot's
-- BgMax files later (source 'bgmax' with its reference). A payment is a record like the invoice:
-- never changed or deleted. What an invoice's status is (paid, partly paid, overdue, credited)
-- is derived from its payments, its due date and its credit notes, never stored twice.
CREATE TABLE invoice_payments (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    invoice_id      bigint NOT NULL REFERENCES invoices,
    paid_on         date NOT NULL,
    amount_ore      bigint NOT NULL CONSTRAINT invoice_payments_amount_check CHECK (amount_ore > 0),
    method          text NOT NULL CONSTRAINT invoice_payments_method_check
                    CHECK (method IN ('bankgiro', 'transfer', 'swish', 'card', 'cash')),
    reference       text NOT NULL DEFAULT '' CHECK (char_length(reference) <= 100),
    source          text NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'bgmax')),
    created_by      bigint REFERENCES users,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX invoice_payments_invoice_idx ON invoice_payments (invoice_id, id);
CREATE TRIGGER invoice_payments_immutable BEFORE UPDATE OR DELETE ON invoice_payments
    FOR EACH ROW EXECUTE FUNCTION audit_log_immutable();

-- Only an issued invoice (not a draft, not a credit note) is paid.
CREATE FUNCTION invoice_payments_check() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT FROM invoices WHERE id = NEW.invoice_id AND state = 'issued' AND kind = 'invoice') THEN
        RAISE EXCEPTION 'payments are registered against issued invoices only' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER invoice_payments_check BEFORE INSERT ON invoice_payments
    FOR EACH ROW EXECUTE FUNCTION invoice_payments_check();

CREATE OR REPLACE FUNCTION event_type_of(entity_type text, action text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE entity_type || '.' || action
        WHEN 'quotation.created' THEN 'quotation.created'
        WHEN 'quotation.updated' THEN 'quotation.updated'
        WHEN 'quotation.sent' THEN 'quotation.sent'
        WHEN 'quotation.resent' THEN 'quotation.sent'
        WHEN 'quotation.recipient_changed' THEN 'quotation.recipient_changed'
        WHEN 'quotation.viewed' THEN 'quotation.viewed'
        WHEN 'quotation.signed' THEN 'quotation.signed'
        WHEN 'quotation.sign_refused_unavailable' THEN 'quotation.sign_refused'
        WHEN 'quotation.declined' THEN 'quotation.declined'
        WHEN 'quotation.expired' THEN 'quotation.expired'
        WHEN 'quotation.voided' THEN 'quotation.voided'
        WHEN 'quotation.reopened' THEN 'quotation.reopened'
        WHEN 'booking.created' THEN 'booking.created'
        WHEN 'booking.approved' THEN 'booking.approved'
        WHEN 'booking.updated' THEN 'booking.updated'
        WHEN 'booking.state_changed' THEN 'booking.status_changed'
        WHEN 'customer.created' THEN 'customer.created'
        WHEN 'customer.updated' THEN 'customer.updated'
        WHEN 'customer.archived' THEN 'customer.archived'
        WHEN 'customer.restored' THEN 'customer.updated'
        WHEN 'invoice.created' THEN 'invoice.created'
        WHEN 'invoice.issued' THEN 'invoice.issued'
        WHEN 'invoice.payment_registered' THEN 'invoice.payment_registered'
        ELSE NULL
    END
$$;

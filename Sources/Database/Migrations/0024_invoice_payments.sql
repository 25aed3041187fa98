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

INSERT INTO event_types_of_audit (audit_key, event_type)
VALUES ('invoice.payment_registered', 'invoice.payment_registered');

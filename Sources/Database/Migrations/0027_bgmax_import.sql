-- Payments from Bankgirot (issue 12): a BgMax file of incoming payments is imported in one
-- transaction. A payment whose reference is the OCR of an issued invoice becomes that invoice's
-- payment (source 'bgmax'); the rest wait in the unmatched queue until someone attaches them to
-- an invoice or ignores them with a reason. The same file twice, or the same payment in two
-- files, is booked once: a file by its SHA-256, a payment by Bankgirot's identity of it (the
-- receiving bankgiro, the payment date and Bankgirot's serial number of the payment).

CREATE TABLE payment_imports (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    file_sha256         text NOT NULL CONSTRAINT payment_imports_sha_key UNIQUE CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
    file_name           text NOT NULL CHECK (char_length(file_name) <= 255),
    -- TK01: when Bankgirot wrote the file (YYYYMMDDHHMMSSffffff), as written.
    written_at          text NOT NULL CHECK (written_at ~ '^[0-9]{20}$'),
    receiving_bankgiro  text NOT NULL CHECK (receiving_bankgiro ~ '^[0-9]{1,10}$'),
    matched             integer NOT NULL CHECK (matched >= 0),
    unmatched           integer NOT NULL CHECK (unmatched >= 0),
    duplicates          integer NOT NULL CHECK (duplicates >= 0),
    matched_ore         bigint NOT NULL,
    total_ore           bigint NOT NULL,
    imported_by         bigint REFERENCES users,
    imported_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payment_imports_recent_idx ON payment_imports (id DESC);

CREATE TABLE unmatched_payments (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    import_id           bigint NOT NULL REFERENCES payment_imports,
    -- 'payment' (TK20) or 'deduction' (TK21, a sum the payer took off the deposit).
    kind                text NOT NULL CHECK (kind IN ('payment', 'deduction')),
    -- Why it was not booked: the reference is no OCR, no issued invoice has it, the invoice is
    -- credited, the payment names several invoices (TK22/TK23), or it is a deduction.
    reason              text NOT NULL CHECK (reason IN ('invalid_reference', 'unknown_reference', 'credited',
                                                        'several_references', 'deduction', 'zero_amount')),
    paid_on             date NOT NULL,
    amount_ore          bigint NOT NULL CHECK (amount_ore >= 0),
    reference           text NOT NULL CHECK (char_length(reference) <= 25),
    extra_references    text NOT NULL DEFAULT '' CHECK (char_length(extra_references) <= 2000),
    sender_name         text NOT NULL DEFAULT '' CHECK (char_length(sender_name) <= 71),
    sender_bankgiro     text NOT NULL DEFAULT '' CHECK (sender_bankgiro ~ '^[0-9]{0,10}$'),
    information         text NOT NULL DEFAULT '' CHECK (char_length(information) <= 2000),
    bgc_serial          text NOT NULL CHECK (bgc_serial ~ '^[0-9]{12}$'),
    state               text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'resolved', 'ignored')),
    resolved_invoice_id bigint REFERENCES invoices,
    ignore_reason       text CHECK (char_length(ignore_reason) BETWEEN 1 AND 500),
    resolved_by         bigint REFERENCES users,
    resolved_at         timestamptz,
    CONSTRAINT unmatched_payments_settled_check CHECK (
        (state = 'open' AND resolved_invoice_id IS NULL AND ignore_reason IS NULL AND resolved_at IS NULL)
        OR (state = 'resolved' AND resolved_invoice_id IS NOT NULL AND ignore_reason IS NULL AND resolved_at IS NOT NULL)
        OR (state = 'ignored' AND resolved_invoice_id IS NULL AND ignore_reason IS NOT NULL AND resolved_at IS NOT NULL))
);
CREATE INDEX unmatched_payments_open_idx ON unmatched_payments (id) WHERE state = 'open';
CREATE INDEX unmatched_payments_import_idx ON unmatched_payments (import_id, id);

-- Every payment of every file, once: Bankgirot's identity of it (the receiving bankgiro, the
-- payment date and Bankgirot's serial number, `50501055/2026-12-07/000000000101`), with where it
-- went: booked to an invoice (an `invoice_payments` row of source 'bgmax') or to the queue.
CREATE TABLE bgmax_payments (
    bgc_key              text PRIMARY KEY CHECK (bgc_key ~ '^[0-9]{1,10}/[0-9]{4}-[0-9]{2}-[0-9]{2}/[0-9]{12}$'),
    import_id            bigint NOT NULL REFERENCES payment_imports,
    invoice_id           bigint REFERENCES invoices,
    unmatched_payment_id bigint REFERENCES unmatched_payments,
    CONSTRAINT bgmax_payments_where_check CHECK ((invoice_id IS NULL) <> (unmatched_payment_id IS NULL))
);
CREATE INDEX bgmax_payments_import_idx ON bgmax_payments (import_id);

-- Imports and the payments seen are records: the app adds and reads them, never changes or removes one.
REVOKE UPDATE, DELETE ON payment_imports, bgmax_payments FROM eventgaraget_app;
-- An unmatched payment is resolved or ignored (UPDATE) but never removed.
REVOKE DELETE ON unmatched_payments FROM eventgaraget_app;

-- Events: an import (its counts) and a resolved or ignored unmatched payment. A payment booked
-- to an invoice is the invoice's `invoice.payment_registered`, as by hand.
INSERT INTO event_types_of_audit (audit_key, event_type) VALUES
    ('payment_import.imported', 'payment_import.imported'),
    ('unmatched_payment.resolved', 'unmatched_payment.resolved'),
    ('unmatched_payment.ignored', 'unmatched_payment.ignored');

-- The events' objects of the two new entities. The map of the others stays whatever the earlier
-- migrations made it (0025 changed it too): it is renamed and asked for everything else, so
-- no migration here has to copy another's CASE whole.
ALTER FUNCTION event_object(text, bigint) RENAME TO event_object_before_payment_imports;
CREATE FUNCTION event_object(entity_type text, entity_id bigint) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT CASE entity_type
        WHEN 'payment_import' THEN (
            SELECT jsonb_build_object(
                       'id', p.id, 'file_name', p.file_name, 'file_sha256', p.file_sha256,
                       'written_at', p.written_at, 'receiving_bankgiro', p.receiving_bankgiro,
                       'matched', p.matched, 'unmatched', p.unmatched, 'duplicates', p.duplicates,
                       'matched_ore', p.matched_ore, 'total_ore', p.total_ore, 'currency', 'SEK')
              FROM payment_imports p WHERE p.id = entity_id)
        WHEN 'unmatched_payment' THEN (
            SELECT jsonb_build_object(
                       'id', u.id, 'import_id', u.import_id, 'kind', u.kind, 'reason', u.reason,
                       'paid_on', u.paid_on, 'amount_ore', u.amount_ore, 'reference', u.reference,
                       'sender_name', u.sender_name, 'state', u.state, 'ignore_reason', u.ignore_reason,
                       'currency', 'SEK',
                       'invoice', (SELECT jsonb_build_object('id', i.id, 'number', i.number)
                                     FROM invoices i WHERE i.id = u.resolved_invoice_id))
              FROM unmatched_payments u WHERE u.id = entity_id)
        ELSE event_object_before_payment_imports(entity_type, entity_id)
    END
$$;

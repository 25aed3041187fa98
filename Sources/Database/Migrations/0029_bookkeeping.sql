-- Bookkeeping (issue 12): the account mapping the SIE export uses, a record of every export, and
-- the lock on exported periods.
--
-- account_mapping: which BAS account each kind of voucher row goes to, editable by admins on
--   /admin/bookkeeping. The keys are a closed set (BASMapping.Key); the product edits their
--   accounts but never adds or removes a key. `reminder_fees` (3930 Påminnelseavgifter) and
--   `late_interest` (8313 Ränteintäkter från kortfristiga fordringar) are here for the reminders,
--   which book their fees and interest on them.
--   Revenue is per VAT rate, not per product category: invoice lines keep no catalogue reference,
--   and a category read back from the signed version (as the revenue report does) depends on the
--   product's category today, so an exported, locked period could come out differently later.
CREATE TABLE account_mapping (
    key         text PRIMARY KEY CONSTRAINT account_mapping_key_check CHECK (key IN (
                    'receivables', 'bank', 'vat_25', 'vat_12', 'vat_6', 'revenue_25', 'revenue_12', 'revenue_6',
                    'revenue_0', 'revenue_eu_reverse_charge', 'rounding', 'reminder_fees', 'late_interest')),
    account     integer NOT NULL CONSTRAINT account_mapping_account_check CHECK (account BETWEEN 1000 AND 8999),
    name        text NOT NULL CONSTRAINT account_mapping_name_check CHECK (char_length(btrim(name)) BETWEEN 1 AND 100),
    updated_by  bigint REFERENCES users,
    updated_at  timestamptz NOT NULL DEFAULT now()
);
INSERT INTO account_mapping (key, account, name) VALUES
    ('receivables', 1510, 'Kundfordringar'),
    ('bank', 1930, 'Företagskonto'),
    ('vat_25', 2611, 'Utgående moms på försäljning inom Sverige, 25 %'),
    ('vat_12', 2621, 'Utgående moms på försäljning inom Sverige, 12 %'),
    ('vat_6', 2631, 'Utgående moms på försäljning inom Sverige, 6 %'),
    ('revenue_25', 3041, 'Försäljning tjänster inom Sverige, 25 %'),
    ('revenue_12', 3042, 'Försäljning tjänster inom Sverige, 12 %'),
    ('revenue_6', 3043, 'Försäljning tjänster inom Sverige, 6 %'),
    ('revenue_0', 3044, 'Försäljning tjänster inom Sverige, momsfri'),
    ('revenue_eu_reverse_charge', 3308, 'Försäljning tjänster till land inom EU'),
    ('rounding', 3740, 'Öres- och kronutjämning'),
    ('reminder_fees', 3930, 'Påminnelseavgifter'),
    ('late_interest', 8313, 'Ränteintäkter från kortfristiga fordringar');
REVOKE INSERT, DELETE, TRUNCATE ON account_mapping FROM eventgaraget_app;

-- Every SIE export: its period, the file's SHA-256, who made it, the mapping it used and the
-- balance per account it wrote (öre, {"1510": 1234500, …}). A record: never changed or deleted.
CREATE TABLE bookkeeping_exports (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    period_from date NOT NULL,
    period_to   date NOT NULL,
    file_sha256 text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
    byte_count  integer NOT NULL CHECK (byte_count > 0),
    vouchers    integer NOT NULL CHECK (vouchers >= 0),
    balances    jsonb NOT NULL CHECK (jsonb_typeof(balances) = 'object'),
    mapping     jsonb NOT NULL CHECK (jsonb_typeof(mapping) = 'object'),
    exported_by bigint REFERENCES users,
    exported_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT bookkeeping_exports_period_check CHECK (period_to >= period_from)
);
CREATE INDEX bookkeeping_exports_period_idx ON bookkeeping_exports (period_to, period_from);
CREATE TRIGGER bookkeeping_exports_immutable BEFORE UPDATE OR DELETE ON bookkeeping_exports
    FOR EACH ROW EXECUTE FUNCTION audit_log_immutable();
REVOKE UPDATE, DELETE, TRUNCATE ON bookkeeping_exports FROM eventgaraget_app;

-- The lock: one row. Everything dated up to and including `locked_through` is locked (NULL:
-- nothing is). It moves forward only, to a day a recorded export covers; moving it back needs a
-- reason in the same transaction (`SET LOCAL eventgaraget.unlock_reason`), which the product asks
-- only of admins and writes into the audit log.
CREATE TABLE bookkeeping_lock (
    id              boolean PRIMARY KEY DEFAULT true CHECK (id),
    locked_through  date,
    changed_by      bigint REFERENCES users,
    changed_at      timestamptz
);
INSERT INTO bookkeeping_lock DEFAULT VALUES;
REVOKE INSERT, DELETE, TRUNCATE ON bookkeeping_lock FROM eventgaraget_app;

CREATE FUNCTION bookkeeping_lock_check() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.locked_through IS NOT DISTINCT FROM OLD.locked_through THEN
        RETURN NEW;
    END IF;
    IF OLD.locked_through IS NOT NULL AND (NEW.locked_through IS NULL OR NEW.locked_through < OLD.locked_through) THEN
        IF coalesce(current_setting('eventgaraget.unlock_reason', true), '') = '' THEN
            RAISE EXCEPTION 'the books are locked through %; moving the lock back needs a reason', OLD.locked_through
                USING ERRCODE = 'check_violation';
        END IF;
    ELSIF NOT EXISTS (SELECT FROM bookkeeping_exports
                       WHERE period_from <= NEW.locked_through AND period_to >= NEW.locked_through) THEN
        RAISE EXCEPTION 'no export covers %: export the period before locking it', NEW.locked_through
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER bookkeeping_lock_check BEFORE UPDATE ON bookkeeping_lock
    FOR EACH ROW EXECUTE FUNCTION bookkeeping_lock_check();

-- Nothing is issued or paid on a locked day. The lock's row is read FOR SHARE, so an issue and a
-- lock being set wait for each other: whichever commits first, the other sees it.
CREATE FUNCTION books_lock_refuses(day date, what text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    through date;
BEGIN
    SELECT locked_through INTO through FROM bookkeeping_lock FOR SHARE;
    IF through IS NOT NULL AND day <= through THEN
        RAISE EXCEPTION 'the books are locked through % (exported): % dated % is refused', through, what, day
            USING ERRCODE = 'check_violation';
    END IF;
END
$$;

CREATE FUNCTION invoices_books_lock() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.state = 'issued' AND (TG_OP = 'INSERT' OR OLD.state <> 'issued') THEN
        PERFORM books_lock_refuses(NEW.issue_date, btrim(replace(NEW.kind, '_', ' ') || ' ' || coalesce(NEW.number, '')));
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER invoices_books_lock BEFORE INSERT OR UPDATE ON invoices
    FOR EACH ROW EXECUTE FUNCTION invoices_books_lock();

CREATE FUNCTION invoice_payments_books_lock() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM books_lock_refuses(NEW.paid_on, 'a payment');
    RETURN NEW;
END
$$;
CREATE TRIGGER invoice_payments_books_lock BEFORE INSERT ON invoice_payments
    FOR EACH ROW EXECUTE FUNCTION invoice_payments_books_lock();

-- Events (docs/events.md): an export, the lock moved forward or back, the mapping changed.
INSERT INTO event_types_of_audit (audit_key, event_type) VALUES
    ('bookkeeping.exported', 'bookkeeping.exported'),
    ('bookkeeping.locked', 'bookkeeping.locked'),
    ('bookkeeping.unlocked', 'bookkeeping.unlocked'),
    ('bookkeeping.mapping_changed', 'bookkeeping.mapping_changed');

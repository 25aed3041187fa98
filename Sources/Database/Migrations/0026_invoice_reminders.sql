-- Reminders (påminnelser) of overdue invoices (issue 12): a schedule sends them after the due
-- date; each one is a record like the invoice (never changed or deleted) with what it claims:
--   fee           påminnelseavgift, only when the customer's signed terms had the fee clause
--                 (lag 1981:739: agreed when the debt arose, at most 60 kr)
--   compensation  förseningsersättning 450 kr from a business customer, once per invoice
--                 (lag 1981:739 4 a §); a reminder fee is not charged on top of it
--   interest      dröjsmålsränta (räntelagen 6 §): the reference rate of each half-year + 8
--                 percentage points, on the amount left unpaid, from the day after the due date
-- The reference rates are data (the Riksbank sets one for each half-year), never hard-coded.

CREATE TABLE reference_rates (
    valid_from  date PRIMARY KEY
                CONSTRAINT reference_rates_half_year_check
                CHECK (extract(day FROM valid_from) = 1 AND extract(month FROM valid_from) IN (1, 7)),
    rate_bp     integer NOT NULL CONSTRAINT reference_rates_rate_check CHECK (rate_bp BETWEEN -1000 AND 3000),
    source      text NOT NULL DEFAULT '' CHECK (char_length(source) <= 200),
    created_at  timestamptz NOT NULL DEFAULT now()
);
-- Sveriges riksbank, referensränta (räntelagen 9 §): the effective policy rate at the end of the
-- previous half-year, rounded up to the nearest half percentage point. Newer ones are added with
-- `eventgaraget invoices reference-rate --from … --percent …`.
INSERT INTO reference_rates (valid_from, rate_bp, source) VALUES
    ('2023-01-01', 250, 'Sveriges riksbank'),
    ('2023-07-01', 350, 'Sveriges riksbank'),
    ('2024-01-01', 400, 'Sveriges riksbank'),
    ('2024-07-01', 400, 'Sveriges riksbank'),
    ('2025-01-01', 300, 'Sveriges riksbank'),
    ('2025-07-01', 200, 'Sveriges riksbank'),
    ('2026-01-01', 200, 'Sveriges riksbank');

ALTER TABLE settings
    ADD COLUMN reminders_enabled boolean NOT NULL DEFAULT true,
    ADD COLUMN reminder_fee_ore integer NOT NULL DEFAULT 6000
        CONSTRAINT settings_reminder_fee_check CHECK (reminder_fee_ore BETWEEN 0 AND 6000),
    ADD COLUMN reminder_first_days integer NOT NULL DEFAULT 7
        CONSTRAINT settings_reminder_first_days_check CHECK (reminder_first_days BETWEEN 1 AND 60),
    ADD COLUMN reminder_interval_days integer NOT NULL DEFAULT 14
        CONSTRAINT settings_reminder_interval_check CHECK (reminder_interval_days BETWEEN 1 AND 60),
    ADD COLUMN reminder_max integer NOT NULL DEFAULT 2
        CONSTRAINT settings_reminder_max_check CHECK (reminder_max BETWEEN 1 AND 5);

-- A company without terms of its own starts from a template with the fee clause.
UPDATE settings SET terms_template_html =
    '<p><strong>Betalning</strong></p><ul><li>Betalning mot faktura, 30 dagar netto.</li>'
    || '<li>Vid betalning efter förfallodagen debiteras påminnelseavgift med 60 kr per påminnelse samt '
    || 'dröjsmålsränta enligt räntelagen. Av näringsidkare debiteras även förseningsersättning med 450 kr.</li></ul>'
 WHERE terms_template_html = '';

CREATE TABLE invoice_reminders (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    invoice_id          bigint NOT NULL REFERENCES invoices,
    sequence            integer NOT NULL CHECK (sequence BETWEEN 1 AND 20),
    reminded_on         date NOT NULL,
    -- What was left of the invoice that day, and what this reminder adds.
    outstanding_ore     bigint NOT NULL CHECK (outstanding_ore > 0),
    fee_ore             bigint NOT NULL DEFAULT 0 CONSTRAINT invoice_reminders_fee_check CHECK (fee_ore BETWEEN 0 AND 6000),
    compensation_ore    bigint NOT NULL DEFAULT 0 CHECK (compensation_ore IN (0, 45000)),
    interest_ore        bigint NOT NULL DEFAULT 0 CHECK (interest_ore >= 0),
    -- The interest's period (through reminded_on) and the rate of its last half-year (reference + 8).
    interest_from       date,
    interest_rate_bp    integer,
    created_by          bigint REFERENCES users,
    created_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT invoice_reminders_sequence_key UNIQUE (invoice_id, sequence)
);
CREATE TRIGGER invoice_reminders_immutable BEFORE UPDATE OR DELETE ON invoice_reminders
    FOR EACH ROW EXECUTE FUNCTION audit_log_immutable();

-- Only an issued invoice (not a credit note) is reminded; förseningsersättning once per invoice.
CREATE FUNCTION invoice_reminders_check() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT FROM invoices WHERE id = NEW.invoice_id AND state = 'issued' AND kind = 'invoice') THEN
        RAISE EXCEPTION 'reminders are sent for issued invoices only' USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.compensation_ore > 0 AND EXISTS (
        SELECT FROM invoice_reminders WHERE invoice_id = NEW.invoice_id AND compensation_ore > 0) THEN
        RAISE EXCEPTION 'förseningsersättning is claimed once per invoice' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER invoice_reminders_check BEFORE INSERT ON invoice_reminders
    FOR EACH ROW EXECUTE FUNCTION invoice_reminders_check();

INSERT INTO event_types_of_audit (audit_key, event_type) VALUES ('invoice.reminded', 'invoice.reminded');

-- Once an hour the worker looks for invoices a reminder is due for (each is sent once: the
-- sequence is unique per invoice).
INSERT INTO schedules (name, every_seconds) VALUES ('invoices.remind', 3600);

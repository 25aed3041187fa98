-- The bookkeeping of security deposits and reminders (issue 12): a security deposit is a liability
-- (security_deposits, 2890 Övriga kortfristiga skulder), not revenue; a reminder's fee and
-- förseningsersättning go to reminder_fees (3930) and its late interest to late_interest (8313),
-- each against receivables, dated the day the reminder was sent.
ALTER TABLE account_mapping DROP CONSTRAINT account_mapping_key_check;
ALTER TABLE account_mapping ADD CONSTRAINT account_mapping_key_check CHECK (key IN (
    'receivables', 'bank', 'vat_25', 'vat_12', 'vat_6', 'revenue_25', 'revenue_12', 'revenue_6',
    'revenue_0', 'revenue_eu_reverse_charge', 'rounding', 'reminder_fees', 'late_interest', 'security_deposits'));
INSERT INTO account_mapping (key, account, name)
VALUES ('security_deposits', 2890, 'Övriga kortfristiga skulder (depositioner)');

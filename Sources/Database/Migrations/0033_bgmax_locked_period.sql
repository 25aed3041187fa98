-- A BgMax payment dated in a locked bookkeeping period (issue 12) is not booked: it waits in the
-- unmatched queue with the reason `locked_period`, and the rest of the file is imported.
ALTER TABLE unmatched_payments DROP CONSTRAINT unmatched_payments_reason_check;
ALTER TABLE unmatched_payments ADD CONSTRAINT unmatched_payments_reason_check CHECK (reason IN (
    'invalid_reference', 'unknown_reference', 'credited', 'several_references', 'deduction', 'zero_amount',
    'locked_period'));

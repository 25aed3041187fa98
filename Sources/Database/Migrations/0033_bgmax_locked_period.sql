-- A BgMax payment dated in a locked bookkeeping period (issue 12) is not booked: it waits in the
-- unmatched queue with the reason `locked_period`, and the rest of the file is imported.
ALTER TABLE unmatched_payments DROP CONSTRAINT unmatched_payments_reason_check;
ALTER TABLE unmatched_payments ADD CONSTRAINT unmatched_payments_reason_check CHECK (reason IN (
    'invalid_reference', 'unknown_reference', 'credited', 'several_references', 'deduction', 'zero_amount',
    'locked_period'));

-- A queued payment changes once: from open to resolved or ignored (the page's and the command's
-- only moves); what it was (amount, reference, sender, import) never changes.
CREATE FUNCTION unmatched_payments_once() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.state <> 'open' OR NEW.state = 'open'
       OR (to_jsonb(NEW) - ARRAY['state', 'resolved_invoice_id', 'ignore_reason', 'resolved_by', 'resolved_at'])
          IS DISTINCT FROM
          (to_jsonb(OLD) - ARRAY['state', 'resolved_invoice_id', 'ignore_reason', 'resolved_by', 'resolved_at']) THEN
        RAISE EXCEPTION 'an unmatched payment is resolved or ignored once, and what it was never changes'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER unmatched_payments_once BEFORE UPDATE ON unmatched_payments
    FOR EACH ROW EXECUTE FUNCTION unmatched_payments_once();

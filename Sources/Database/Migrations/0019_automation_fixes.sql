-- Review fixes (issue 11):
-- * A send despite a shortage also writes its "sent" audit row, and a duplicate its "created"
--   row: their extra audit rows are no second event (a customer got two reminders).
-- * The built-in signing reminder starts from "sent" only (version 2 of its definition).
-- * The built-in triggers' secrets come from the strong random source gen_random_uuid uses.
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
        ELSE NULL
    END
$$;

INSERT INTO trigger_versions (trigger_id, version, definition)
SELECT t.id, t.current_version + 1,
       jsonb_set(v.definition, '{conditions}',
                 '{"all": [{"field": "details.audit_action", "op": "equals", "value": "sent"}]}'::jsonb)
  FROM triggers t JOIN trigger_versions v ON v.trigger_id = t.id AND v.version = t.current_version
 WHERE t.builtin = 'signing_reminder';
UPDATE triggers SET current_version = current_version + 1 WHERE builtin = 'signing_reminder';

UPDATE triggers
   SET secret = 'whsec_' || encode(decode(replace(gen_random_uuid()::text, '-', '')
                                          || replace(gen_random_uuid()::text, '-', ''), 'hex'), 'base64')
 WHERE builtin IS NOT NULL;

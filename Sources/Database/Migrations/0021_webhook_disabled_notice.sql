-- Issue 11: an endpoint disabled after repeated failures is announced to the admins by email, as
-- an editable built-in trigger on `webhook_endpoint.disabled` (whose details now carry the URL
-- and the reason, `WebhookStore.recordAttempt`).
INSERT INTO triggers (name, event_type, builtin, secret, active)
VALUES ('Webhook avstängd – administratörerna får veta', 'webhook_endpoint.disabled', 'webhook_disabled_notice',
        'whsec_' || encode(decode(replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', ''), 'hex'), 'base64'),
        true);

INSERT INTO trigger_versions (trigger_id, version, definition)
SELECT id, 1, $json${
    "actions": [
        {"type": "email", "to": "role:admin", "subject": "Webhook avstängd: {{details.url}}",
         "body": "Webhooken till {{details.url}} stängdes av efter {{details.failures}} misslyckade leveranser i rad.\n\nSenast: {{details.reason}}\n\nHändelserna sparas. Slå på den igen under Automation när mottagaren fungerar; det som inte levererades kan skickas igen därifrån."}
    ]
}$json$::jsonb
FROM triggers WHERE builtin = 'webhook_disabled_notice';

-- A calendar feed's URL is a credential that lives outside the product (in someone's calendar
-- app), so it expires after a year unless renewed, and it is revoked with the sessions on a
-- password change, an admin's reset and a deactivation (finding M6).
ALTER TABLE calendar_feeds ADD COLUMN expires_at timestamptz;
UPDATE calendar_feeds SET expires_at = created_at + interval '1 year';
ALTER TABLE calendar_feeds ALTER COLUMN expires_at SET NOT NULL,
                           ALTER COLUMN expires_at SET DEFAULT now() + interval '1 year';

-- Settings, users and the activity log (issue 4, admin pages).

-- The logo's SHA-256, written with the logo: `/logo` answers If-None-Match and pages version the
-- logo's URL without reading (or hashing) the image itself.
ALTER TABLE settings ADD COLUMN logo_sha256 bytea;
UPDATE settings SET logo_sha256 = sha256(logo) WHERE logo IS NOT NULL;

-- Only PNG and JPEG are accepted (checked by content in the application); WebP is not.
ALTER TABLE settings DROP CONSTRAINT settings_logo_check;
ALTER TABLE settings ADD CONSTRAINT settings_logo_check CHECK (
    (logo IS NULL AND logo_mime IS NULL AND logo_sha256 IS NULL)
    OR (logo IS NOT NULL AND logo_mime IN ('image/png', 'image/jpeg') AND octet_length(logo_sha256) = 32
        AND octet_length(logo) <= 524288)
);

-- The activity log filtered by entity type alone (`?entity=booking`), newest first: the existing
-- (entity_type, entity_id, id DESC) index orders by entity_id first, so without this PostgreSQL
-- sorts every row of that type to show fifty.
CREATE INDEX audit_log_entity_type_idx ON audit_log (entity_type, id DESC);

-- Settings, users and the activity log (issue 4, admin pages).

-- The logo's SHA-256, written with the logo: `/logo` answers If-None-Match and pages version the
-- logo's URL without reading (or hashing) the image itself.
ALTER TABLE settings ADD COLUMN logo_sha256 bytea;
UPDATE settings SET logo_sha256 = sha256(logo) WHERE logo IS NOT NULL;

-- Only PNG and JPEG are accepted (checked by content in the application); WebP is not.
ALTER TABLE settings DROP CONSTRAINT settings_logo_check;
ALTER TABLE settings ADD CONSTRAINT settings_logo_check CHECK (
    (logo IS NULL AND logo_mime IS NULL AND logo_sha256 IS NULL)
    OR (logo IS NOT NULL AND logo_mime IN ('image/png', 'image/jpeg') AND logo_sha256 IS NOT NULL AND octet_length(logo_sha256) = 32
        AND octet_length(logo) <= 524288)
);

-- The activity log, newest first, filtered by entity type, or by user and entity type: without
-- an index that ends in the id, PostgreSQL sorts every row of the type (or walks the whole log
-- backwards). The activity page reads these with index-only scans.
CREATE INDEX audit_log_entity_type_idx ON audit_log (entity_type, id DESC);
CREATE INDEX audit_log_actor_entity_idx ON audit_log (actor_user_id, entity_type, id DESC) WHERE actor_user_id IS NOT NULL;

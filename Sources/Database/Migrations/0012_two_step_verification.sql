-- Two-step verification for staff (finding M7, ASVS L2): a TOTP secret per user (the one being
-- set up is pending until a code from it is typed), the step of the last accepted code (a code
-- works once), recovery codes stored as SHA-256 hashes, the sign-in challenge between the
-- password and the code, and the roles the settings require it of.
ALTER TABLE users ADD COLUMN totp_secret bytea CHECK (octet_length(totp_secret) = 20),
                  ADD COLUMN totp_pending_secret bytea CHECK (octet_length(totp_pending_secret) = 20),
                  ADD COLUMN totp_enabled_at timestamptz,
                  ADD COLUMN totp_last_step bigint,
                  ADD CONSTRAINT users_totp_check CHECK ((totp_secret IS NULL) = (totp_enabled_at IS NULL));

CREATE TABLE recovery_codes (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     bigint NOT NULL REFERENCES users ON DELETE CASCADE,
    code_hash   bytea NOT NULL CHECK (octet_length(code_hash) = 32),
    created_at  timestamptz NOT NULL DEFAULT now(),
    used_at     timestamptz
);
CREATE INDEX recovery_codes_user_idx ON recovery_codes (user_id) WHERE used_at IS NULL;

CREATE TABLE sign_in_challenges (
    token_hash  bytea PRIMARY KEY CHECK (octet_length(token_hash) = 32),
    user_id     bigint NOT NULL REFERENCES users ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL
);

ALTER TABLE settings ADD COLUMN two_step_roles text[] NOT NULL DEFAULT '{}'
    CHECK (two_step_roles <@ ARRAY['admin', 'manager', 'warehouse', 'support']);

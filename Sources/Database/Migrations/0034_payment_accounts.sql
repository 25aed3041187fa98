-- Where customers pay (issue 12): besides the bankgiro, a plusgiro number and an IBAN with its
-- BIC (for customers abroad). Each is printed on the invoice and written as a Peppol payment means.
ALTER TABLE settings
    ADD COLUMN plusgiro text CONSTRAINT settings_plusgiro_check CHECK (plusgiro ~ '^[0-9]{1,7}-[0-9]$'),
    ADD COLUMN iban text CONSTRAINT settings_iban_check CHECK (iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}$'),
    ADD COLUMN bic text CONSTRAINT settings_bic_check CHECK (bic ~ '^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$'),
    ADD CONSTRAINT settings_bic_with_iban_check CHECK (bic IS NULL OR iban IS NOT NULL);

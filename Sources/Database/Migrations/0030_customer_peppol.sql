-- A business customer's Peppol participant identifier (issue 12): where its e-invoices go, as
-- `scheme:identifier` (`0007:5567890123`). Empty: a Swedish business's organisation number under
-- scheme 0007, as the invoices have assumed so far. Issued invoices keep the one they were sent to.
ALTER TABLE customers
    ADD COLUMN peppol_id text
        CONSTRAINT customers_peppol_id_check CHECK (peppol_id ~ '^[0-9]{4}:[A-Za-z0-9._-]{1,55}$');

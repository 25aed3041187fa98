-- Security deposits (issue 12): a damage guarantee invoiced before the rental is a liability, not
-- revenue: outside VAT (UBL category O), booked to a liability account. It is settled by a credit
-- note when paid back, or offset against a damage invoice: the kept amount is registered on the
-- damage invoice as a payment "from the deposit" (method `deposit`) and the deposit is credited.
ALTER TABLE invoices DROP CONSTRAINT invoices_purpose_check;
ALTER TABLE invoices ADD CONSTRAINT invoices_purpose_check
    CHECK (purpose IN ('full', 'deposit', 'final', 'standalone', 'security_deposit'));

ALTER TABLE invoice_payments DROP CONSTRAINT invoice_payments_method_check;
ALTER TABLE invoice_payments ADD CONSTRAINT invoice_payments_method_check
    CHECK (method IN ('bankgiro', 'transfer', 'swish', 'card', 'cash', 'deposit'));

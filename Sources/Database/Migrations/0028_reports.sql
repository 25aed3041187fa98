-- Reports (issue 12). What an issued invoice has left to pay on a day, in one place: the reports'
-- receivables and the dashboard's tile both read it. Its amount to pay, less the payments made by
-- that day, less the issued credit notes that credit it (issued by that day). Negative when more
-- came back than was owed; the reports count only what is above zero.
CREATE FUNCTION invoice_outstanding_ore(invoice bigint, as_of date) RETURNS bigint
LANGUAGE sql STABLE AS $$
    SELECT i.payable_ore
           - coalesce((SELECT sum(p.amount_ore) FROM invoice_payments p
                        WHERE p.invoice_id = i.id AND p.paid_on <= as_of), 0)
           - coalesce((SELECT sum(cn.payable_ore) FROM invoices cn
                        WHERE cn.credited_invoice_id = i.id AND cn.state = 'issued' AND cn.issue_date <= as_of), 0)
      FROM invoices i
     WHERE i.id = invoice AND i.kind = 'invoice' AND i.state = 'issued'
$$;

-- Finding an invoice's credit notes (receivables, every open invoice) without reading them all.
CREATE INDEX IF NOT EXISTS invoices_credited_idx ON invoices (credited_invoice_id) WHERE credited_invoice_id IS NOT NULL;

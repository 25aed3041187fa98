-- Adds :n customers, each with one signed quotation (a stub frozen version) and one booking, for
-- the list benchmarks. Numbers use the year 2090 so they never meet real ones; :first is the first
-- serial, so the script can be run again to grow the data set.
--   psql -v first=1 -v n=1000 -f bench/sql/bulk-bookings.sql
WITH src AS (
    SELECT i FROM generate_series(:first::int, :first::int + :n::int - 1) AS i
), c AS (
    INSERT INTO customers (kind, name, company_name, email, phone, billing_city, notes)
    SELECT CASE WHEN i % 3 = 0 THEN 'person' ELSE 'company' END,
           (ARRAY['Anna', 'Erik', 'Sara', 'Johan', 'Lina', 'Omar', 'Maja', 'Nils'])[1 + i % 8] || ' '
               || (ARRAY['Berg', 'Holm', 'Lind', 'Nyberg', 'Ek', 'Sandberg', 'Falk'])[1 + i % 7] || ' ' || i,
           CASE WHEN i % 3 = 0 THEN NULL ELSE 'Bolag ' || i || ' AB' END,
           'kund' || i || '@example.se', '070-' || lpad(i::text, 7, '0'),
           (ARRAY['Göteborg', 'Stockholm', 'Malmö', 'Uppsala', 'Lund'])[1 + i % 5], 'bench ' || i
      FROM src
    RETURNING id, notes
), q AS (
    INSERT INTO quotations (number, customer_id, state, current_version, title, period_start, period_end,
                            subtotal_ore, vat_ore, total_ore, created_by)
    SELECT 'Q-2090-' || lpad(substr(c.notes, 7), 6, '0'), c.id, 'signed', 1, 'Evenemang ' || substr(c.notes, 7),
           date '2026-01-01' + (substr(c.notes, 7)::int % 730), date '2026-01-01' + (substr(c.notes, 7)::int % 730) + 2,
           100000 + substr(c.notes, 7)::int % 50000, 25000, 125000 + substr(c.notes, 7)::int % 50000,
           (SELECT min(id) FROM users)
      FROM c
    RETURNING id, number, customer_id, period_start, period_end, subtotal_ore, vat_ore, total_ore
), v AS (
    INSERT INTO quotation_versions (quotation_id, version_no, snapshot, snapshot_sha256, state, total_ore, sent_at)
    SELECT q.id, 1, '{}', sha256(convert_to('{}', 'UTF8')), 'signed', q.total_ore, now() FROM q
    RETURNING id, quotation_id
)
INSERT INTO bookings (number, quotation_id, quotation_version_id, customer_id, state, title, period_start, period_end,
                      delivery_city, vat_rate_bp, subtotal_ore, vat_ore, total_ore, cancelled_at, cancel_reason)
SELECT 'EG-2090-' || substr(q.number, 8), q.id, v.id, q.customer_id, s.state, 'Evenemang', q.period_start, q.period_end,
       'Göteborg', 2500, q.subtotal_ore, q.vat_ore, q.total_ore,
       CASE WHEN s.state = 'cancelled' THEN now() END, CASE WHEN s.state = 'cancelled' THEN 'Benchmark' END
  FROM q JOIN v ON v.quotation_id = q.id
 CROSS JOIN LATERAL (SELECT (ARRAY['confirmed', 'packed', 'delivered', 'returned', 'closed', 'closed', 'closed', 'cancelled'])
                            [1 + substr(q.number, 8)::int % 8] AS state) s;
ANALYZE customers;
ANALYZE quotations;
ANALYZE bookings;

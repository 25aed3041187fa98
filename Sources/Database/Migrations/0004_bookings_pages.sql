-- Indexes for the staff's booking pages: the bookings list, the calendar and the dashboard.
-- Every query they run is bounded (keyset pagination, LIMIT, or a capped count) and has an index
-- here or in 0001, so the pages stay fast with 100,000 bookings.
--
-- Already in 0001 and used as they are:
--   bookings_pkey                 list without filters: ORDER BY id DESC, WHERE id < $after
--   bookings_customer_idx         list filtered by customer (customer_id, id DESC)
--   bookings_period_idx (gist)    list by dates, calendar, feed: daterange(…) && daterange($from, $to)
--   customers_search_idx (gin)    "search" by customer name, company, email, phone
--   audit_log_entity_idx          a booking's history

-- List filtered by status, newest first.
CREATE INDEX bookings_state_id_idx ON bookings (state, id DESC);

-- Search by booking number or event title (substring, served by trigrams). The list's query uses
-- exactly this expression.
CREATE INDEX bookings_search_idx ON bookings USING gin ((number || ' ' || coalesce(title, '')) gin_trgm_ops);

-- Dashboard: today's and tomorrow's deliveries and pickups.
CREATE INDEX bookings_delivery_day_idx ON bookings (period_start) WHERE state <> 'cancelled';
CREATE INDEX bookings_pickup_day_idx ON bookings (period_end) WHERE state <> 'cancelled';

-- Dashboard: bookings waiting for a manager's approval (a small set, newest first).
CREATE INDEX bookings_awaiting_approval_idx ON bookings (id DESC) WHERE state = 'confirmed' AND approved_at IS NULL;

-- Dashboard: revenue per month by created_at, answered from the index alone.
CREATE INDEX bookings_created_revenue_idx ON bookings (created_at) INCLUDE (state, total_ore, vat_ore);

-- Indexes for the staff's quotation pages (issue 4): the list by state with keyset pagination on
-- id, the search by number and title, and the links of a version on its page.
--
-- Runs in one transaction (see Migrator); no BEGIN/COMMIT here.

-- /admin/quotations?state=…&after=…: WHERE state = $1 AND id < $2 ORDER BY id DESC LIMIT 51.
-- (The "all" tab walks the primary key backwards.)
CREATE INDEX quotations_state_id_idx ON quotations (state, id DESC);

-- /admin/quotations?q=…: number or title containing the text (customers have their own
-- trigram index on search_text, which the list query uses for names and companies).
CREATE INDEX quotations_search_idx ON quotations
    USING gin ((number || ' ' || coalesce(title, '')) gin_trgm_ops);

-- The version page lists every link issued for the version, voided ones included
-- (signing_links_one_live_key covers only the live one).
CREATE INDEX signing_links_version_idx ON signing_links (quotation_version_id, id);

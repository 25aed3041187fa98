-- The customers, products and add-ons lists: keyset pagination in Swedish alphabetical order,
-- with an index for every filter's ORDER BY, so a page costs the same with 100 or 100,000 rows.
--
-- Swedish order (… X Y Z Å Ä Ö, case-insensitive) comes from an ICU collation; PostgreSQL is built
-- with ICU on Debian, Ubuntu and the managed services. Queries must say `COLLATE eg_swedish`
-- exactly as the indexes do, or the indexes are not used.

CREATE COLLATION IF NOT EXISTS eg_swedish (provider = icu, locale = 'sv-SE');

-- Customers sort by the name the list shows first: the company for companies, else the person.
ALTER TABLE customers
    ADD COLUMN display_name text GENERATED ALWAYS AS (
        CASE WHEN kind = 'company' AND btrim(coalesce(company_name, '')) <> '' THEN company_name ELSE name END
    ) STORED;
CREATE INDEX customers_list_active_idx ON customers (display_name COLLATE eg_swedish, id) WHERE archived_at IS NULL;
CREATE INDEX customers_list_all_idx ON customers (display_name COLLATE eg_swedish, id);
-- Phone numbers are typed any which way (070-123 45 67, 0701234567): search their digits too.
CREATE INDEX customers_phone_digits_idx ON customers
    USING gin ((regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g')) gin_trgm_ops);

CREATE INDEX products_list_active_idx ON products (name COLLATE eg_swedish, id) WHERE active;
CREATE INDEX products_list_all_idx ON products (name COLLATE eg_swedish, id);

CREATE INDEX addons_list_active_idx ON addons (name COLLATE eg_swedish, id) WHERE active;
CREATE INDEX addons_list_all_idx ON addons (name COLLATE eg_swedish, id);
CREATE INDEX addons_search_idx ON addons USING gin (name gin_trgm_ops);

-- 0001's check let a company through without a company name when it was NULL (NULL is not false).
ALTER TABLE customers DROP CONSTRAINT customers_company_name_check,
    ADD CONSTRAINT customers_company_name_check CHECK (kind = 'person' OR btrim(coalesce(company_name, '')) <> '');

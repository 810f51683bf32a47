-- Full-text search, typo tolerance and the version that ETags and cache entries are keyed on.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- unaccent() is only STABLE (its dictionary could change); a generated column and an index need IMMUTABLE,
-- which holds here because the dictionary is named explicitly.
CREATE FUNCTION catalog_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

ALTER TABLE products ADD COLUMN version int NOT NULL DEFAULT 1;

-- The name as queries compare it (lower-case, unaccented), stored: the wrapper above is not inlined into
-- queries, so calling it per matching row at query time costs tens of microseconds a row.
ALTER TABLE products ADD COLUMN name_key text GENERATED ALWAYS AS (lower(catalog_unaccent(name))) STORED;

-- Weighted document: a hit in the name counts most, then brand, category, description (A > B > C > D).
ALTER TABLE products ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', catalog_unaccent(name)), 'A') ||
    setweight(to_tsvector('english', catalog_unaccent(brand)), 'B') ||
    setweight(to_tsvector('english', catalog_unaccent(category)), 'C') ||
    setweight(to_tsvector('english', catalog_unaccent(description)), 'D')) STORED;

CREATE INDEX products_search_idx ON products USING gin (search);

-- Autocomplete completes words of names only: a separate, smaller document without stemming or stop words
-- (a prefix such as "a" or "runni" must complete as typed), so the index answers without rechecking weights.
ALTER TABLE products ADD COLUMN name_words tsvector GENERATED ALWAYS AS (to_tsvector('simple', catalog_unaccent(name))) STORED;
CREATE INDEX products_name_words_idx ON products USING gin (name_words);
CREATE INDEX products_price_idx ON products (price, id);
CREATE INDEX products_newest_idx ON products (created_at DESC, id);
CREATE INDEX products_name_idx ON products (name, id);

-- The words shoppers may type (from names, brands, categories), unaccented and lower-case: the vocabulary
-- a misspelled word is corrected against by trigram similarity.
CREATE TABLE catalog_words (
    word        text PRIMARY KEY,
    occurrences int NOT NULL
);
CREATE INDEX catalog_words_trgm_idx ON catalog_words USING gin (word gin_trgm_ops);

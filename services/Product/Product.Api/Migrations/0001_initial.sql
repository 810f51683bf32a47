-- The catalog: one row per product. Search columns and indexes come with the catalog issue's migrations.
CREATE TABLE products (
    id          uuid PRIMARY KEY,
    sku         text NOT NULL UNIQUE,
    name        text NOT NULL,
    description text NOT NULL DEFAULT '',
    brand       text NOT NULL,
    category    text NOT NULL,
    price       numeric(12, 2) NOT NULL CHECK (price >= 0),
    currency    char(3) NOT NULL DEFAULT 'USD',
    image_url   text,
    rating      numeric(2, 1) NOT NULL DEFAULT 0 CHECK (rating BETWEEN 0 AND 5),
    attributes  jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX products_category_idx ON products (category);
CREATE INDEX products_brand_idx ON products (brand);

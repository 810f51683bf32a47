-- Stock per product. reserved never exceeds on_hand: the check makes overselling impossible at the database.
CREATE TABLE stock_items (
    product_id text PRIMARY KEY,
    on_hand    integer NOT NULL CHECK (on_hand >= 0),
    reserved   integer NOT NULL DEFAULT 0 CHECK (reserved >= 0),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK (reserved <= on_hand)
);

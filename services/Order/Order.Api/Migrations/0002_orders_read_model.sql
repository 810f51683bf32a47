-- The checkout's answer is kept with the key, so a retried request gets the same status and body;
-- request_hash tells a retry from a different request reusing the key.
ALTER TABLE idempotency_keys
    ADD COLUMN request_hash text NOT NULL DEFAULT '',
    ADD COLUMN status_code  integer NOT NULL DEFAULT 202,
    ADD COLUMN response     text;  -- text, not jsonb: replayed byte for byte

-- Read model of the order streams, kept by the inline projection in the same transaction as the events.
-- deadline is the saga's: the timeout worker scans it, so timeouts survive restarts.
CREATE TABLE orders (
    id             uuid PRIMARY KEY,
    user_id        text NOT NULL,
    status         text NOT NULL,
    failure_reason text,
    items          jsonb NOT NULL,
    total          numeric(18, 2) NOT NULL,
    currency       text NOT NULL,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    deadline       timestamptz NOT NULL,
    version        bigint NOT NULL
);
CREATE INDEX orders_by_user ON orders (user_id, created_at DESC);
CREATE INDEX orders_by_status ON orders (status, created_at DESC);
CREATE INDEX orders_open_by_deadline ON orders (deadline) WHERE status IN ('Pending', 'StockReserved');

-- Sales per hour of confirmation, kept by an asynchronous projection (rebuildable from the events).
CREATE TABLE sales_by_hour (
    bucket  timestamptz PRIMARY KEY,
    orders  integer NOT NULL,
    revenue numeric(18, 2) NOT NULL
);

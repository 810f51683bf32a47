-- One reservation per order: the primary key makes every handler idempotent by order id, and the status is the
-- reservation's state machine (Reserved -> Committed | Released; Failed when a line was short).
CREATE TABLE reservations (
    order_id          uuid PRIMARY KEY,
    status            text NOT NULL CHECK (status IN ('Reserved', 'Committed', 'Released', 'Failed')),
    expires_at        timestamptz NOT NULL,
    short_product_ids text[] NOT NULL DEFAULT '{}',
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE reservation_lines (
    order_id   uuid NOT NULL REFERENCES reservations (order_id),
    product_id text NOT NULL,
    quantity   integer NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (order_id, product_id)
);

-- What the expiry sweeper scans: only live reservations.
CREATE INDEX reservations_live_by_expiry ON reservations (expires_at) WHERE status = 'Reserved';

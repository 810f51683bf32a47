-- One payment per order: the unique order_id is what makes charging idempotent.
CREATE TABLE payments (
    id         uuid PRIMARY KEY,
    order_id   uuid NOT NULL UNIQUE,
    amount     numeric(12, 2) NOT NULL CHECK (amount >= 0),
    currency   char(3) NOT NULL,
    status     text NOT NULL CHECK (status IN ('Authorized', 'Captured', 'Declined', 'Refunded')),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- Checkout requests by idempotency key: the same key by the same user answers with the same order.
-- The orders themselves are event streams (libs/EventStore adds its tables in the orders issue).
CREATE TABLE idempotency_keys (
    user_id         text NOT NULL,
    idempotency_key text NOT NULL,
    order_id        uuid NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, idempotency_key)
);

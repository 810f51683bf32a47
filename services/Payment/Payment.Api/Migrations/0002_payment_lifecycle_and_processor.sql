-- The payment's whole lifecycle. Pending exists only inside the transaction that calls the processor (the row lock
-- is what makes a second delivery wait); RefundRequested is a refund that arrived before any charge, so a charge
-- for that order is never sent to the processor.
ALTER TABLE payments DROP CONSTRAINT payments_status_check;
ALTER TABLE payments ADD CONSTRAINT payments_status_check
    CHECK (status IN ('Pending', 'Authorized', 'Captured', 'Declined', 'Unavailable', 'Refunded', 'RefundRequested'));
ALTER TABLE payments ALTER COLUMN amount DROP NOT NULL, ALTER COLUMN currency DROP NOT NULL;
ALTER TABLE payments
    ADD COLUMN failure_reason      text,
    ADD COLUMN processor_charge_id uuid,
    ADD COLUMN refund_requested    boolean NOT NULL DEFAULT false;
CREATE INDEX payments_by_created_at ON payments (created_at DESC);

-- The simulated card processor's own books (a real processor keeps these on its side of the network).
CREATE SCHEMA processor;

-- One charge per idempotency key: the same key sent again returns the same charge, never a second one.
CREATE TABLE processor.charges (
    idempotency_key text PRIMARY KEY,
    charge_id       uuid NOT NULL UNIQUE,
    amount          numeric(12, 2) NOT NULL,
    currency        char(3) NOT NULL,
    card_token      text NOT NULL,
    status          text NOT NULL CHECK (status IN ('authorized', 'captured', 'voided', 'refunded')),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);

-- Every authorization request per key, failed ones included: what the flaky test card counts, and what tests read.
CREATE TABLE processor.calls (
    idempotency_key text PRIMARY KEY,
    calls           integer NOT NULL
);

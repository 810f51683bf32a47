-- Access-token signing keys, shared by every instance. One key signs at a time (retired_at IS NULL); a retired key
-- stays published in the JWKS until every token it signed has expired, then it is deleted. private_key is PKCS#8 DER.
CREATE TABLE signing_keys (
    kid          text PRIMARY KEY,
    algorithm    text NOT NULL CHECK (algorithm IN ('RS256', 'ES256')),
    private_key  bytea NOT NULL,
    created_at   timestamptz NOT NULL,
    retired_at   timestamptz
);
CREATE UNIQUE INDEX signing_keys_one_active_idx ON signing_keys ((retired_at IS NULL)) WHERE retired_at IS NULL;

-- Refresh tokens: only the SHA-256 of each token is kept. Every use consumes the token and issues the next one in
-- the same family; presenting a consumed token again revokes the whole family.
CREATE TABLE refresh_tokens (
    token_hash   bytea PRIMARY KEY,
    family_id    uuid NOT NULL,
    user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    client_id    text,
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    consumed_at  timestamptz,
    revoked_at   timestamptz
);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id);

-- Tables of the app itself (H2 and PostgreSQL). Idempotent: run at every start.
CREATE TABLE IF NOT EXISTS noodrem_used_nonce (
  nonce   VARCHAR(64) PRIMARY KEY,
  used_at TIMESTAMP   NOT NULL
);

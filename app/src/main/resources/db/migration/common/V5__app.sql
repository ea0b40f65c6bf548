-- The app's own tables.

-- Presentation nonces that were used (same DDL as db/noodrem-app-schema.sql, which the app also runs: idempotent).
CREATE TABLE IF NOT EXISTS noodrem_used_nonce (
  nonce   VARCHAR(64) PRIMARY KEY,
  used_at TIMESTAMP   NOT NULL
);

-- Where the chain's status-event subscription resumes, shared by every app node (JdbcCheckpointStore): a node that
-- restarts, or another node, continues from the furthest position any node reached. Never moves backwards.
CREATE TABLE IF NOT EXISTS noodrem_chain_checkpoint (
  subscription   VARCHAR(64)  PRIMARY KEY,
  chain_id       BIGINT       NOT NULL,
  contract       VARCHAR(42)  NOT NULL,
  next_block     BIGINT       NOT NULL,
  next_log_index BIGINT       NOT NULL,
  anchor_hash    VARCHAR(66),
  updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

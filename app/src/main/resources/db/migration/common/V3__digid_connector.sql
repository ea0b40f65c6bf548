-- digid-connector's request store and replay cache, shared by every app node (the same DDL as
-- digid-connector's db/digid/schema.sql, which production does not run: noodrem.digid.store.initialize-schema=false).
-- Times are epoch milliseconds.
CREATE TABLE IF NOT EXISTS digid_authn_request (
  request_id      VARCHAR(64)   NOT NULL,
  relay_state     VARCHAR(64)   NOT NULL,
  browser_binding VARCHAR(64)   NOT NULL,
  return_to       VARCHAR(2048) NOT NULL,
  requested_level VARCHAR(16)   NOT NULL,
  created_at      BIGINT        NOT NULL,
  expires_at      BIGINT        NOT NULL,
  CONSTRAINT digid_authn_request_pk PRIMARY KEY (request_id),
  CONSTRAINT digid_authn_request_relay_uk UNIQUE (relay_state)
);
CREATE INDEX IF NOT EXISTS digid_authn_request_expires_idx ON digid_authn_request (expires_at);

CREATE TABLE IF NOT EXISTS digid_replay_cache (
  kind       VARCHAR(16) NOT NULL,
  value_hash VARCHAR(64) NOT NULL,
  expires_at BIGINT      NOT NULL,
  CONSTRAINT digid_replay_cache_pk PRIMARY KEY (kind, value_hash)
);
CREATE INDEX IF NOT EXISTS digid_replay_cache_expires_idx ON digid_replay_cache (expires_at);

-- DigiD connector state shared by all app nodes. Idempotent (H2 2.x and PostgreSQL 9.5+); a later
-- production issue moves this into Flyway. Times are epoch milliseconds (no time-zone surprises).

-- AuthnRequests sent and not yet answered: single use (DELETE decides who consumes), expiring.
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

-- Artifacts and assertion IDs seen: the primary key makes "first use" atomic across nodes.
CREATE TABLE IF NOT EXISTS digid_replay_cache (
  kind       VARCHAR(16) NOT NULL,
  value_hash VARCHAR(64) NOT NULL,
  expires_at BIGINT      NOT NULL,
  CONSTRAINT digid_replay_cache_pk PRIMARY KEY (kind, value_hash)
);
CREATE INDEX IF NOT EXISTS digid_replay_cache_expires_idx ON digid_replay_cache (expires_at);

-- Single logout: LogoutRequests we sent and wait an answer for (kind 'request', key = hash of the ID), and
-- sessions a logout ended (kind 'ended', key = keyed hash of NameID and SessionIndex, or of the NameID alone
-- for "every session of this citizen"). created_at of an 'ended' row is the moment of the logout.
CREATE TABLE IF NOT EXISTS digid_logout (
  kind       VARCHAR(16) NOT NULL,
  key_hash   VARCHAR(64) NOT NULL,
  created_at BIGINT      NOT NULL,
  expires_at BIGINT      NOT NULL,
  CONSTRAINT digid_logout_pk PRIMARY KEY (kind, key_hash)
);
CREATE INDEX IF NOT EXISTS digid_logout_expires_idx ON digid_logout (expires_at);

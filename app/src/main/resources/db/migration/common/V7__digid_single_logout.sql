-- digid-connector's single-logout state (the same DDL as digid-connector's db/digid/schema.sql): LogoutRequests we
-- sent and wait an answer for, and DigiD sessions a single logout ended, shared by every app node. Epoch milliseconds.
CREATE TABLE IF NOT EXISTS digid_logout (
  kind       VARCHAR(16) NOT NULL,
  key_hash   VARCHAR(64) NOT NULL,
  created_at BIGINT      NOT NULL,
  expires_at BIGINT      NOT NULL,
  CONSTRAINT digid_logout_pk PRIMARY KEY (kind, key_hash)
);
CREATE INDEX IF NOT EXISTS digid_logout_expires_idx ON digid_logout (expires_at);

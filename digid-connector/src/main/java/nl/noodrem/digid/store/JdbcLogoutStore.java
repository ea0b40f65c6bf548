package nl.noodrem.digid.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link LogoutStore} on the app's database (table {@code digid_logout}). Each statement runs in its own
 * auto-commit transaction, as in {@link JdbcReplayCache}: a duplicate key must not abort a surrounding one.
 */
public final class JdbcLogoutStore implements LogoutStore {

  private static final String REQUEST = "request";
  private static final String ENDED = "ended";

  private final JdbcTemplate jdbc;

  public JdbcLogoutStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void rememberRequest(String requestId, Instant expiresAt, Instant now) {
    insert(REQUEST, sha256(requestId), now, expiresAt);
  }

  @Override
  public boolean consumeRequest(String requestId, Instant now) {
    // whoever's DELETE removes the row owns the answer
    return jdbc.update(
            "DELETE FROM digid_logout WHERE kind = ? AND key_hash = ? AND expires_at > ?", REQUEST, sha256(requestId), now.toEpochMilli())
        == 1;
  }

  @Override
  public void sessionEnded(String sessionKey, Instant now, Instant expiresAt) {
    insert(ENDED, sha256(sessionKey), now, expiresAt);
  }

  @Override
  public boolean isEnded(String sessionKey, String subjectKey, Instant authenticatedAt, Instant now) {
    Integer rows =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM digid_logout WHERE kind = ? AND expires_at > ?"
                + " AND (key_hash = ? OR (key_hash = ? AND created_at >= ?))",
            Integer.class,
            ENDED,
            now.toEpochMilli(),
            sessionKey == null ? "-" : sha256(sessionKey),
            sha256(subjectKey),
            authenticatedAt.toEpochMilli());
    return rows != null && rows > 0;
  }

  @Override
  public int purgeExpired(Instant now) {
    return jdbc.update("DELETE FROM digid_logout WHERE expires_at <= ?", now.toEpochMilli());
  }

  private void insert(String kind, String hash, Instant now, Instant expiresAt) {
    try {
      jdbc.update(
          "INSERT INTO digid_logout (kind, key_hash, created_at, expires_at) VALUES (?, ?, ?, ?)",
          kind, hash, now.toEpochMilli(), expiresAt.toEpochMilli());
    } catch (DuplicateKeyException e) {
      // already recorded: the first moment counts
    }
  }

  private static String sha256(String value) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

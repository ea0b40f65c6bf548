package nl.noodrem.digid.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link ReplayCache} on the app's database: the primary key (kind, SHA-256 of the value) makes the first
 * use atomic across nodes. Runs each statement in its own (auto-commit) transaction: PostgreSQL aborts a
 * surrounding transaction on a duplicate key, so do not call it inside one.
 */
public final class JdbcReplayCache implements ReplayCache {

  private final JdbcTemplate jdbc;

  public JdbcReplayCache(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean firstUse(String kind, String value, Instant expiresAt, Instant now) {
    String hash = sha256(kind, value);
    if (tryInsert(kind, hash, expiresAt)) {
      return true;
    }
    // an expired entry not yet purged must not block a value that is legitimately new again
    int removed =
        jdbc.update(
            "DELETE FROM digid_replay_cache WHERE kind = ? AND value_hash = ? AND expires_at <= ?", kind, hash, now.toEpochMilli());
    return removed == 1 && tryInsert(kind, hash, expiresAt);
  }

  private boolean tryInsert(String kind, String hash, Instant expiresAt) {
    try {
      jdbc.update(
          "INSERT INTO digid_replay_cache (kind, value_hash, expires_at) VALUES (?, ?, ?)", kind, hash, expiresAt.toEpochMilli());
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  @Override
  public int purgeExpired(Instant now) {
    return jdbc.update("DELETE FROM digid_replay_cache WHERE expires_at <= ?", now.toEpochMilli());
  }

  private static String sha256(String kind, String value) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(kind.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

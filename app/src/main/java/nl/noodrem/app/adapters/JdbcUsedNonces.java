package nl.noodrem.app.adapters;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import nl.noodrem.zkp.NonceStoreException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Presentation nonces that were used, shared by every app node: the primary key makes "used once" hold under
 * concurrency across nodes. Table {@code noodrem_used_nonce} (created by {@code db/noodrem-app-schema.sql}).
 */
@Component
class JdbcUsedNonces {

  private final JdbcTemplate jdbc;

  JdbcUsedNonces(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Instant> usedAt(String nonce) throws NonceStoreException {
    try {
      return jdbc.query("select used_at from noodrem_used_nonce where nonce = ?",
          (rs, i) -> rs.getTimestamp(1).toInstant(), nonce).stream().findFirst();
    } catch (DataAccessException e) {
      throw new NonceStoreException("nonce table unavailable", e);
    }
  }

  /** @return true for the one call that used the nonce first */
  boolean markUsed(String nonce, Instant at) throws NonceStoreException {
    try {
      jdbc.update("insert into noodrem_used_nonce (nonce, used_at) values (?, ?)", nonce, Timestamp.from(at));
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    } catch (DataAccessException e) {
      throw new NonceStoreException("nonce table unavailable", e);
    }
  }

  /** Forgets nonces used before {@code before}: their requests have long expired, so they cannot verify again. */
  int purgeUsedBefore(Instant before) {
    return jdbc.update("delete from noodrem_used_nonce where used_at < ?", Timestamp.from(before));
  }
}

package nl.noodrem.digid.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.noodrem.digid.DigidLevel;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link AuthnRequestStore} on the app's database ({@code db/digid/schema.sql}). Single use across nodes:
 * whoever's DELETE removes the row owns the request.
 */
public final class JdbcAuthnRequestStore implements AuthnRequestStore {

  private final JdbcTemplate jdbc;
  private final int maxPending;

  public JdbcAuthnRequestStore(JdbcTemplate jdbc, int maxPending) {
    if (maxPending < 1) {
      throw new IllegalArgumentException("maxPending must be positive");
    }
    this.jdbc = jdbc;
    this.maxPending = maxPending;
  }

  @Override
  public void save(PendingAuthnRequest request, Instant now) {
    Integer pending =
        jdbc.queryForObject("SELECT COUNT(*) FROM digid_authn_request WHERE expires_at > ?", Integer.class, now.toEpochMilli());
    if (pending != null && pending >= maxPending) {
      // expired rows are purged on a schedule; try once here before refusing
      purgeExpired(now);
      pending = jdbc.queryForObject("SELECT COUNT(*) FROM digid_authn_request", Integer.class);
      if (pending != null && pending >= maxPending) {
        throw new StoreFullException(pending + " DigiD logins pending, the maximum is " + maxPending);
      }
    }
    jdbc.update(
        "INSERT INTO digid_authn_request (request_id, relay_state, browser_binding, return_to, requested_level, created_at, expires_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)",
        request.requestId(),
        request.relayState(),
        request.browserBindingHash(),
        request.returnTo(),
        request.requestedLevel().name(),
        request.createdAt().toEpochMilli(),
        request.expiresAt().toEpochMilli());
  }

  @Override
  public Optional<PendingAuthnRequest> consumeByRelayState(String relayState, Instant now) {
    List<PendingAuthnRequest> rows =
        jdbc.query(
            "SELECT request_id, relay_state, browser_binding, return_to, requested_level, created_at, expires_at"
                + " FROM digid_authn_request WHERE relay_state = ?",
            (rs, i) ->
                new PendingAuthnRequest(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    DigidLevel.valueOf(rs.getString(5)),
                    Instant.ofEpochMilli(rs.getLong(6)),
                    Instant.ofEpochMilli(rs.getLong(7))),
            relayState);
    if (rows.size() != 1) {
      return Optional.empty();
    }
    PendingAuthnRequest request = rows.get(0);
    int deleted = jdbc.update("DELETE FROM digid_authn_request WHERE request_id = ?", request.requestId());
    if (deleted != 1 || !now.isBefore(request.expiresAt())) {
      return Optional.empty(); // another node consumed it first, or it expired (and is now gone)
    }
    return Optional.of(request);
  }

  @Override
  public int purgeExpired(Instant now) {
    return jdbc.update("DELETE FROM digid_authn_request WHERE expires_at <= ?", now.toEpochMilli());
  }
}

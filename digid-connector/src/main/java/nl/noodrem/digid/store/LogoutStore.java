package nl.noodrem.digid.store;

import java.time.Instant;

/**
 * Single-logout state shared by all app nodes: the LogoutRequests we sent (so that only an answer to one of
 * them is accepted, once) and the DigiD sessions a logout ended (so that a session cookie of an ended
 * session is refused on every node, whichever node received the logout).
 *
 * <p>Keys are opaque strings the caller has already hashed or keyed; the store hashes them again. Failure:
 * runtime data access exceptions when the database is unreachable (callers fail closed).
 */
public interface LogoutStore {

  /** Remembers a LogoutRequest ID we sent, until {@code expiresAt}. */
  void rememberRequest(String requestId, Instant expiresAt, Instant now);

  /** @return true exactly once for a remembered, unexpired request ID; false when unknown, used or expired */
  boolean consumeRequest(String requestId, Instant now);

  /** Records that the session(s) named by {@code sessionKey} ended at {@code now}; repeated calls keep the first time. */
  void sessionEnded(String sessionKey, Instant now, Instant expiresAt);

  /**
   * @return true when {@code sessionKey} was ended, or {@code subjectKey} (every session of the citizen) was
   *     ended at or after {@code authenticatedAt}
   */
  boolean isEnded(String sessionKey, String subjectKey, Instant authenticatedAt, Instant now);

  /** Deletes expired rows. @return how many */
  int purgeExpired(Instant now);
}

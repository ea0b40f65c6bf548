package nl.noodrem.zkp.credential;

import java.time.Instant;
import java.util.Optional;
import nl.noodrem.zkp.NonceStoreException;

/**
 * Remembers the presentation requests a verifier issued and which nonces were used. The application supplies a
 * database-backed implementation shared by all nodes; {@link InMemoryNonceStore} serves tests and single-node use.
 *
 * <p><b>Contract.</b> {@link #markUsed} is the single point of truth for "single use": for a given nonce it
 * returns {@code true} at most once, ever, across all threads and nodes sharing the store (a conditional update
 * or insert with a unique key in a database). Entries may be purged some time after the request expired; a purged
 * nonce is then unknown, which verification also rejects.
 */
public interface NonceStore {

  /** A stored request and, once used, when. */
  record Entry(PresentationRequest request, Optional<Instant> usedAt) {}

  void remember(PresentationRequest request) throws NonceStoreException;

  Optional<Entry> find(byte[] nonce) throws NonceStoreException;

  /**
   * Atomically marks the nonce as used.
   *
   * @return {@code true} if this call used it; {@code false} if it was already used or is unknown
   */
  boolean markUsed(byte[] nonce, Instant at) throws NonceStoreException;
}

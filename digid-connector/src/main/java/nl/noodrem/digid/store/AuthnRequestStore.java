package nl.noodrem.digid.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Server-side memory of the AuthnRequests in flight, shared by all app nodes.
 *
 * <p>Guarantee: {@link #consume} hands a stored request to at most one caller, ever, and never after it
 * expired. Failure: {@link StoreFullException} when the bound is reached (a login flood), runtime data
 * access exceptions when the database is unreachable.
 */
public interface AuthnRequestStore {

  /** @throws StoreFullException when as many unexpired requests as allowed are pending */
  void save(PendingAuthnRequest request, Instant now);

  /** Removes and returns the unexpired request with this RelayState; empty when unknown, used or expired. */
  Optional<PendingAuthnRequest> consumeByRelayState(String relayState, Instant now);

  /** Deletes expired requests. @return how many */
  int purgeExpired(Instant now);
}

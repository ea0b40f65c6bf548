package nl.noodrem.ledger.events;

import nl.noodrem.ledger.StatusRevokedEvent;

/**
 * Receives revocation events in chain order, one at a time. The subscription moves its checkpoint past
 * an event only after this returns normally; if it throws, the same event comes again on the next poll.
 */
@FunctionalInterface
public interface StatusEventConsumer {

  void accept(StatusRevokedEvent event) throws Exception;
}

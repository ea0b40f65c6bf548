package nl.noodrem.camel.api;

import nl.noodrem.domain.event.CredentialStatusChanged;

/**
 * Where the chain's status-list changes enter the Camel bridge. The app adapts the ledger client's
 * resumable status-event subscription to this interface: for each event it calls {@link #receive}
 * and advances its subscription checkpoint only after the call returned.
 *
 * <p><b>Guarantee:</b> when {@link #receive} returns, the event was either delivered to the processes
 * or stored as a dead letter for a person (bridge {@link Bridge#CHAIN_STATUS}); the same
 * {@code sourceId} received twice is delivered once. <b>Failure:</b> {@link DeliveryException}
 * (retryable) when not even the dead letter could be stored: the caller must not advance its
 * checkpoint and must offer the event again.
 */
public interface ChainStatusInbox {

  void receive(CredentialStatusChanged event) throws DeliveryException;
}

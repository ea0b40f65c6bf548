package nl.noodrem.camel.api;

import nl.noodrem.domain.event.DomainEvent;

/**
 * How routes hand what they received to the processes. Implemented by {@code processes} (which
 * correlates Camunda messages or starts processes); routes depend only on this interface.
 *
 * <p><b>Guarantee expected of implementations:</b> delivering the same event (same
 * {@link DomainEvent#sourceId()}) twice acts once. <b>Failure:</b> {@link DeliveryException}; when
 * {@link DeliveryException#retryable()} is false the route dead-letters the record for a person.
 */
public interface ProcessGateway {

  /** Outcome of a delivery, for logs and metrics. */
  enum Delivery {
    /** A waiting process instance received it. */
    CORRELATED,
    /** A new process instance was started for it. */
    STARTED,
    /** The same source record was delivered before; nothing done. */
    DUPLICATE,
    /** Nothing waits for it and nothing needs to (e.g. a status change of a credential no brake uses). */
    NOT_NEEDED
  }

  Delivery deliver(DomainEvent event) throws DeliveryException;

  Delivery holdAcknowledged(HoldAcknowledgement acknowledgement) throws DeliveryException;

  /**
   * The collection system opened a case for a citizen; a brake running for that citizen must hold it
   * too. {@link Delivery#NOT_NEEDED} when no brake runs for the citizen.
   *
   * <p>The default refuses (not retryable), so that the route keeps each such event as a dead letter
   * until the implementation overrides this; then the dead letters can be replayed.
   */
  default Delivery caseOpened(CaseOpened caseOpened) throws DeliveryException {
    throw new DeliveryException("this ProcessGateway does not take CaseOpened yet", false, null);
  }
}

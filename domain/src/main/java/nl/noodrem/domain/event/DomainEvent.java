package nl.noodrem.domain.event;

import java.time.Instant;

/**
 * A canonical event: what a legacy system or the chain reported, translated into Noodrem's terms.
 * Camel routes produce them; processes consume them. Each carries the id of the record it came from,
 * so a record seen twice can be recognised and acted on once.
 */
public sealed interface DomainEvent
    permits DebtHelpStarted, DebtHelpEnded, HoldPlaced, HoldLifted, CredentialStatusChanged {

  /** Stable id of the source record (file name + line, message id, row id, block + log index). */
  String sourceId();

  /** When the source says it happened. */
  Instant occurredAt();
}

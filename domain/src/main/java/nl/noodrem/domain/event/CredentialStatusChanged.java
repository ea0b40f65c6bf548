package nl.noodrem.domain.event;

import java.time.Instant;
import java.util.Objects;
import nl.noodrem.domain.InvalidValueException;

/**
 * A bit in an issuer's status list changed on chain. Carries no personal data: the pair
 * (statusListId, statusIndex) only means something to whoever holds the credential.
 */
public record CredentialStatusChanged(
    String sourceId, Instant occurredAt, long statusListId, long statusIndex, boolean revoked, long blockNumber)
    implements DomainEvent {

  public CredentialStatusChanged {
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    if (statusListId < 0 || statusIndex < 0 || blockNumber < 0) {
      throw new InvalidValueException("status change", "ids and block number cannot be negative");
    }
  }
}

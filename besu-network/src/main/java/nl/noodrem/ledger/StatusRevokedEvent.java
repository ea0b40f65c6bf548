package nl.noodrem.ledger;

import java.time.Instant;
import java.util.Objects;
import nl.noodrem.domain.Oin;
import nl.noodrem.domain.event.CredentialStatusChanged;

/**
 * One {@code StatusRevoked} event: a credential's bit went from valid to revoked.
 *
 * @param blockTime the timestamp of the block that holds it: when the revocation took effect
 * @param logIndex the log's index within its block
 */
public record StatusRevokedEvent(long statusListId, long statusIndex, Oin issuerOin, long blockNumber,
    String blockHash, Instant blockTime, String transactionHash, long logIndex) {

  public StatusRevokedEvent {
    Objects.requireNonNull(issuerOin, "issuerOin");
    Objects.requireNonNull(blockHash, "blockHash");
    Objects.requireNonNull(blockTime, "blockTime");
    Objects.requireNonNull(transactionHash, "transactionHash");
  }

  /** Unique per event on a chain without reorganisations: use it as an idempotency key downstream. */
  public String eventId() {
    return transactionHash + ":" + logIndex;
  }

  /** The domain's canonical event, with {@link #eventId()} as its source id. */
  public CredentialStatusChanged toCredentialStatusChanged() {
    return new CredentialStatusChanged(eventId(), blockTime, statusListId, statusIndex, true, blockNumber);
  }
}

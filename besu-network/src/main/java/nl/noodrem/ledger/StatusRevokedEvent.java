package nl.noodrem.ledger;

import java.util.Objects;
import nl.noodrem.domain.Oin;

/**
 * One {@code StatusRevoked} event: a credential's bit went from valid to revoked.
 *
 * @param logIndex the log's index within its block
 */
public record StatusRevokedEvent(long statusListId, long statusIndex, Oin issuerOin, long blockNumber,
    String blockHash, String transactionHash, long logIndex) {

  public StatusRevokedEvent {
    Objects.requireNonNull(issuerOin, "issuerOin");
    Objects.requireNonNull(blockHash, "blockHash");
    Objects.requireNonNull(transactionHash, "transactionHash");
  }

  /** Unique per event on a chain without reorganisations: use it as an idempotency key downstream. */
  public String eventId() {
    return transactionHash + ":" + logIndex;
  }
}

package nl.noodrem.ledger;

import java.time.Instant;
import nl.noodrem.domain.Oin;

/**
 * A status list's owner and counters.
 *
 * @param capacity number of bits; indices 0 .. capacity-1
 * @param allocated indices 0 .. allocated-1 have been handed out
 * @param revokedCount bits set
 */
public record StatusListInfo(long statusListId, Oin issuerOin, long capacity, long allocated, long revokedCount,
    Instant createdAt) {

  /** Number of 256-bit words the list occupies. */
  public long wordCount() {
    return (capacity + 255) / 256;
  }
}

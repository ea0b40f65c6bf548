package nl.noodrem.ledger;

import java.util.List;

/**
 * The outcome of a revocation transaction.
 *
 * @param newlyRevoked the indices whose bit changed in this transaction, in the order of their events;
 *     indices that were revoked already are absent (revocation is idempotent)
 */
public record RevocationResult(long statusListId, List<Long> newlyRevoked, String transactionHash, long blockNumber,
    long gasUsed) {

  public RevocationResult {
    newlyRevoked = List.copyOf(newlyRevoked);
  }
}

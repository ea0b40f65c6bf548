package nl.noodrem.ledger.events;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a status-event subscription resumes: every event at a position before
 * ({@code nextBlock}, {@code nextLogIndex}) has been delivered and its consumer has returned; every
 * event at or after it has not. Positions are ordered by block number, then log index within the block.
 *
 * <p>The checkpoint is bound to one chain and one contract, and remembers the hash of the last block it
 * saw ({@link #anchorBlock()}), so resuming against a different deployment or a chain that was reset
 * fails loudly instead of silently skipping or repeating events.
 *
 * @param chainId the chain the events came from
 * @param contract the StatusListRegistry address, lower case
 * @param nextBlock first block not yet fully delivered
 * @param nextLogIndex first log index in {@code nextBlock} not yet delivered
 * @param anchorHash hash of {@link #anchorBlock()}, when known
 */
public record Checkpoint(long chainId, String contract, long nextBlock, long nextLogIndex, Optional<String> anchorHash) {

  public Checkpoint {
    Objects.requireNonNull(contract, "contract");
    contract = contract.toLowerCase(Locale.ROOT);
    Objects.requireNonNull(anchorHash, "anchorHash");
    if (nextBlock < 0 || nextLogIndex < 0) {
      throw new IllegalArgumentException("checkpoint positions are never negative");
    }
  }

  /** Start before any event of {@code fromBlock}. */
  public static Checkpoint start(long chainId, String contract, long fromBlock) {
    return new Checkpoint(chainId, contract, fromBlock, 0, Optional.empty());
  }

  /** The block whose hash {@link #anchorHash()} holds: the last block seen, wholly or in part. */
  public long anchorBlock() {
    return nextLogIndex == 0 ? nextBlock - 1 : nextBlock;
  }

  /** After delivering the event at ({@code block}, {@code logIndex}). */
  Checkpoint afterEvent(long block, long logIndex, String blockHash) {
    return new Checkpoint(chainId, contract, block, logIndex + 1, Optional.of(blockHash));
  }

  /** After every event up to and including block {@code block}. */
  Checkpoint afterBlock(long block, String blockHash) {
    return new Checkpoint(chainId, contract, block + 1, 0, Optional.of(blockHash));
  }

  /** Whether an event at ({@code block}, {@code logIndex}) was already delivered. */
  boolean covers(long block, long logIndex) {
    return block < nextBlock || (block == nextBlock && logIndex < nextLogIndex);
  }
}

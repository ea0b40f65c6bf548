package nl.noodrem.ledger;

import java.util.BitSet;
import java.util.stream.LongStream;

/**
 * A bulk read of a status list: bits {@code fromIndex .. fromIndex+count-1}, read in a few
 * {@code getWords} calls (256 bits per word, many words per call) instead of one call per bit.
 */
public final class StatusBits {

  private final long statusListId;
  private final long fromIndex;
  private final long count;
  private final BitSet revoked;
  private final int calls;

  StatusBits(long statusListId, long fromIndex, long count, BitSet revoked, int calls) {
    this.statusListId = statusListId;
    this.fromIndex = fromIndex;
    this.count = count;
    this.revoked = (BitSet) revoked.clone();
    this.calls = calls;
  }

  public long statusListId() {
    return statusListId;
  }

  public long fromIndex() {
    return fromIndex;
  }

  public long count() {
    return count;
  }

  /** Whether {@code statusIndex} (absolute, within the read range) is revoked. */
  public boolean isRevoked(long statusIndex) {
    if (statusIndex < fromIndex || statusIndex >= fromIndex + count) {
      throw new IndexOutOfBoundsException("index " + statusIndex + " outside the read range "
          + fromIndex + ".." + (fromIndex + count - 1));
    }
    return revoked.get((int) (statusIndex - fromIndex));
  }

  /** The revoked indices in the range, ascending. */
  public LongStream revokedIndices() {
    return revoked.stream().asLongStream().map(i -> i + fromIndex);
  }

  public int revokedCount() {
    return revoked.cardinality();
  }

  /** How many {@code eth_call}s the read took. */
  public int calls() {
    return calls;
  }

  @Override
  public String toString() {
    return "StatusBits[list " + statusListId + ", " + fromIndex + ".." + (fromIndex + count - 1) + ", "
        + revokedCount() + " revoked, " + calls + " calls]";
  }
}

package nl.noodrem.ledger;

import java.util.stream.LongStream;

/** Consecutive status indices handed out by one allocation: {@code firstIndex .. firstIndex+count-1}. */
public record IndexRange(long statusListId, long firstIndex, long count, String transactionHash) {

  public LongStream indices() {
    return LongStream.range(firstIndex, firstIndex + count);
  }
}

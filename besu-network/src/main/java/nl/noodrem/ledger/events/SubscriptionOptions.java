package nl.noodrem.ledger.events;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of a {@link StatusEventSubscription}.
 *
 * @param fromBlock where a subscription without a stored checkpoint starts (e.g. the deployment block)
 * @param maxBlocksPerQuery block range of one {@code eth_getLogs}; nodes cap ranges and response sizes
 * @param confirmations blocks to stay behind the head; 0 on QBFT and Anvil, which never reorganise
 * @param pollInterval pause between polls when caught up
 * @param maxBackoff longest pause after repeated failures (node down, consumer failing)
 */
public record SubscriptionOptions(long fromBlock, int maxBlocksPerQuery, int confirmations, Duration pollInterval,
    Duration maxBackoff) {

  public static final SubscriptionOptions DEFAULT =
      new SubscriptionOptions(0, 2_000, 0, Duration.ofSeconds(1), Duration.ofSeconds(30));

  public SubscriptionOptions {
    if (fromBlock < 0 || maxBlocksPerQuery < 1 || confirmations < 0) {
      throw new IllegalArgumentException("fromBlock >= 0, maxBlocksPerQuery >= 1, confirmations >= 0");
    }
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
  }

  public SubscriptionOptions withFromBlock(long block) {
    return new SubscriptionOptions(block, maxBlocksPerQuery, confirmations, pollInterval, maxBackoff);
  }

  public SubscriptionOptions withPollInterval(Duration interval) {
    return new SubscriptionOptions(fromBlock, maxBlocksPerQuery, confirmations, interval, maxBackoff);
  }

  public SubscriptionOptions withMaxBlocksPerQuery(int blocks) {
    return new SubscriptionOptions(fromBlock, blocks, confirmations, pollInterval, maxBackoff);
  }
}

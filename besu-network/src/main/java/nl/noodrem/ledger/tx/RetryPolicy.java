package nl.noodrem.ledger.tx;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard the client tries before it gives up on the node.
 *
 * @param maxAttempts submissions (and re-submissions) of one transaction, or tries of one read
 * @param backoff pause after a failed try, multiplied by the try's number
 * @param receiptTimeout how long to wait for a receipt before re-submitting the same signed transaction
 * @param receiptPollInterval the longest pause between receipt polls; polling starts at 0.5 ms and doubles up to
 *     this (Anvil mines at once; Besu QBFT every block period)
 */
public record RetryPolicy(int maxAttempts, Duration backoff, Duration receiptTimeout, Duration receiptPollInterval) {

  /** Suits Anvil and a QBFT network with a block period of a few seconds. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(5, Duration.ofMillis(250), Duration.ofSeconds(30), Duration.ofMillis(200));

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(receiptTimeout, "receiptTimeout");
    Objects.requireNonNull(receiptPollInterval, "receiptPollInterval");
  }

  void pause(int attempt) {
    sleep(backoff.multipliedBy(attempt));
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new nl.noodrem.ledger.LedgerUnavailableException("interrupted while waiting for the chain", e);
    }
  }
}

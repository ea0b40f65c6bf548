package nl.noodrem.ledger;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Objects;
import nl.noodrem.ledger.tx.RetryPolicy;

/**
 * Tuning of the ledger client.
 *
 * @param retry retries and receipt waiting
 * @param wordsPerCall 256-bit words per {@code getWords} call in bulk status reads (64 words = 16,384 bits)
 * @param gasPrice the gas price for every transaction; null asks the node once at connect
 *     ({@code eth_gasPrice}, 0 on a free-gas Besu network)
 * @param httpTimeout read/connect timeout of one JSON-RPC request
 */
public record LedgerOptions(RetryPolicy retry, int wordsPerCall, BigInteger gasPrice, Duration httpTimeout) {

  public static final LedgerOptions DEFAULT = new LedgerOptions(RetryPolicy.DEFAULT, 64, null, Duration.ofSeconds(20));

  public LedgerOptions {
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(httpTimeout, "httpTimeout");
    if (wordsPerCall < 1 || wordsPerCall > 4096) {
      throw new IllegalArgumentException("wordsPerCall must be 1..4096");
    }
    if (gasPrice != null && gasPrice.signum() < 0) {
      throw new IllegalArgumentException("gasPrice must not be negative");
    }
  }

  public LedgerOptions withRetry(RetryPolicy newRetry) {
    return new LedgerOptions(newRetry, wordsPerCall, gasPrice, httpTimeout);
  }

  public LedgerOptions withWordsPerCall(int words) {
    return new LedgerOptions(retry, words, gasPrice, httpTimeout);
  }
}

package nl.noodrem.ledger;

/**
 * A transaction did not make it on chain: the node kept failing or rejecting it until the last try,
 * or it was mined but failed without revert data. The message says how many tries were made and why
 * the last one failed.
 */
public class TransactionFailedException extends LedgerException {

  private final int attempts;

  public TransactionFailedException(String message, int attempts, Throwable cause) {
    super(message, cause);
    this.attempts = attempts;
  }

  /** How many times the transaction was submitted or re-submitted. */
  public int attempts() {
    return attempts;
  }
}

package nl.noodrem.ledger;

/** The chain node could not be reached, timed out, or gave an answer that cannot be decoded. */
public class LedgerUnavailableException extends LedgerException {

  public LedgerUnavailableException(String message) {
    super(message);
  }

  public LedgerUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}

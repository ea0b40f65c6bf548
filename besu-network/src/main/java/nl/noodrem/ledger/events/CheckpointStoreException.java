package nl.noodrem.ledger.events;

import nl.noodrem.ledger.LedgerException;

/** A checkpoint could not be read or written. */
public class CheckpointStoreException extends LedgerException {

  public CheckpointStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}

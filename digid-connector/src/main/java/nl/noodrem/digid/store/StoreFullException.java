package nl.noodrem.digid.store;

/** The pending-request store reached its bound; new logins are refused until entries expire. */
public final class StoreFullException extends RuntimeException {
  public StoreFullException(String message) {
    super(message);
  }
}

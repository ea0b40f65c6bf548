package nl.noodrem.camel.api;

/** The collection system could not be reached or refused the request as malformed. */
public class CollectionSystemException extends Exception {

  private final boolean retryable;

  public CollectionSystemException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  /** True when trying again later may succeed (system down), false when the request itself is wrong. */
  public boolean retryable() {
    return retryable;
  }
}

package nl.noodrem.camel.api;

/** A received record could not be handed to the processes. */
public class DeliveryException extends Exception {

  private final boolean retryable;

  public DeliveryException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  public boolean retryable() {
    return retryable;
  }
}

package nl.noodrem.zkp.trust;

/** The trust directory (chain) could not answer: unreachable, timed out, or inconsistent data. */
public class TrustLookupException extends Exception {

  public TrustLookupException(String message) {
    super(message);
  }

  public TrustLookupException(String message, Throwable cause) {
    super(message, cause);
  }
}

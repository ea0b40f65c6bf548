package nl.noodrem.zkp;

/**
 * A trust directory (issuer keys, schemas, revocation status) could not answer, so nothing could be decided.
 * Treat as "cannot verify now", never as "valid"; retrying later may succeed.
 */
public final class TrustUnavailableException extends ZkpException {

  public TrustUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}

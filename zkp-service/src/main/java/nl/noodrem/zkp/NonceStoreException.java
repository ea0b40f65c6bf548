package nl.noodrem.zkp;

/**
 * The nonce store could not remember or check a nonce (for example its database is down). Treat as "cannot verify
 * now"; implementations of {@link nl.noodrem.zkp.credential.NonceStore} throw it.
 */
public final class NonceStoreException extends ZkpException {

  public NonceStoreException(String message) {
    super(message);
  }

  public NonceStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}

package nl.noodrem.zkp;

/**
 * The issuer key store could not be read or written: file missing or unreadable, wrong password, tampered or
 * corrupt entries, unknown key id.
 */
public final class KeyStoreAccessException extends ZkpException {

  public KeyStoreAccessException(String message) {
    super(message);
  }

  public KeyStoreAccessException(String message, Throwable cause) {
    super(message, cause);
  }
}

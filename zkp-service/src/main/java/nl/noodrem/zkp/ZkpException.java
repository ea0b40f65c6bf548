package nl.noodrem.zkp;

/**
 * The one checked exception family of this module: every failure of signing, proving, verifying, parsing or key
 * handling that a caller can meet is one of its subclasses, and nothing unchecked escapes the public API for bad
 * input.
 *
 * <p>Callers that only need "accept or not" catch this type; callers that must tell "the input is bad" from "we
 * could not decide right now" (retry later) distinguish {@link TrustUnavailableException} and
 * {@link NonceStoreException} from the rest.
 *
 * <p>Messages never contain attribute values (no BSN in logs).
 */
public abstract sealed class ZkpException extends Exception
    permits MalformedInputException,
        InvalidSignatureException,
        InvalidProofException,
        CredentialRejectedException,
        TrustUnavailableException,
        NonceStoreException,
        KeyStoreAccessException {

  protected ZkpException(String message) {
    super(message);
  }

  protected ZkpException(String message, Throwable cause) {
    super(message, cause);
  }
}

package nl.noodrem.zkp;

/** A well-formed BBS signature does not verify for the given public key, header and messages. */
public final class InvalidSignatureException extends ZkpException {

  public InvalidSignatureException(String message) {
    super(message);
  }
}

package nl.noodrem.zkp;

/**
 * A well-formed BBS proof does not verify for the given public key, header, presentation header, disclosed
 * messages and disclosed indexes (tampered proof or message, other indexes, wrong header or presentation header).
 */
public final class InvalidProofException extends ZkpException {

  public InvalidProofException(String message) {
    super(message);
  }
}

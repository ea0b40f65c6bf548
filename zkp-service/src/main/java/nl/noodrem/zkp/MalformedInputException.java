package nl.noodrem.zkp;

/**
 * The input cannot be decoded or is out of range: wrong-length or malformed octets, a point that is not on the
 * curve, not in the prime-order subgroup or is the identity, a scalar that is zero or not below the group order,
 * out-of-range or duplicate message indexes, JSON that does not follow its documented format, attribute values that
 * do not fit their schema.
 */
public final class MalformedInputException extends ZkpException {

  public MalformedInputException(String message) {
    super(message);
  }

  public MalformedInputException(String message, Throwable cause) {
    super(message, cause);
  }
}

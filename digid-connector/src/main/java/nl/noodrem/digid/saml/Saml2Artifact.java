package nl.noodrem.digid.saml;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import nl.noodrem.digid.DigidLoginException;
import nl.noodrem.digid.RejectionReason;

/**
 * A SAML 2.0 artifact of type 0x0004 (Bindings §3.6.4): TypeCode, EndpointIndex, SourceID = SHA-1 of the
 * issuer's entityID, and a 20-byte random MessageHandle; 44 bytes, 60 characters of base64.
 */
public record Saml2Artifact(int endpointIndex, byte[] sourceId, byte[] messageHandle, String encoded) {

  private static final int TYPE_CODE = 0x0004;
  private static final int LENGTH = 44;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Parses the {@code SAMLart} value. */
  public static Saml2Artifact parse(String encoded) throws DigidLoginException {
    if (encoded == null || encoded.isEmpty() || encoded.length() > 128) {
      throw new DigidLoginException(RejectionReason.ARTIFACT_MALFORMED, "artifact missing or too long");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      throw new DigidLoginException(RejectionReason.ARTIFACT_MALFORMED, "artifact is not base64");
    }
    if (bytes.length != LENGTH) {
      throw new DigidLoginException(RejectionReason.ARTIFACT_MALFORMED, "artifact has " + bytes.length + " bytes, not 44");
    }
    int typeCode = ((bytes[0] & 0xff) << 8) | (bytes[1] & 0xff);
    if (typeCode != TYPE_CODE) {
      throw new DigidLoginException(RejectionReason.ARTIFACT_MALFORMED, "artifact type code " + typeCode + " is not 0x0004");
    }
    int index = ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff);
    return new Saml2Artifact(index, Arrays.copyOfRange(bytes, 4, 24), Arrays.copyOfRange(bytes, 24, 44), encoded);
  }

  /** A fresh artifact for an issuer, as an IdP (the simulator) makes them. */
  public static Saml2Artifact create(String issuerEntityId, int endpointIndex) {
    byte[] bytes = new byte[LENGTH];
    bytes[0] = 0;
    bytes[1] = TYPE_CODE;
    bytes[2] = (byte) (endpointIndex >> 8);
    bytes[3] = (byte) endpointIndex;
    System.arraycopy(sourceIdOf(issuerEntityId), 0, bytes, 4, 20);
    byte[] handle = new byte[20];
    RANDOM.nextBytes(handle);
    System.arraycopy(handle, 0, bytes, 24, 20);
    return new Saml2Artifact(endpointIndex, Arrays.copyOfRange(bytes, 4, 24), handle, Base64.getEncoder().encodeToString(bytes));
  }

  /** True when the artifact was issued by {@code entityId}. */
  public boolean isFrom(String entityId) {
    return MessageDigest.isEqual(sourceId, sourceIdOf(entityId));
  }

  public static byte[] sourceIdOf(String entityId) {
    try {
      return MessageDigest.getInstance("SHA-1").digest(entityId.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Saml2Artifact other && encoded.equals(other.encoded);
  }

  @Override
  public int hashCode() {
    return encoded.hashCode();
  }

  @Override
  public String toString() {
    // the artifact is a bearer credential for a few minutes: never log it whole
    return "Saml2Artifact[index=" + endpointIndex + "]";
  }
}

package nl.noodrem.zkp.trust;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An issuer's accredited BBS public key as the trust directory holds it.
 *
 * @param keyId the key id bound into credential headers, e.g. {@code 00000001002220647000-k1}
 * @param issuerOin the issuer's 20-digit OIN
 * @param issuerName the issuer's display name (a municipality)
 * @param publicKey the compressed G2 public key, 96 octets
 * @param validFrom first instant at which the key may sign
 * @param validUntil instant from which the key no longer verifies anything
 * @param issuerActive false when the network admin suspended the issuer
 * @param keyRevoked true when this key was revoked (compromise), not merely rotated out
 */
public record IssuerKeyRecord(
    String keyId,
    String issuerOin,
    String issuerName,
    byte[] publicKey,
    Instant validFrom,
    Instant validUntil,
    boolean issuerActive,
    boolean keyRevoked) {

  public static final int PUBLIC_KEY_LENGTH = 96;

  public IssuerKeyRecord {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(issuerOin, "issuerOin");
    Objects.requireNonNull(issuerName, "issuerName");
    Objects.requireNonNull(validFrom, "validFrom");
    Objects.requireNonNull(validUntil, "validUntil");
    if (publicKey == null || publicKey.length != PUBLIC_KEY_LENGTH) {
      throw new IllegalArgumentException("publicKey must be " + PUBLIC_KEY_LENGTH + " octets");
    }
    publicKey = publicKey.clone();
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** True when a credential signed by this key may be accepted at {@code at}. */
  public boolean usableAt(Instant at) {
    return issuerActive && !keyRevoked && !at.isBefore(validFrom) && at.isBefore(validUntil);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IssuerKeyRecord r
        && keyId.equals(r.keyId)
        && issuerOin.equals(r.issuerOin)
        && issuerName.equals(r.issuerName)
        && Arrays.equals(publicKey, r.publicKey)
        && validFrom.equals(r.validFrom)
        && validUntil.equals(r.validUntil)
        && issuerActive == r.issuerActive
        && keyRevoked == r.keyRevoked;
  }

  @Override
  public int hashCode() {
    return Objects.hash(keyId, issuerOin, Arrays.hashCode(publicKey), validFrom, validUntil);
  }

  @Override
  public String toString() {
    return "IssuerKeyRecord[keyId=" + keyId + ", issuerOin=" + issuerOin + ", issuerName=" + issuerName
        + ", publicKey=" + HexFormat.of().formatHex(publicKey) + ", validFrom=" + validFrom
        + ", validUntil=" + validUntil + ", issuerActive=" + issuerActive + ", keyRevoked=" + keyRevoked + "]";
  }
}

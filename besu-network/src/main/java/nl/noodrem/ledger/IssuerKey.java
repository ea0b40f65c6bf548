package nl.noodrem.ledger;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import nl.noodrem.domain.Oin;

/**
 * One BBS key of an issuer as the chain holds it, current or historical.
 *
 * @param retiredAt when a rotation replaced it; empty while it is the issuer's current key
 * @param revoked true when the admin revoked it (compromise)
 */
public record IssuerKey(KeyId keyId, Oin issuerOin, byte[] publicKey, Instant validFrom, Instant validUntil,
    Instant addedAt, Optional<Instant> retiredAt, boolean revoked) {

  public IssuerKey {
    publicKey = publicKey.clone();
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IssuerKey k && keyId.equals(k.keyId) && issuerOin.equals(k.issuerOin)
        && Arrays.equals(publicKey, k.publicKey) && validFrom.equals(k.validFrom)
        && validUntil.equals(k.validUntil) && addedAt.equals(k.addedAt) && retiredAt.equals(k.retiredAt)
        && revoked == k.revoked;
  }

  @Override
  public int hashCode() {
    return Objects.hash(keyId, issuerOin, Arrays.hashCode(publicKey), validFrom, validUntil, addedAt, retiredAt, revoked);
  }

  @Override
  public String toString() {
    return "IssuerKey[" + keyId + ", issuer=" + issuerOin + ", publicKey=" + HexFormat.of().formatHex(publicKey)
        + ", valid " + validFrom + " .. " + validUntil + ", added " + addedAt
        + retiredAt.map(r -> ", retired " + r).orElse("") + (revoked ? ", REVOKED" : "") + "]";
  }
}

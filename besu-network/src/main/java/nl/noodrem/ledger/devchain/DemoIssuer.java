package nl.noodrem.ledger.devchain;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import nl.noodrem.domain.Oin;
import nl.noodrem.ledger.IssuerAccreditation;
import nl.noodrem.ledger.KeyId;

/**
 * A municipality to accredit on the dev chain. The app passes real BBS public keys made by zkp-service.
 *
 * @param publicKey compressed G2 BBS public key, 96 octets
 */
public record DemoIssuer(Oin oin, String name, KeyId keyId, byte[] publicKey, Instant validFrom, Instant validUntil) {

  public DemoIssuer {
    Objects.requireNonNull(oin, "oin");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(validFrom, "validFrom");
    Objects.requireNonNull(validUntil, "validUntil");
    publicKey = Objects.requireNonNull(publicKey, "publicKey").clone();
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  IssuerAccreditation.KeySpec keySpec() {
    return new IssuerAccreditation.KeySpec(keyId, publicKey, validFrom, validUntil);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DemoIssuer d && oin.equals(d.oin) && name.equals(d.name) && keyId.equals(d.keyId)
        && Arrays.equals(publicKey, d.publicKey) && validFrom.equals(d.validFrom) && validUntil.equals(d.validUntil);
  }

  @Override
  public int hashCode() {
    return Objects.hash(oin, name, keyId, Arrays.hashCode(publicKey), validFrom, validUntil);
  }

  @Override
  public String toString() {
    return "DemoIssuer[" + oin + " " + name + ", key " + keyId + "]";
  }
}

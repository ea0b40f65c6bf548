package nl.noodrem.ledger;

import java.time.Instant;
import java.util.Objects;
import nl.noodrem.domain.Oin;

/**
 * What the network admin writes to accredit an issuer.
 *
 * @param oin the municipality's OIN
 * @param name its display name
 * @param account the 0x address of the issuer's only writing account
 * @param key its first BBS key
 */
public record IssuerAccreditation(Oin oin, String name, String account, KeySpec key) {

  /**
   * A BBS public key to put on chain.
   *
   * @param publicKey compressed G2 point, 96 octets
   * @param validFrom first instant the key may sign
   * @param validUntil instant from which the key verifies nothing
   */
  public record KeySpec(KeyId keyId, byte[] publicKey, Instant validFrom, Instant validUntil) {
    public KeySpec {
      Objects.requireNonNull(keyId, "keyId");
      Objects.requireNonNull(validFrom, "validFrom");
      Objects.requireNonNull(validUntil, "validUntil");
      // Length and order are the contract's to judge (it names the refusal); only null is refused here.
      publicKey = Objects.requireNonNull(publicKey, "publicKey").clone();
    }

    @Override
    public byte[] publicKey() {
      return publicKey.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof KeySpec k && keyId.equals(k.keyId) && java.util.Arrays.equals(publicKey, k.publicKey)
          && validFrom.equals(k.validFrom) && validUntil.equals(k.validUntil);
    }

    @Override
    public int hashCode() {
      return Objects.hash(keyId, java.util.Arrays.hashCode(publicKey), validFrom, validUntil);
    }

    @Override
    public String toString() {
      return "KeySpec[" + keyId + ", " + validFrom + " .. " + validUntil + "]";
    }
  }

  public IssuerAccreditation {
    Objects.requireNonNull(oin, "oin");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(key, "key");
  }
}

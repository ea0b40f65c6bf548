package nl.noodrem.zkp.keys;

import java.util.Objects;
import nl.noodrem.zkp.bbs.BbsPublicKey;
import nl.noodrem.zkp.bbs.BbsSecretKey;

/** An issuer's BBS secret key together with its key id. Immutable; {@code toString()} hides the secret. */
public record IssuerSigningKey(IssuerKeyId keyId, BbsSecretKey secretKey) {

  public IssuerSigningKey {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(secretKey, "secretKey");
  }

  public BbsPublicKey publicKey() {
    return secretKey.publicKey();
  }

  public IssuerPublicKey publicKeyInfo(java.time.Instant createdAt) {
    return new IssuerPublicKey(keyId, publicKey(), createdAt);
  }

  @Override
  public String toString() {
    return "IssuerSigningKey[keyId=" + keyId + ", publicKey=" + publicKey() + "]";
  }
}

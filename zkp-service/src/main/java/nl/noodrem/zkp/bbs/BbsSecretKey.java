package nl.noodrem.zkp.bbs;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Objects;
import nl.noodrem.zkp.MalformedInputException;
import nl.noodrem.zkp.SecretKeyAccess;
import supranational.blst.P2;

/**
 * A BBS secret key: a non-zero scalar, with its public key. Immutable.
 *
 * <p>The key bytes are only readable through {@link #toBytes(SecretKeyAccess)}; {@link #equals} is constant-time
 * and {@link #toString()} never shows the key.
 */
public final class BbsSecretKey {

  private final BbsScalar scalar;
  private final BbsPublicKey publicKey;

  private BbsSecretKey(BbsScalar scalar) {
    this.scalar = scalar;
    // SkToPk: W = SK * BP2, with blst's constant-time multiplication
    this.publicKey = BbsPublicKey.of(new P2(Curve.bp2()).mult(scalar.toBlst()).to_affine());
  }

  /**
   * KeyGen of draft section 3.4.1 with the default key_dst of the given suite.
   *
   * @param keyMaterial secret, at least 32 octets of high entropy
   * @param keyInfo public context, at most 65535 octets (for example the key id)
   */
  public static BbsSecretKey keyGen(BbsCiphersuite suite, byte[] keyMaterial, byte[] keyInfo)
      throws MalformedInputException {
    return keyGen(suite, keyMaterial, keyInfo, suite.defaultKeyDst());
  }

  /** KeyGen of draft section 3.4.1 with an explicit key_dst. */
  public static BbsSecretKey keyGen(BbsCiphersuite suite, byte[] keyMaterial, byte[] keyInfo, byte[] keyDst)
      throws MalformedInputException {
    Objects.requireNonNull(suite, "suite");
    if (keyMaterial == null || keyMaterial.length < 32) {
      throw new MalformedInputException("key material must be at least 32 octets");
    }
    if (keyInfo == null || keyInfo.length > 65535) {
      throw new MalformedInputException("key info must be at most 65535 octets");
    }
    if (keyDst == null || keyDst.length > 255) {
      throw new MalformedInputException("key dst must be at most 255 octets");
    }
    byte[] deriveInput = new Octets.Builder()
        .raw(keyMaterial)
        .raw(Octets.i2osp(keyInfo.length, 2))
        .raw(keyInfo)
        .build();
    BbsScalar sk = suite.hashToScalar(deriveInput, keyDst);
    java.util.Arrays.fill(deriveInput, (byte) 0);
    if (sk.isZero()) {
      throw new MalformedInputException("KeyGen produced the zero scalar");
    }
    return new BbsSecretKey(sk);
  }

  /** A fresh key from 32 octets of the given random source (KeyGen with key_info = keyInfo). */
  public static BbsSecretKey generate(BbsCiphersuite suite, SecureRandom random, String keyInfo) {
    byte[] material = new byte[32];
    random.nextBytes(material);
    try {
      return keyGen(suite, material, keyInfo.getBytes(StandardCharsets.UTF_8));
    } catch (MalformedInputException e) {
      throw new IllegalStateException("KeyGen rejected its own well-formed input", e);
    } finally {
      java.util.Arrays.fill(material, (byte) 0);
    }
  }

  /**
   * Imports a secret key from its 32-octet big-endian encoding.
   *
   * @throws MalformedInputException if the octets are not a non-zero scalar below r
   */
  public static BbsSecretKey fromBytes(byte[] octets, SecretKeyAccess access) throws MalformedInputException {
    Objects.requireNonNull(access, "secret key access");
    BbsScalar scalar = BbsScalar.fromCanonicalBytes(octets);
    if (scalar.isZero()) {
      throw new MalformedInputException("secret key must not be zero");
    }
    return new BbsSecretKey(scalar);
  }

  /** The 32-octet big-endian encoding of the key. Handle with care: wipe the array when done. */
  public byte[] toBytes(SecretKeyAccess access) {
    Objects.requireNonNull(access, "secret key access");
    return scalar.toBytes();
  }

  public BbsPublicKey publicKey() {
    return publicKey;
  }

  BbsScalar scalar() {
    return scalar;
  }

  /** Constant-time comparison of the key scalars. */
  @Override
  public boolean equals(Object o) {
    return o instanceof BbsSecretKey other && scalar.equals(other.scalar);
  }

  @Override
  public int hashCode() {
    return publicKey.hashCode();
  }

  @Override
  public String toString() {
    return "BbsSecretKey[publicKey=" + publicKey + "]";
  }
}

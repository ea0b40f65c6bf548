package nl.noodrem.zkp.bbs;

import java.util.Arrays;
import java.util.HexFormat;
import nl.noodrem.zkp.MalformedInputException;
import supranational.blst.P2_Affine;

/**
 * A BBS public key W = SK * BP2: a point of G2, validated on construction (on the curve, in the subgroup, not the
 * identity, canonical encoding). Immutable; safe to cache and share between threads.
 */
public final class BbsPublicKey {

  /** Octet length of an encoded public key (compressed G2). */
  public static final int LENGTH = 96;

  private final byte[] octets;
  private final P2_Affine point;

  private BbsPublicKey(byte[] octets, P2_Affine point) {
    this.octets = octets;
    this.point = point;
  }

  /**
   * octets_to_pubkey of the draft.
   *
   * @throws MalformedInputException if the octets are not a valid public key
   */
  public static BbsPublicKey fromBytes(byte[] octets) throws MalformedInputException {
    P2_Affine point = Curve.decodeG2(octets, "public key");
    return new BbsPublicKey(octets.clone(), point);
  }

  static BbsPublicKey of(P2_Affine point) {
    return new BbsPublicKey(point.compress(), point);
  }

  /** The 96-octet compressed encoding, the format the issuer registry on chain holds. */
  public byte[] toBytes() {
    return octets.clone();
  }

  /** The encoding without a defensive copy, for hashing. */
  byte[] octets() {
    return octets;
  }

  P2_Affine point() {
    return point;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BbsPublicKey other && Arrays.equals(octets, other.octets);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(octets);
  }

  @Override
  public String toString() {
    return "BbsPublicKey[" + HexFormat.of().formatHex(octets) + "]";
  }
}

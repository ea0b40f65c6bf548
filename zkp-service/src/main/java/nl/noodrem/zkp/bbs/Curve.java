package nl.noodrem.zkp.bbs;

import java.util.Arrays;
import nl.noodrem.zkp.MalformedInputException;
import supranational.blst.P1;
import supranational.blst.P1_Affine;
import supranational.blst.P2_Affine;
import supranational.blst.PT;

/**
 * Point encoding and validation on blst. blst objects are mutable and throw unchecked exceptions on bad
 * encodings; this class is the one place that turns those into {@link MalformedInputException} and that hands out
 * only freshly allocated points.
 */
final class Curve {

  static final int G1_LENGTH = 48;
  static final int G2_LENGTH = 96;

  private static final P2_Affine BP2 = P2_Affine.generator();

  private Curve() {}

  /**
   * octets_to_point_g1 followed by the checks the draft demands of every received point: canonical compressed
   * encoding, on the curve, not the identity, in the prime-order subgroup.
   */
  static P1_Affine decodeG1(byte[] octets, int offset, String what) throws MalformedInputException {
    if (octets.length - offset < G1_LENGTH) {
      throw new MalformedInputException(what + ": too short for a G1 point");
    }
    byte[] encoded = Arrays.copyOfRange(octets, offset, offset + G1_LENGTH);
    if ((encoded[0] & 0x80) == 0) {
      throw new MalformedInputException(what + ": not a compressed G1 point");
    }
    P1_Affine point;
    try {
      point = new P1_Affine(encoded);
    } catch (RuntimeException e) {
      throw new MalformedInputException(what + ": not a valid G1 point encoding (" + e.getMessage() + ")");
    }
    if (point.is_inf()) {
      throw new MalformedInputException(what + ": identity point");
    }
    if (!point.in_group()) {
      throw new MalformedInputException(what + ": point not in the prime-order subgroup");
    }
    if (!Arrays.equals(point.compress(), encoded)) {
      throw new MalformedInputException(what + ": non-canonical point encoding");
    }
    return point;
  }

  /** octets_to_pubkey: a compressed G2 point, in the subgroup, not the identity. */
  static P2_Affine decodeG2(byte[] octets, String what) throws MalformedInputException {
    if (octets == null || octets.length != G2_LENGTH) {
      throw new MalformedInputException(what + ": a G2 point is " + G2_LENGTH + " octets");
    }
    if ((octets[0] & 0x80) == 0) {
      throw new MalformedInputException(what + ": not a compressed G2 point");
    }
    P2_Affine point;
    try {
      point = new P2_Affine(octets.clone());
    } catch (RuntimeException e) {
      throw new MalformedInputException(what + ": not a valid G2 point encoding (" + e.getMessage() + ")");
    }
    if (point.is_inf()) {
      throw new MalformedInputException(what + ": identity point");
    }
    if (!point.in_group()) {
      throw new MalformedInputException(what + ": point not in the prime-order subgroup");
    }
    if (!Arrays.equals(point.compress(), octets)) {
      throw new MalformedInputException(what + ": non-canonical point encoding");
    }
    return point;
  }

  static byte[] encode(P1 point) {
    return point.compress();
  }

  static byte[] encode(P1_Affine point) {
    return point.compress();
  }

  /** point * scalar in constant time (blst), on a copy. */
  static P1 multiply(P1_Affine point, BbsScalar scalar) {
    return new P1(point).mult(scalar.toBlst());
  }

  /** point * scalar in constant time (blst), on a copy. */
  static P1 multiply(P1 point, BbsScalar scalar) {
    return point.dup().mult(scalar.toBlst());
  }

  /** e(a1, b1) == e(a2, b2): two Miller loops and one final exponentiation. */
  static boolean pairingsEqual(P1_Affine a1, P2_Affine b1, P1_Affine a2, P2_Affine b2) {
    return PT.finalverify(new PT(a1, b1), new PT(a2, b2));
  }

  static P2_Affine bp2() {
    return BP2;
  }
}

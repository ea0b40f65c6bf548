package nl.noodrem.zkp.bbs;

import java.math.BigInteger;

/**
 * Test-only constructions of hostile point encodings: off-curve, on the curve but outside the prime-order subgroup,
 * the identity, and non-canonical coordinates (BigInteger is fine here: test code, public values).
 */
final class BadPoints {

  static final BigInteger P = HashToCurveG1.P;
  private static final BigInteger HALF = P.subtract(BigInteger.ONE).shiftRight(1);

  private BadPoints() {}

  static byte[] g1Identity() {
    byte[] b = new byte[48];
    b[0] = (byte) 0xc0;
    return b;
  }

  static byte[] g2Identity() {
    byte[] b = new byte[96];
    b[0] = (byte) 0xc0;
    return b;
  }

  /** Compressed G1 encoding of an x whose x^3 + 4 is a square (on E) or not (off the curve). */
  static byte[] g1WithX(boolean onCurve) {
    for (BigInteger x = BigInteger.valueOf(5); ; x = x.add(BigInteger.ONE)) {
      if (isSquare(x.pow(3).add(BigInteger.valueOf(4)).mod(P)) == onCurve) {
        return compressed(x);
      }
    }
  }

  /** An x >= p: the same point as x - p if it were reduced, but not a canonical encoding. */
  static byte[] g1NonCanonical() {
    byte[] good = g1WithX(true);
    BigInteger x = new BigInteger(1, strip(good)).add(P);
    return compressed(x);
  }

  /** Compressed G2 encoding of an x in Fp2 with x^3 + 4(1 + i) a square (on E2) or not. */
  static byte[] g2WithX(boolean onCurve) {
    for (BigInteger x0 = BigInteger.valueOf(3); ; x0 = x0.add(BigInteger.ONE)) {
      BigInteger x1 = BigInteger.ONE;
      // x^3 for x = x0 + x1*i: (x0^3 - 3 x0 x1^2) + (3 x0^2 x1 - x1^3) i
      BigInteger c0 = x0.pow(3).subtract(BigInteger.valueOf(3).multiply(x0).multiply(x1.pow(2))).add(BigInteger.valueOf(4)).mod(P);
      BigInteger c1 = BigInteger.valueOf(3).multiply(x0.pow(2)).multiply(x1).subtract(x1.pow(3)).add(BigInteger.valueOf(4)).mod(P);
      // a in Fp2 (p = 3 mod 4) is a square iff its norm c0^2 + c1^2 is a square in Fp
      if (isSquare(c0.pow(2).add(c1.pow(2)).mod(P)) == onCurve) {
        byte[] out = new byte[96];
        byte[] hi = fixed48(x1);
        byte[] lo = fixed48(x0);
        System.arraycopy(hi, 0, out, 0, 48);
        System.arraycopy(lo, 0, out, 48, 48);
        out[0] |= (byte) 0x80;
        return out;
      }
    }
  }

  private static boolean isSquare(BigInteger v) {
    return v.signum() == 0 || v.modPow(HALF, P).equals(BigInteger.ONE);
  }

  private static byte[] compressed(BigInteger x) {
    byte[] out = fixed48(x);
    out[0] |= (byte) 0x80;
    return out;
  }

  private static byte[] strip(byte[] compressed) {
    byte[] b = compressed.clone();
    b[0] &= 0x1f;
    return b;
  }

  private static byte[] fixed48(BigInteger v) {
    byte[] raw = v.toByteArray();
    byte[] out = new byte[48];
    int n = Math.min(raw.length, 48);
    System.arraycopy(raw, raw.length - n, out, 48 - n, n);
    return out;
  }
}

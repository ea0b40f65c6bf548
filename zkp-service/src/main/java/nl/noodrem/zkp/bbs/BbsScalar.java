package nl.noodrem.zkp.bbs;

import java.security.SecureRandom;
import java.util.Arrays;
import nl.noodrem.zkp.MalformedInputException;
import supranational.blst.Scalar;

/**
 * An element of the scalar field of BLS12-381 (integers modulo the group order {@code r}): BBS message scalars,
 * signature and proof scalars, secret keys.
 *
 * <p>Immutable. Addition, subtraction and multiplication are our own fixed-width Montgomery arithmetic over eight
 * 32-bit limbs without data-dependent branches or table look-ups; inversion is blst's constant-time one (ADR 0009).
 * So it can be used on secret values (keys, blinding factors, hidden messages); {@link java.math.BigInteger} is
 * never used for scalars. {@link #equals(Object)} runs in constant time.
 * {@link #toString()} never prints the value, because scalars can be secrets or encode personal data.
 */
public final class BbsScalar {

  /** Octet length of an encoded scalar ({@code octet_scalar_length}). */
  public static final int LENGTH = 32;

  private static final int N = 8;
  private static final long MASK = 0xffffffffL;

  /** r, little-endian 32-bit limbs. */
  private static final long[] R = {
    0x00000001L, 0xffffffffL, 0xfffe5bfeL, 0x53bda402L, 0x09a1d805L, 0x3339d808L, 0x299d7d48L, 0x73eda753L
  };
  /** 2^512 mod r, to enter the Montgomery domain. */
  private static final long[] R2 = {
    0xf3f29c6dL, 0xc999e990L, 0x87925c23L, 0x2b6cedcbL, 0x7254398fL, 0x05d31496L, 0x9f59ff11L, 0x0748d9d9L
  };
  /** 2^768 mod r, to fold the upper half of a wide input. */
  private static final long[] R3 = {
    0x439b73afL, 0xc62c1807L, 0x8cf06990L, 0x1b3e0d18L, 0xc7b5f418L, 0x73d13c71L, 0xc8db33e9L, 0x6e2a5bb9L
  };
  /** -r^-1 mod 2^32; r = 1 mod 2^32, so it is 2^32 - 1. */
  private static final long R_INV32 = 0xffffffffL;
  public static final BbsScalar ZERO = new BbsScalar(new long[N]);
  public static final BbsScalar ONE = ofLong(1);

  /** Montgomery form: value * 2^256 mod r, fully reduced. */
  private final long[] m;

  private BbsScalar(long[] montgomery) {
    this.m = montgomery;
  }

  /**
   * Decodes a canonical 32-octet big-endian scalar.
   *
   * @throws MalformedInputException if the length is not 32 or the value is not below r
   */
  public static BbsScalar fromCanonicalBytes(byte[] octets) throws MalformedInputException {
    if (octets == null || octets.length != LENGTH) {
      throw new MalformedInputException("a scalar is " + LENGTH + " octets");
    }
    long[] x = limbsFromBigEndian(octets, 0, LENGTH);
    if (!lessThanR(x)) {
      throw new MalformedInputException("scalar is not below the group order r");
    }
    return new BbsScalar(montMul(x, R2));
  }

  /** Decodes a canonical scalar that must also be non-zero (signature and proof scalars). */
  static BbsScalar fromCanonicalNonZeroBytes(byte[] octets, int offset) throws MalformedInputException {
    BbsScalar s = fromCanonicalBytes(Arrays.copyOfRange(octets, offset, offset + LENGTH));
    if (s.isZero()) {
      throw new MalformedInputException("scalar must not be zero");
    }
    return s;
  }

  /** The integer {@code value} modulo r (a negative value maps to r + value). */
  public static BbsScalar ofLong(long value) {
    long negative = value >>> 63;
    long magnitude = (value ^ -negative) + negative; // two's complement |value|, read as unsigned
    long[] x = new long[N];
    x[0] = magnitude & MASK;
    x[1] = magnitude >>> 32;
    long[] mont = montMul(x, R2);
    long[] negated = subMod(new long[N], mont);
    return new BbsScalar(select(negative, negated, mont));
  }

  /** OS2IP(octets) mod r for 0 to 64 octets, as in hash_to_scalar. */
  static BbsScalar fromBytesReduced(byte[] octets) {
    if (octets.length > 2 * LENGTH) {
      throw new IllegalArgumentException("at most 64 octets can be reduced");
    }
    byte[] padded = new byte[2 * LENGTH];
    System.arraycopy(octets, 0, padded, padded.length - octets.length, octets.length);
    long[] hi = limbsFromBigEndian(padded, 0, LENGTH);
    long[] lo = limbsFromBigEndian(padded, LENGTH, LENGTH);
    // lo * R2 and hi * R3 are both below r * 2^256, so one Montgomery reduction each suffices.
    return new BbsScalar(addMod(montMul(lo, R2), montMul(hi, R3)));
  }

  /** A uniformly random scalar: OS2IP(48 random octets) mod r, as calculate_random_scalars. */
  static BbsScalar random(SecureRandom random) {
    byte[] octets = new byte[48];
    random.nextBytes(octets);
    BbsScalar s = fromBytesReduced(octets);
    Arrays.fill(octets, (byte) 0);
    return s;
  }

  /** I2OSP(value, 32). */
  public byte[] toBytes() {
    long[] one = new long[N];
    one[0] = 1;
    long[] x = montMul(m, one);
    byte[] out = new byte[LENGTH];
    for (int i = 0; i < N; i++) {
      long limb = x[i];
      int p = LENGTH - 4 * (i + 1);
      out[p] = (byte) (limb >>> 24);
      out[p + 1] = (byte) (limb >>> 16);
      out[p + 2] = (byte) (limb >>> 8);
      out[p + 3] = (byte) limb;
    }
    return out;
  }

  /** True when this is 0 mod r (constant time). */
  public boolean isZero() {
    long acc = 0;
    for (long limb : m) {
      acc |= limb;
    }
    return acc == 0;
  }

  BbsScalar add(BbsScalar other) {
    return new BbsScalar(addMod(m, other.m));
  }

  BbsScalar subtract(BbsScalar other) {
    return new BbsScalar(subMod(m, other.m));
  }

  BbsScalar multiply(BbsScalar other) {
    return new BbsScalar(montMul(m, other.m));
  }

  BbsScalar negate() {
    return new BbsScalar(subMod(new long[N], m));
  }

  /**
   * The multiplicative inverse; 0 maps to 0. Computed by blst ({@code blst_sk_inverse}: constant-time
   * {@code ct_inverse_mod_256} in native code), about 30 times faster here than the Fermat ladder over our own
   * Montgomery multiplication (ADR 0009); addition and multiplication stay in Java, where they beat a JNI call.
   */
  BbsScalar inverse() {
    byte[] octets = toBytes();
    Scalar blst = new Scalar().from_bendian(octets);
    byte[] inverse = blst.inverse().to_bendian();
    // blst returns the canonical value (below r): it enters the Montgomery domain without a range check
    BbsScalar result = new BbsScalar(montMul(limbsFromBigEndian(inverse, 0, LENGTH), R2));
    Arrays.fill(octets, (byte) 0);
    Arrays.fill(inverse, (byte) 0);
    blst.from_bendian(new byte[LENGTH]); // the inverse of a key or blinding factor is secret too
    return result;
  }

  /** This scalar as a blst scalar, for point multiplication. */
  Scalar toBlst() {
    byte[] octets = toBytes();
    Scalar s = new Scalar().from_bendian(octets);
    Arrays.fill(octets, (byte) 0);
    return s;
  }

  /** Little-endian canonical octets (for variable-time multiplication of public scalars). */
  byte[] toLittleEndianBytes() {
    byte[] be = toBytes();
    byte[] le = new byte[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      le[i] = be[LENGTH - 1 - i];
    }
    return le;
  }

  /** Constant-time comparison. */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof BbsScalar other)) {
      return false;
    }
    long diff = 0;
    for (int i = 0; i < N; i++) {
      diff |= m[i] ^ other.m[i];
    }
    return diff == 0;
  }

  @Override
  public int hashCode() {
    // Deliberately coarse: scalars may be secret; collections of scalars are not a use case.
    return BbsScalar.class.hashCode();
  }

  @Override
  public String toString() {
    return "BbsScalar[redacted]";
  }

  // ---- fixed-width limb arithmetic ------------------------------------------------------------------------

  private static long[] limbsFromBigEndian(byte[] src, int offset, int length) {
    long[] x = new long[N];
    for (int i = 0; i < length / 4; i++) {
      int p = offset + length - 4 * (i + 1);
      x[i] = ((src[p] & 0xffL) << 24) | ((src[p + 1] & 0xffL) << 16) | ((src[p + 2] & 0xffL) << 8) | (src[p + 3] & 0xffL);
    }
    return x;
  }

  private static boolean lessThanR(long[] x) {
    long borrow = 0;
    for (int i = 0; i < N; i++) {
      long d = x[i] - R[i] - borrow;
      borrow = d >>> 63;
    }
    return borrow == 1;
  }

  /** mask 1 selects a, mask 0 selects b. */
  private static long[] select(long pickA, long[] a, long[] b) {
    long mask = -pickA;
    long[] out = new long[N];
    for (int i = 0; i < N; i++) {
      out[i] = (a[i] & mask) | (b[i] & ~mask);
    }
    return out;
  }

  /** t (N+1 limbs, t < 2r) reduced to [0, r). */
  private static long[] reduceOnce(long[] t) {
    long[] d = new long[N];
    long borrow = 0;
    for (int i = 0; i < N; i++) {
      long x = t[i] - R[i] - borrow;
      d[i] = x & MASK;
      borrow = x >>> 63;
    }
    long top = t[N] - borrow;
    long keepT = top >>> 63; // 1 when t < r
    long[] out = new long[N];
    long mask = -keepT;
    for (int i = 0; i < N; i++) {
      out[i] = (t[i] & mask) | (d[i] & ~mask);
    }
    return out;
  }

  private static long[] addMod(long[] a, long[] b) {
    long[] t = new long[N + 1];
    long carry = 0;
    for (int i = 0; i < N; i++) {
      long s = a[i] + b[i] + carry;
      t[i] = s & MASK;
      carry = s >>> 32;
    }
    t[N] = carry;
    return reduceOnce(t);
  }

  private static long[] subMod(long[] a, long[] b) {
    long[] d = new long[N];
    long borrow = 0;
    for (int i = 0; i < N; i++) {
      long x = a[i] - b[i] - borrow;
      d[i] = x & MASK;
      borrow = x >>> 63;
    }
    long mask = -borrow; // add r back when a < b
    long carry = 0;
    for (int i = 0; i < N; i++) {
      long s = d[i] + (R[i] & mask) + carry;
      d[i] = s & MASK;
      carry = s >>> 32;
    }
    return d;
  }

  /** Montgomery product a * b * 2^-256 mod r (CIOS); requires a * b < r * 2^256. */
  private static long[] montMul(long[] a, long[] b) {
    long[] t = new long[N + 2];
    for (int i = 0; i < N; i++) {
      long carry = 0;
      long bi = b[i];
      for (int j = 0; j < N; j++) {
        long s = t[j] + a[j] * bi + carry; // < 2^64 as an unsigned value
        t[j] = s & MASK;
        carry = s >>> 32;
      }
      long s = t[N] + carry;
      t[N] = s & MASK;
      t[N + 1] = s >>> 32;

      long q = (t[0] * R_INV32) & MASK;
      s = t[0] + q * R[0];
      carry = s >>> 32;
      for (int j = 1; j < N; j++) {
        s = t[j] + q * R[j] + carry;
        t[j - 1] = s & MASK;
        carry = s >>> 32;
      }
      s = t[N] + carry;
      t[N - 1] = s & MASK;
      t[N] = t[N + 1] + (s >>> 32);
    }
    return reduceOnce(t);
  }
}

package nl.noodrem.zkp.bbs;

import supranational.blst.P1;
import supranational.blst.P1_Affine;

/**
 * Multi-scalar multiplication in G1: sum of point_i * scalar_i.
 *
 * <p>Two strategies, chosen by who may know the scalars:
 *
 * <ul>
 *   <li>{@link #constantTime}: one blst constant-time multiplication per term. For secret scalars (signing keys,
 *       blinding factors, hidden messages).
 *   <li>{@link #variableTime}: Straus' interleaved method with width-w NAF digits and precomputed odd multiples,
 *       sharing one run of doublings across all terms. It branches on scalar digits, so it is only used when every
 *       scalar is public (proof verification). Generators carry cached tables, so only the points received in a
 *       proof need fresh ones.
 * </ul>
 *
 * <p>blst point objects mutate in place; every method here only mutates points it allocated itself.
 */
final class Msm {

  private Msm() {}

  /** Odd multiples P, 3P, ..., (2^(w-1) - 1)P and their negations, for width-w NAF digits. */
  static final class Table {
    final int width;
    private final P1[] positive;
    private final P1[] negative;

    private Table(int width, P1[] positive, P1[] negative) {
      this.width = width;
      this.positive = positive;
      this.negative = negative;
    }

    static Table of(P1_Affine point, int width) {
      if (width < 2 || width > 8) {
        throw new IllegalArgumentException("window width 2..8");
      }
      int size = 1 << (width - 2);
      P1[] positive = new P1[size];
      P1[] negative = new P1[size];
      positive[0] = new P1(point);
      P1 twice = positive[0].dup().dbl();
      for (int i = 1; i < size; i++) {
        positive[i] = positive[i - 1].dup().add(twice);
      }
      for (int i = 0; i < size; i++) {
        negative[i] = positive[i].dup().neg();
      }
      return new Table(width, positive, negative);
    }

    P1 forDigit(int digit) {
      return digit > 0 ? positive[(digit - 1) >> 1] : negative[(-digit - 1) >> 1];
    }
  }

  /** Sum of points[i] * scalars[i], constant time in the scalars. */
  static P1 constantTime(P1_Affine[] points, BbsScalar[] scalars) {
    if (points.length != scalars.length) {
      throw new IllegalArgumentException("points and scalars differ in length");
    }
    P1 acc = new P1();
    for (int i = 0; i < points.length; i++) {
      acc = acc.add(Curve.multiply(points[i], scalars[i]));
    }
    return acc;
  }

  /** Sum of tables[i].point * scalars[i]; variable time: public scalars only. */
  static P1 variableTime(Table[] tables, BbsScalar[] scalars) {
    if (tables.length != scalars.length) {
      throw new IllegalArgumentException("tables and scalars differ in length");
    }
    int[][] digits = new int[tables.length][];
    int top = -1;
    for (int i = 0; i < tables.length; i++) {
      digits[i] = wnaf(scalars[i].toLittleEndianBytes(), tables[i].width);
      for (int bit = digits[i].length - 1; bit > top; bit--) {
        if (digits[i][bit] != 0) {
          top = bit;
          break;
        }
      }
    }
    P1 acc = new P1();
    for (int bit = top; bit >= 0; bit--) {
      if (bit != top) {
        acc = acc.dbl();
      }
      for (int i = 0; i < tables.length; i++) {
        int d = digits[i][bit];
        if (d != 0) {
          acc = acc.add(tables[i].forDigit(d));
        }
      }
    }
    return acc;
  }

  /** Width-w NAF digits of a 256-bit little-endian scalar: odd digits in (-2^(w-1), 2^(w-1)), at most one per w. */
  static int[] wnaf(byte[] littleEndian, int width) {
    int nbits = littleEndian.length * 8;
    int span = nbits + width + 1; // a carry can move the top digit up to width positions
    int[] bits = new int[span + width + 1];
    for (int i = 0; i < nbits; i++) {
      bits[i] = (littleEndian[i >>> 3] >>> (i & 7)) & 1;
    }
    int[] naf = new int[span];
    int i = 0;
    while (i < span) {
      if (bits[i] == 0) {
        i++;
        continue;
      }
      int value = 0;
      for (int j = 0; j < width; j++) {
        value |= bits[i + j] << j;
        bits[i + j] = 0;
      }
      if (value > (1 << (width - 1))) {
        value -= 1 << width;
        int j = i + width; // carry 2^(i+w) back into the remaining bits
        while (bits[j] == 1) {
          bits[j] = 0;
          j++;
        }
        bits[j] = 1;
      }
      naf[i] = value;
      i += width;
    }
    return naf;
  }
}

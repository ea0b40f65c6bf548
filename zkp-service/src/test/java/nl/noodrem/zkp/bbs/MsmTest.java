package nl.noodrem.zkp.bbs;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Random;
import org.junit.jupiter.api.Test;
import supranational.blst.P1;
import supranational.blst.P1_Affine;

/** The variable-time Straus/wNAF path must agree with plain constant-time multiplication. */
class MsmTest {

  private final Random random = new Random(7);

  @Test
  void wnaf_digits_reconstructScalarAndAreOddAndBounded() {
    for (int width = 2; width <= 8; width++) {
      for (int i = 0; i < 200; i++) {
        byte[] le = new byte[32];
        random.nextBytes(le);
        le[31] &= 0x7f;
        if (i == 0) {
          java.util.Arrays.fill(le, (byte) 0xff);
          le[31] = 0x7f;
        }
        int[] digits = Msm.wnaf(le, width);
        BigInteger sum = BigInteger.ZERO;
        int lastNonZero = -width;
        for (int bit = 0; bit < digits.length; bit++) {
          int d = digits[bit];
          if (d != 0) {
            assertThat(Math.abs(d) % 2).isEqualTo(1);
            assertThat(Math.abs(d)).isLessThan(1 << (width - 1));
            assertThat(bit - lastNonZero).isGreaterThanOrEqualTo(width);
            lastNonZero = bit;
            sum = sum.add(BigInteger.valueOf(d).shiftLeft(bit));
          }
        }
        byte[] be = new byte[32];
        for (int k = 0; k < 32; k++) {
          be[k] = le[31 - k];
        }
        assertThat(sum).isEqualTo(new BigInteger(1, be));
      }
    }
  }

  @Test
  void variableTime_randomTerms_equalsConstantTime() {
    SecureRandom sr = new SecureRandom();
    for (int n : new int[] {1, 2, 3, 7, 13}) {
      P1_Affine[] points = new P1_Affine[n];
      BbsScalar[] scalars = new BbsScalar[n];
      Msm.Table[] tables = new Msm.Table[n];
      for (int i = 0; i < n; i++) {
        points[i] = P1.generator().mult(BbsScalar.random(sr).toBlst()).to_affine();
        scalars[i] = i == 0 ? BbsScalar.ZERO : (i == 1 ? BbsScalar.ONE.negate() : BbsScalar.random(sr));
        tables[i] = Msm.Table.of(points[i], 3 + (i % 4));
      }
      P1 expected = Msm.constantTime(points, scalars);
      P1 actual = Msm.variableTime(tables, scalars);
      assertThat(actual.is_equal(expected)).as("n=%d", n).isTrue();
    }
  }

  @Test
  void variableTime_samePointTwice_handlesDoublingInsideAdditions() {
    P1_Affine g = P1.generator().to_affine();
    Msm.Table t = Msm.Table.of(g, 4);
    BbsScalar s = BbsScalar.ofLong(12345);
    P1 actual = Msm.variableTime(new Msm.Table[] {t, t}, new BbsScalar[] {s, s});
    assertThat(actual.is_equal(P1.generator().mult(BbsScalar.ofLong(24690).toBlst()))).isTrue();
  }
}

package nl.noodrem.zkp.bbs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Random;
import nl.noodrem.zkp.MalformedInputException;
import org.junit.jupiter.api.Test;

/** Our Montgomery scalar arithmetic against BigInteger (allowed here: test code, public test values). */
class BbsScalarTest {

  private static final BigInteger R =
      new BigInteger("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16);

  private final Random random = new Random(20240917);

  @Test
  void arithmetic_randomOperands_matchesBigIntegerModR() throws Exception {
    for (int i = 0; i < 2000; i++) {
      BigInteger a = randomBelowR();
      BigInteger b = i % 7 == 0 ? R.subtract(BigInteger.ONE) : randomBelowR();
      BbsScalar sa = scalar(a);
      BbsScalar sb = scalar(b);
      assertThat(value(sa.add(sb))).isEqualTo(a.add(b).mod(R));
      assertThat(value(sa.subtract(sb))).isEqualTo(a.subtract(b).mod(R));
      assertThat(value(sa.multiply(sb))).isEqualTo(a.multiply(b).mod(R));
      assertThat(value(sa.negate())).isEqualTo(a.negate().mod(R));
      if (i % 50 == 0) {
        assertThat(value(sa.inverse())).isEqualTo(a.signum() == 0 ? BigInteger.ZERO : a.modInverse(R));
      }
    }
  }

  @Test
  void inverse_edgeAndRandomValues_matchesBigIntegerModInverseAndZeroMapsToZero() throws Exception {
    assertThat(value(BbsScalar.ZERO.inverse())).isZero();
    assertThat(value(BbsScalar.ONE.inverse())).isEqualTo(BigInteger.ONE);
    BigInteger rMinusOne = R.subtract(BigInteger.ONE);
    assertThat(value(scalar(rMinusOne).inverse())).isEqualTo(rMinusOne);
    for (int i = 0; i < 500; i++) {
      BigInteger a = randomBelowR();
      BbsScalar sa = scalar(a);
      BbsScalar inverse = sa.inverse();
      assertThat(value(inverse)).isEqualTo(a.signum() == 0 ? BigInteger.ZERO : a.modInverse(R));
      assertThat(sa.multiply(inverse)).isEqualTo(a.signum() == 0 ? BbsScalar.ZERO : BbsScalar.ONE);
      assertThat(value(sa)).as("the operand is unchanged").isEqualTo(a);
    }
  }

  @Test
  void fromBytesReduced_wideInputs_equalOs2ipModR() {
    for (int len : new int[] {0, 1, 31, 32, 33, 48, 64}) {
      for (int i = 0; i < 50; i++) {
        byte[] octets = new byte[len];
        random.nextBytes(octets);
        if (i == 0) {
          java.util.Arrays.fill(octets, (byte) 0xff);
        }
        assertThat(value(BbsScalar.fromBytesReduced(octets))).isEqualTo(new BigInteger(1, octets).mod(R));
      }
    }
  }

  @Test
  void ofLong_extremes_mapToValueModR() {
    for (long v : new long[] {0, 1, -1, 42, -42, Long.MAX_VALUE, Long.MIN_VALUE, 20_000, -719_528}) {
      assertThat(value(BbsScalar.ofLong(v))).as("ofLong(%d)", v).isEqualTo(BigInteger.valueOf(v).mod(R));
    }
  }

  @Test
  void fromCanonicalBytes_valueNotBelowR_isRejected() {
    assertThatThrownBy(() -> BbsScalar.fromCanonicalBytes(fixed(R))).isInstanceOf(MalformedInputException.class);
    assertThatThrownBy(() -> BbsScalar.fromCanonicalBytes(fixed(R.add(BigInteger.TEN))))
        .isInstanceOf(MalformedInputException.class);
    byte[] allOnes = new byte[32];
    java.util.Arrays.fill(allOnes, (byte) 0xff);
    assertThatThrownBy(() -> BbsScalar.fromCanonicalBytes(allOnes)).isInstanceOf(MalformedInputException.class);
  }

  @Test
  void fromCanonicalBytes_wrongLength_isRejected() {
    assertThatThrownBy(() -> BbsScalar.fromCanonicalBytes(new byte[31])).isInstanceOf(MalformedInputException.class);
    assertThatThrownBy(() -> BbsScalar.fromCanonicalBytes(new byte[33])).isInstanceOf(MalformedInputException.class);
    assertThatThrownBy(() -> BbsScalar.fromCanonicalBytes(null)).isInstanceOf(MalformedInputException.class);
  }

  @Test
  void fromCanonicalNonZeroBytes_zero_isRejected() {
    assertThatThrownBy(() -> BbsScalar.fromCanonicalNonZeroBytes(new byte[32], 0))
        .isInstanceOf(MalformedInputException.class);
  }

  @Test
  void equals_sameAndDifferentValues_behaveAsValueEquality() throws Exception {
    BigInteger a = randomBelowR();
    assertThat(scalar(a)).isEqualTo(scalar(a)).isNotEqualTo(scalar(a.add(BigInteger.ONE).mod(R)));
    assertThat(scalar(a).toString()).doesNotContain(a.toString(16));
  }

  @Test
  void toBlst_roundTrip_keepsValue() {
    BigInteger a = randomBelowR();
    assertThat(new BigInteger(1, scalar(a).toBlst().to_bendian())).isEqualTo(a);
  }

  private BigInteger randomBelowR() {
    BigInteger v;
    do {
      v = new BigInteger(255, random);
    } while (v.compareTo(R) >= 0);
    return v;
  }

  private static BbsScalar scalar(BigInteger v) {
    try {
      return BbsScalar.fromCanonicalBytes(fixed(v));
    } catch (MalformedInputException e) {
      throw new AssertionError(e);
    }
  }

  private static BigInteger value(BbsScalar s) {
    return new BigInteger(1, s.toBytes());
  }

  private static byte[] fixed(BigInteger v) {
    byte[] raw = v.toByteArray();
    byte[] out = new byte[32];
    int n = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - n, out, 32 - n, n);
    return out;
  }

  @SuppressWarnings("unused")
  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}

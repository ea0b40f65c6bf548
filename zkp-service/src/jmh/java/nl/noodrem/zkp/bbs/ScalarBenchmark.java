package nl.noodrem.zkp.bbs;

import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import supranational.blst.Scalar;

/**
 * The scalar field mod r: this module's {@link BbsScalar} (Java, Montgomery over 32-bit limbs) against jblst's
 * native {@link Scalar} (blst through JNI) for the operations BBS uses — add, multiply, inverse — and the
 * conversion to blst's type that every point multiplication pays today. jblst's operations change the receiver,
 * so each copies first ({@code dup()}), as an immutable value type built on them would. ADR 0009 records the
 * outcome: Java for add and multiply, blst for the inverse.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ScalarBenchmark {

  private static final byte[] A = HexFormat.of().parseHex(
      "2b6e0c1f7a8e3d4c5b6a79881726354453627180f9e8d7c6b5a4938271605f4e");
  private static final byte[] B = HexFormat.of().parseHex(
      "5d1e0c2b3a4f5e6d7c8b9aa1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5");

  private BbsScalar javaA;
  private BbsScalar javaB;
  private Scalar blstA;
  private Scalar blstB;

  @Setup
  public void setUp() throws Exception {
    javaA = BbsScalar.fromCanonicalBytes(A);
    javaB = BbsScalar.fromCanonicalBytes(B);
    blstA = new Scalar().from_bendian(A);
    blstB = new Scalar().from_bendian(B);
    // both must compute the same field: a * b^-1 + a - b, compared once before measuring
    byte[] viaJava = javaA.multiply(javaB.inverse()).add(javaA).subtract(javaB).toBytes();
    byte[] viaBlst = blstA.dup().mul(blstB.dup().inverse()).add(blstA).sub(blstB).to_bendian();
    if (!java.util.Arrays.equals(viaJava, viaBlst)) {
      throw new IllegalStateException("BbsScalar and blst disagree");
    }
  }

  @Benchmark
  public BbsScalar javaAdd() {
    return javaA.add(javaB);
  }

  @Benchmark
  public Scalar blstAdd() {
    return blstA.dup().add(blstB);
  }

  @Benchmark
  public BbsScalar javaMultiply() {
    return javaA.multiply(javaB);
  }

  @Benchmark
  public Scalar blstMultiply() {
    return blstA.dup().mul(blstB);
  }

  /**
   * {@link BbsScalar#inverse()}: since ADR 0009 blst's inverse plus the conversions both ways. (Before, the Fermat
   * ladder in Java: its figures are in the ADR.)
   */
  @Benchmark
  public BbsScalar javaInverse() {
    return javaA.inverse();
  }

  @Benchmark
  public Scalar blstInverse() {
    return blstA.dup().inverse();
  }

  /** What {@code Msm.constantTime} pays per term today to hand a BbsScalar to blst's point multiplication. */
  @Benchmark
  public Scalar javaToBlst() {
    return javaA.toBlst();
  }

  /** Decoding 32 octets: {@code BbsScalar} checks canonical form, blst only byte-swaps. */
  @Benchmark
  public BbsScalar javaFromBytes() throws Exception {
    return BbsScalar.fromCanonicalBytes(A);
  }

  @Benchmark
  public Scalar blstFromBytes() {
    return new Scalar().from_bendian(A);
  }
}

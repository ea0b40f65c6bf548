package nl.noodrem.zkp.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import supranational.blst.P1;
import supranational.blst.P1_Affine;
import supranational.blst.P2;
import supranational.blst.P2_Affine;
import supranational.blst.PT;
import supranational.blst.Scalar;

/**
 * The yardsticks, measured in the same run as {@link BbsBenchmark}: one full pairing on blst (Miller loop and final
 * exponentiation) and one G1 scalar multiplication. The aim is ProofVerify(10) within 3x two pairings.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PairingBenchmark {

  private P1_Affine p;
  private P2_Affine q;
  private Scalar scalar;

  @Setup
  public void setUp() {
    scalar = new Scalar().from_bendian(java.util.HexFormat.of().parseHex(
        "2b6e0c1f7a8e3d4c5b6a79881726354453627180f9e8d7c6b5a4938271605f4e"));
    p = P1.generator().mult(scalar).to_affine();
    q = P2.generator().mult(scalar).to_affine();
  }

  @Benchmark
  public boolean pairing() {
    PT gt = new PT(p, q);
    return gt.final_exp().is_one();
  }

  @Benchmark
  public P1 g1Multiplication() {
    return new P1(p).mult(scalar);
  }
}

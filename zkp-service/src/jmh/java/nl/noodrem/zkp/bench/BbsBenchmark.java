package nl.noodrem.zkp.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.noodrem.zkp.bbs.Bbs;
import nl.noodrem.zkp.bbs.BbsCiphersuite;
import nl.noodrem.zkp.bbs.BbsPublicKey;
import nl.noodrem.zkp.bbs.BbsScalar;
import nl.noodrem.zkp.bbs.BbsSecretKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Sign, Verify, ProofGen and ProofVerify with 5, 10 and 20 messages, half of them disclosed in proofs. The public
 * key is parsed (and subgroup-checked) once, as a verifier caching its issuer keys would; generators are cached
 * per ciphersuite after the first call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BbsBenchmark {

  @Param({"5", "10", "20"})
  public int messages;

  @Param({"BLS12_381_SHA_256"})
  public BbsCiphersuite suite;

  private BbsSecretKey sk;
  private BbsPublicKey pk;
  private final byte[] header = "noodrem benchmark header".getBytes(StandardCharsets.US_ASCII);
  private final byte[] ph = "noodrem benchmark presentation header".getBytes(StandardCharsets.US_ASCII);
  private List<BbsScalar> scalars;
  private byte[] signature;
  private int[] disclosed;
  private List<BbsScalar> disclosedScalars;
  private byte[] proof;

  @Setup
  public void setUp() throws Exception {
    sk = BbsSecretKey.keyGen(suite, "benchmark key material, test-only, 32+ octets".getBytes(StandardCharsets.US_ASCII),
        new byte[0]);
    pk = sk.publicKey();
    List<byte[]> octets = new ArrayList<>();
    for (int i = 0; i < messages; i++) {
      octets.add(("attribute value " + i).getBytes(StandardCharsets.UTF_8));
    }
    scalars = suite.messagesToScalars(octets);
    signature = Bbs.sign(suite, sk, header, scalars);
    disclosed = new int[messages / 2];
    disclosedScalars = new ArrayList<>();
    for (int k = 0; k < disclosed.length; k++) {
      disclosed[k] = 2 * k;
      disclosedScalars.add(scalars.get(2 * k));
    }
    proof = Bbs.proofGen(suite, pk, signature, header, ph, scalars, disclosed);
    Bbs.proofVerify(suite, pk, proof, header, ph, disclosedScalars, disclosed);
  }

  @Benchmark
  public byte[] sign() {
    return Bbs.sign(suite, sk, header, scalars);
  }

  @Benchmark
  public BbsPublicKey verify() throws Exception {
    Bbs.verify(suite, pk, signature, header, scalars);
    return pk;
  }

  @Benchmark
  public byte[] proofGen() throws Exception {
    return Bbs.proofGen(suite, pk, signature, header, ph, scalars, disclosed);
  }

  @Benchmark
  public byte[] proofVerify() throws Exception {
    Bbs.proofVerify(suite, pk, proof, header, ph, disclosedScalars, disclosed);
    return proof;
  }
}

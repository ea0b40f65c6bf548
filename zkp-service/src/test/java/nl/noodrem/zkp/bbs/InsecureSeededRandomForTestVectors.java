package nl.noodrem.zkp.bbs;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * INSECURE: the draft's mocked_calculate_random_scalars (appendix "Mocked Random Scalars"), deterministic from a
 * published seed, so that ProofGen reproduces the published proofs byte for byte. Test sources only; a proof made
 * with it reveals the signature to anyone who knows the seed.
 */
final class InsecureSeededRandomForTestVectors implements RandomScalars {

  /** "3.141592653589793238462643383279", the draft's seed. */
  static final byte[] SEED = "3.141592653589793238462643383279".getBytes(StandardCharsets.US_ASCII);

  private final byte[] seed;

  InsecureSeededRandomForTestVectors(byte[] seed) {
    this.seed = seed.clone();
  }

  static InsecureSeededRandomForTestVectors draftSeed() {
    return new InsecureSeededRandomForTestVectors(SEED);
  }

  static byte[] dst(BbsCiphersuite suite) {
    return ExpandMessage.concat(suite.apiId(), "MOCK_RANDOM_SCALARS_DST_".getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public BbsScalar[] next(BbsCiphersuite suite, int count) {
    int len = BbsCiphersuite.EXPAND_LEN;
    byte[] v = suite.expandMessage(seed, dst(suite), len * count);
    BbsScalar[] out = new BbsScalar[count];
    for (int i = 0; i < count; i++) {
      out[i] = BbsScalar.fromBytesReduced(Arrays.copyOfRange(v, i * len, (i + 1) * len));
    }
    return out;
  }
}

package nl.noodrem.zkp.bbs;

import java.security.SecureRandom;

/**
 * Source of the random scalars of ProofGen (calculate_random_scalars, draft section 4.2.1).
 *
 * <p>Package-private on purpose: production code can only get {@link #secure()}. The conformance tests supply the
 * draft's seeded mock from test sources in this package; no deterministic source ships in the main jar.
 */
interface RandomScalars {

  BbsScalar[] next(BbsCiphersuite suite, int count);

  /** OS2IP(get_random(48)) mod r for each scalar, from a {@link SecureRandom}. */
  static RandomScalars secure() {
    return SecureHolder.INSTANCE;
  }

  /** Lazily created, shared strong source. */
  final class SecureHolder implements RandomScalars {
    private static final SecureHolder INSTANCE = new SecureHolder();
    private final SecureRandom random = new SecureRandom();

    private SecureHolder() {}

    @Override
    public BbsScalar[] next(BbsCiphersuite suite, int count) {
      BbsScalar[] out = new BbsScalar[count];
      for (int i = 0; i < count; i++) {
        out[i] = BbsScalar.random(random);
      }
      return out;
    }
  }
}

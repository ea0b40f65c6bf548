package nl.noodrem.zkp.bbs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import supranational.blst.P1_Affine;

/**
 * create_generators(count, api_id) of draft section 4.1.1, computed once per ciphersuite and extended on demand.
 *
 * <p>The draft's procedure is a chain (each seed is derived from the previous one), so the first n generators do
 * not depend on the count asked for; one growing list per suite therefore serves every (suite, count) up to
 * {@link #MAX_COUNT}.
 */
final class GeneratorCache {

  /** Q_1 and one generator per message: the cache never grows past this. */
  static final int MAX_COUNT = Bbs.MAX_MESSAGES + 1;

  private final BbsCiphersuite suite;
  private final byte[] seedDst;
  private final byte[] generatorDst;
  private final List<P1_Affine> points = new ArrayList<>();
  private final List<byte[]> compressed = new ArrayList<>();
  private final List<Msm.Table> tables = new ArrayList<>();
  private byte[] v;
  private volatile Generators snapshot = new Generators(List.of(), List.of(), List.of());

  GeneratorCache(BbsCiphersuite suite) {
    this.suite = suite;
    String apiId = suite.ciphersuiteId() + "H2G_HM2S_";
    this.seedDst = (apiId + "SIG_GENERATOR_SEED_").getBytes(StandardCharsets.US_ASCII);
    this.generatorDst = (apiId + "SIG_GENERATOR_DST_").getBytes(StandardCharsets.US_ASCII);
  }

  Generators first(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("at least one generator (Q_1) is needed");
    }
    if (count > MAX_COUNT) {
      // Callers check message counts first (Bbs.MAX_MESSAGES); this keeps the cache bounded whatever they do.
      throw new IllegalArgumentException("at most " + MAX_COUNT + " generators are kept");
    }
    Generators current = snapshot;
    if (current.count() >= count) {
      return current.count() == count ? current : slice(current, count);
    }
    synchronized (this) {
      extendTo(count);
      return slice(snapshot, count);
    }
  }

  /** How many generators are cached now (for tests of the bound). */
  int cachedCount() {
    return snapshot.count();
  }

  private Generators slice(Generators all, int count) {
    List<P1_Affine> p = new ArrayList<>(count);
    List<byte[]> c = new ArrayList<>(count);
    List<Msm.Table> t = new ArrayList<>(count);
    synchronized (this) {
      for (int i = 0; i < count; i++) {
        p.add(points.get(i));
        c.add(compressed.get(i));
        t.add(tables.get(i));
      }
    }
    return new Generators(p, c, t);
  }

  private void extendTo(int count) {
    if (v == null) {
      byte[] generatorSeed = (suite.ciphersuiteId() + "H2G_HM2S_MESSAGE_GENERATOR_SEED").getBytes(StandardCharsets.US_ASCII);
      v = suite.expandMessage(generatorSeed, seedDst, BbsCiphersuite.EXPAND_LEN);
    }
    for (int i = points.size() + 1; i <= count; i++) {
      v = suite.expandMessage(ExpandMessage.concat(v, Octets.i2osp(i, 8)), seedDst, BbsCiphersuite.EXPAND_LEN);
      P1_Affine generator = suite.hashToCurveG1(v, generatorDst).to_affine();
      points.add(generator);
      compressed.add(generator.compress());
      tables.add(Msm.Table.of(generator, Generators.FIXED_BASE_WINDOW));
    }
    snapshot = new Generators(points, compressed, tables);
  }
}

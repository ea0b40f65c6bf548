package nl.noodrem.zkp.bbs;

import java.util.List;
import supranational.blst.P1_Affine;

/**
 * The first {@code count} generators of a ciphersuite, (Q_1, H_1, ..., H_L), with their compressed encodings and
 * the precomputed multiples used by variable-time multi-scalar multiplication. Immutable once built; shared
 * through {@link GeneratorCache}.
 */
final class Generators {

  /** Window width for the cached tables of fixed generators: bigger tables, fewer additions per verification. */
  static final int FIXED_BASE_WINDOW = 6;

  private final List<P1_Affine> points;
  private final List<byte[]> compressed;
  private final List<Msm.Table> tables;

  Generators(List<P1_Affine> points, List<byte[]> compressed, List<Msm.Table> tables) {
    this.points = List.copyOf(points);
    this.compressed = List.copyOf(compressed);
    this.tables = List.copyOf(tables);
  }

  int count() {
    return points.size();
  }

  P1_Affine q1() {
    return points.get(0);
  }

  /** H_(index + 1), for a 0-based message index. */
  P1_Affine h(int messageIndex) {
    return points.get(messageIndex + 1);
  }

  Msm.Table q1Table() {
    return tables.get(0);
  }

  Msm.Table hTable(int messageIndex) {
    return tables.get(messageIndex + 1);
  }

  byte[] q1Compressed() {
    return compressed.get(0);
  }

  byte[] hCompressed(int messageIndex) {
    return compressed.get(messageIndex + 1);
  }

  /** Defensive copies of the compressed encodings, in order. */
  List<byte[]> compressed() {
    return compressed.stream().map(byte[]::clone).toList();
  }
}

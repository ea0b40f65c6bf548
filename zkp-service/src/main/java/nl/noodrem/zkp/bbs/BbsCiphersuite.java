package nl.noodrem.zkp.bbs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import supranational.blst.P1;
import supranational.blst.P1_Affine;

/**
 * The two ciphersuites of draft-irtf-cfrg-bbs-signatures-10, section 7: BLS12-381 with SHA-256
 * (expand_message_xmd) and with SHAKE-256 (expand_message_xof). A ciphersuite fixes the hash, the base point P1 and
 * the message generators; keys are the same for both.
 */
public enum BbsCiphersuite {
  BLS12_381_SHA_256(
      "BLS12-381-SHA-256",
      "BBS_BLS12381G1_XMD:SHA-256_SSWU_RO_",
      ExpandMessage.XMD_SHA_256,
      "a8ce256102840821a3e94ea9025e4662b205762f9776b3a766c872b948f1fd225e7c59698588e70d11406d161b4e28c9"),
  BLS12_381_SHAKE_256(
      "BLS12-381-SHAKE-256",
      "BBS_BLS12381G1_XOF:SHAKE-256_SSWU_RO_",
      ExpandMessage.XOF_SHAKE_256,
      "8929dfbc7e6642c4ed9cba0856e493f8b9d7d5fcb0c31ef8fdcd34d50648a56c795e106e9eada6e0bda386b414150755");

  /** expand_len = ceil((ceil(log2(r)) + k) / 8) with k = 128. */
  static final int EXPAND_LEN = 48;
  /** The API id suffix of the draft's interface "hash to generators, hash messages to scalars". */
  private static final String API_SUFFIX = "H2G_HM2S_";

  private final String displayName;
  private final String ciphersuiteId;
  private final ExpandMessage expander;
  private final byte[] p1Octets;
  private final byte[] apiId;
  private final byte[] hashToScalarDst;
  private final byte[] mapMessageDst;
  private final GeneratorCache generators;
  private volatile P1_Affine p1;
  private volatile Msm.Table p1Table;

  BbsCiphersuite(String displayName, String ciphersuiteId, ExpandMessage expander, String p1Hex) {
    this.displayName = displayName;
    this.ciphersuiteId = ciphersuiteId;
    this.expander = expander;
    this.p1Octets = HexFormat.of().parseHex(p1Hex);
    this.apiId = ascii(ciphersuiteId + API_SUFFIX);
    this.hashToScalarDst = ascii(ciphersuiteId + API_SUFFIX + "H2S_");
    this.mapMessageDst = ascii(ciphersuiteId + API_SUFFIX + "MAP_MSG_TO_SCALAR_AS_HASH_");
    this.generators = new GeneratorCache(this);
  }

  /** The name used in the draft's test vectors and in our JSON formats, e.g. {@code BLS12-381-SHA-256}. */
  public String displayName() {
    return displayName;
  }

  /** The ciphersuite_id, e.g. {@code BBS_BLS12381G1_XMD:SHA-256_SSWU_RO_}. */
  public String ciphersuiteId() {
    return ciphersuiteId;
  }

  /** Looks a ciphersuite up by {@link #displayName()} or {@link #ciphersuiteId()}. */
  public static Optional<BbsCiphersuite> byName(String name) {
    for (BbsCiphersuite suite : values()) {
      if (suite.displayName.equals(name) || suite.ciphersuiteId.equals(name)) {
        return Optional.of(suite);
      }
    }
    return Optional.empty();
  }

  /** api_id = ciphersuite_id || "H2G_HM2S_". */
  public byte[] apiId() {
    return apiId.clone();
  }

  /** The default KeyGen key_dst: ciphersuite_id || "KEYGEN_DST_" (draft section 3.4.1). */
  public byte[] defaultKeyDst() {
    return ascii(ciphersuiteId + "KEYGEN_DST_");
  }

  /** expand_message of this suite's hash_to_curve suite. */
  public byte[] expandMessage(byte[] msg, byte[] dst, int lenInBytes) {
    return expander.expand(msg, dst, lenInBytes);
  }

  /** hash_to_scalar(msg_octets, dst) = OS2IP(expand_message(msg_octets, dst, 48)) mod r. */
  public BbsScalar hashToScalar(byte[] msg, byte[] dst) {
    return BbsScalar.fromBytesReduced(expander.expand(msg, dst, EXPAND_LEN));
  }

  /** MapMessageToScalarAsHash with the default dst api_id || "MAP_MSG_TO_SCALAR_AS_HASH_". */
  public BbsScalar mapMessageToScalar(byte[] message) {
    return hashToScalar(message, mapMessageDst);
  }

  /** messages_to_scalars: every octet-string message through {@link #mapMessageToScalar}. */
  public List<BbsScalar> messagesToScalars(List<byte[]> messages) {
    List<BbsScalar> out = new ArrayList<>(messages.size());
    for (byte[] message : messages) {
      out.add(mapMessageToScalar(message));
    }
    return List.copyOf(out);
  }

  /** The first {@code count} generators of create_generators(count, api_id), from a per-suite cache. */
  Generators generators(int count) {
    return generators.first(count);
  }

  /** How many generators this suite has derived and keeps (never more than Bbs.MAX_MESSAGES + 1). */
  int cachedGeneratorCount() {
    return generators.cachedCount();
  }

  /**
   * create_generators(count, api_id) as compressed points (for conformance tests and tooling).
   *
   * @throws IllegalArgumentException if count is below 1 or above {@link Bbs#MAX_MESSAGES} + 1
   */
  public List<byte[]> createGenerators(int count) {
    return generators(count).compressed();
  }

  /** hash_to_curve_g1 of this suite (blst for SHA-256, our own map for SHAKE-256). */
  P1 hashToCurveG1(byte[] msg, byte[] dst) {
    if (expander == ExpandMessage.XMD_SHA_256 && isShortAscii(dst)) {
      // blst takes the DST as a Java string; plain ASCII survives that conversion unchanged.
      return new P1().hash_to(msg, new String(dst, StandardCharsets.US_ASCII));
    }
    return HashToCurveG1.hashToCurve(expander, msg, dst);
  }

  byte[] hashToScalarDst() {
    return hashToScalarDst.clone();
  }

  ExpandMessage expander() {
    return expander;
  }

  /** The base point P1 of this suite. */
  P1_Affine p1() {
    P1_Affine point = p1;
    if (point == null) {
      point = new P1_Affine(p1Octets);
      p1 = point;
    }
    return point;
  }

  /** Precomputed multiples of P1 for variable-time multi-scalar multiplication. */
  Msm.Table p1Table() {
    Msm.Table table = p1Table;
    if (table == null) {
      table = Msm.Table.of(p1(), Generators.FIXED_BASE_WINDOW);
      p1Table = table;
    }
    return table;
  }

  /** P1 compressed. */
  public byte[] p1Octets() {
    return p1Octets.clone();
  }

  private static boolean isShortAscii(byte[] dst) {
    if (dst.length > 255) {
      return false;
    }
    for (byte b : dst) {
      if (b < 0x20) { // also catches every byte >= 0x80 (negative)
        return false;
      }
    }
    return true;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}

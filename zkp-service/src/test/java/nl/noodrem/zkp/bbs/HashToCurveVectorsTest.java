package nl.noodrem.zkp.bbs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import nl.noodrem.zkp.testing.Failures;
import nl.noodrem.zkp.testing.Fixtures;
import org.junit.jupiter.api.Test;
import supranational.blst.P1;
import supranational.blst.P2;

/**
 * RFC 9380 vectors (fixtures/hash-to-curve): our expand_message_xmd / expand_message_xof, our Java G1 map (the one
 * the SHAKE-256 suite depends on) against the XMD suites, and blst's G1/G2 hash_to_curve used by the SHA-256 suite.
 */
class HashToCurveVectorsTest {

  @Test
  void expandMessage_everyRfc9380Vector_matches() {
    Failures failures = new Failures();
    checkExpander(failures, "expand_message_xmd_SHA256_38.json", ExpandMessage.XMD_SHA_256);
    checkExpander(failures, "expand_message_xmd_SHA256_256.json", ExpandMessage.XMD_SHA_256);
    checkExpander(failures, "expand_message_xof_SHAKE256_36.json", ExpandMessage.XOF_SHAKE_256);
    assertThat(failures.checked()).isEqualTo(30);
    failures.assertNone();
  }

  private static void checkExpander(Failures failures, String file, ExpandMessage expander) {
    JsonNode v = Fixtures.load("hash-to-curve/" + file);
    byte[] dst = ascii(v.get("DST").asText());
    int i = 0;
    for (JsonNode t : v.get("tests")) {
      String id = file + "#" + i++;
      failures.check(id, () -> {
        int len = Integer.decode(t.get("len_in_bytes").asText());
        byte[] out = expander.expand(ascii(t.get("msg").asText()), dst, len);
        assertThat(Fixtures.hex(out)).isEqualTo(t.get("uniform_bytes").asText());
      });
    }
  }

  @Test
  void hashToCurveG1_javaMapAndBlst_matchRandomOracleVectors() {
    JsonNode v = Fixtures.load("hash-to-curve/BLS12381G1_XMD-SHA-256_SSWU_RO_.json");
    byte[] dst = ascii(v.get("dst").asText());
    Failures failures = new Failures();
    int i = 0;
    for (JsonNode t : v.get("vectors")) {
      String id = "G1 RO #" + i++ + " msg='" + abbreviate(t.get("msg").asText()) + "'";
      byte[] msg = ascii(t.get("msg").asText());
      failures.check(id + " hash_to_field", () -> {
        BigInteger[] u = HashToCurveG1.hashToField(ExpandMessage.XMD_SHA_256, msg, dst, 2);
        assertThat(u[0]).isEqualTo(new BigInteger(t.get("u").get(0).asText().substring(2), 16));
        assertThat(u[1]).isEqualTo(new BigInteger(t.get("u").get(1).asText().substring(2), 16));
      });
      failures.check(id + " map_to_curve Q0,Q1", () -> {
        BigInteger[] u = HashToCurveG1.hashToField(ExpandMessage.XMD_SHA_256, msg, dst, 2);
        assertThat(Fixtures.hex(HashToCurveG1.mapToCurve(u[0]).serialize())).isEqualTo(g1(t.get("Q0")));
        assertThat(Fixtures.hex(HashToCurveG1.mapToCurve(u[1]).serialize())).isEqualTo(g1(t.get("Q1")));
      });
      failures.check(id + " java hash_to_curve", () -> assertThat(
          Fixtures.hex(HashToCurveG1.hashToCurve(ExpandMessage.XMD_SHA_256, msg, dst).serialize()))
          .isEqualTo(g1(t.get("P"))));
      failures.check(id + " blst hash_to", () -> assertThat(
          Fixtures.hex(new P1().hash_to(msg, v.get("dst").asText()).serialize())).isEqualTo(g1(t.get("P"))));
    }
    assertThat(failures.checked()).isEqualTo(20);
    failures.assertNone();
  }

  @Test
  void encodeToCurveG1_javaMapAndBlst_matchNonUniformVectors() {
    JsonNode v = Fixtures.load("hash-to-curve/BLS12381G1_XMD-SHA-256_SSWU_NU_.json");
    byte[] dst = ascii(v.get("dst").asText());
    Failures failures = new Failures();
    int i = 0;
    for (JsonNode t : v.get("vectors")) {
      String id = "G1 NU #" + i++ + " msg='" + abbreviate(t.get("msg").asText()) + "'";
      byte[] msg = ascii(t.get("msg").asText());
      failures.check(id + " map_to_curve Q", () -> {
        BigInteger u = HashToCurveG1.hashToField(ExpandMessage.XMD_SHA_256, msg, dst, 1)[0];
        assertThat(Fixtures.hex(HashToCurveG1.mapToCurve(u).serialize())).isEqualTo(g1(t.get("Q")));
      });
      failures.check(id + " java encode_to_curve", () -> assertThat(
          Fixtures.hex(HashToCurveG1.encodeToCurve(ExpandMessage.XMD_SHA_256, msg, dst).serialize()))
          .isEqualTo(g1(t.get("P"))));
      failures.check(id + " blst encode_to", () -> assertThat(
          Fixtures.hex(new P1().encode_to(msg, v.get("dst").asText()).serialize())).isEqualTo(g1(t.get("P"))));
    }
    assertThat(failures.checked()).isEqualTo(15);
    failures.assertNone();
  }

  @Test
  void hashToCurveG2_blst_matchesRandomOracleVectors() {
    JsonNode v = Fixtures.load("hash-to-curve/BLS12381G2_XMD-SHA-256_SSWU_RO_.json");
    Failures failures = new Failures();
    int i = 0;
    for (JsonNode t : v.get("vectors")) {
      String id = "G2 RO #" + i++ + " msg='" + abbreviate(t.get("msg").asText()) + "'";
      byte[] msg = ascii(t.get("msg").asText());
      failures.check(id, () -> assertThat(
          Fixtures.hex(new P2().hash_to(msg, v.get("dst").asText()).serialize())).isEqualTo(g2(t.get("P"))));
    }
    assertThat(failures.checked()).isEqualTo(5);
    failures.assertNone();
  }

  /** Uncompressed ZCash encoding x || y from the RFC's hex coordinates. */
  private static String g1(JsonNode point) {
    return coordinate(point.get("x").asText()) + coordinate(point.get("y").asText());
  }

  /** G2 coordinates are "c0,c1"; the ZCash encoding puts c1 first. */
  private static String g2(JsonNode point) {
    String[] x = point.get("x").asText().split(",");
    String[] y = point.get("y").asText().split(",");
    return coordinate(x[1]) + coordinate(x[0]) + coordinate(y[1]) + coordinate(y[0]);
  }

  private static String coordinate(String hex) {
    BigInteger value = new BigInteger(hex.substring(2), 16);
    byte[] fixed = HashToCurveG1.uncompressed(value, BigInteger.ZERO);
    return HexFormat.of().formatHex(fixed, 0, 48);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static String abbreviate(String s) {
    return s.length() > 12 ? s.substring(0, 12) + "..." : s;
  }
}

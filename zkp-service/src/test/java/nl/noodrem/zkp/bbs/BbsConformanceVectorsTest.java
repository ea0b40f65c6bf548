package nl.noodrem.zkp.bbs;

import static nl.noodrem.zkp.testing.Fixtures.hex;
import static nl.noodrem.zkp.testing.Fixtures.hexList;
import static nl.noodrem.zkp.testing.Fixtures.intArray;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import nl.noodrem.zkp.InvalidProofException;
import nl.noodrem.zkp.InvalidSignatureException;
import nl.noodrem.zkp.MalformedInputException;
import nl.noodrem.zkp.SecretKeyAccess;
import nl.noodrem.zkp.testing.Failures;
import nl.noodrem.zkp.testing.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every vector of draft-irtf-cfrg-bbs-signatures (fixtures/bbs, both ciphersuites): valid ones must be reproduced
 * byte for byte and verify, invalid ones must be rejected. Failures are collected per case id and reported
 * together.
 */
class BbsConformanceVectorsTest {

  private static final int SIGNATURE_VECTORS = 10;
  private static final int PROOF_VECTORS = 15;

  private static String dir(BbsCiphersuite suite) {
    return switch (suite) {
      case BLS12_381_SHA_256 -> "bbs/bls12-381-sha-256/";
      case BLS12_381_SHAKE_256 -> "bbs/bls12-381-shake-256/";
    };
  }

  @ParameterizedTest
  @EnumSource(BbsCiphersuite.class)
  void keyGen_keypairVector_reproducesSecretAndPublicKey(BbsCiphersuite suite) throws Exception {
    JsonNode v = Fixtures.load(dir(suite) + "keypair.json");
    BbsSecretKey sk = BbsSecretKey.keyGen(suite, hex(v.get("keyMaterial")), hex(v.get("keyInfo")), hex(v.get("keyDst")));

    assertThat(Fixtures.hex(sk.toBytes(SecretKeyAccess.insecureSecretAccess())))
        .isEqualTo(v.at("/keyPair/secretKey").asText());
    assertThat(Fixtures.hex(sk.publicKey().toBytes())).isEqualTo(v.at("/keyPair/publicKey").asText());
  }

  @ParameterizedTest
  @EnumSource(BbsCiphersuite.class)
  void createGenerators_generatorsVector_reproducesP1Q1AndMessageGenerators(BbsCiphersuite suite) {
    JsonNode v = Fixtures.load(dir(suite) + "generators.json");
    List<String> expected = new ArrayList<>();
    expected.add(v.get("Q1").asText());
    v.get("MsgGenerators").forEach(n -> expected.add(n.asText()));

    List<String> actual = suite.createGenerators(expected.size()).stream().map(Fixtures::hex).toList();

    assertThat(Fixtures.hex(suite.p1Octets())).isEqualTo(v.get("P1").asText());
    assertThat(actual).containsExactlyElementsOf(expected);
  }

  @ParameterizedTest
  @EnumSource(BbsCiphersuite.class)
  void hashToScalar_h2sVector_matches(BbsCiphersuite suite) {
    JsonNode v = Fixtures.load(dir(suite) + "h2s.json");

    BbsScalar scalar = suite.hashToScalar(hex(v.get("message")), hex(v.get("dst")));

    assertThat(Fixtures.hex(scalar.toBytes())).isEqualTo(v.get("scalar").asText());
  }

  @ParameterizedTest
  @EnumSource(BbsCiphersuite.class)
  void mapMessageToScalar_everyCase_matches(BbsCiphersuite suite) {
    JsonNode v = Fixtures.load(dir(suite) + "MapMessageToScalarAsHash.json");
    assertThat(hex(v.get("dst"))).isEqualTo(ExpandMessage.concat(suite.apiId(),
        "MAP_MSG_TO_SCALAR_AS_HASH_".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    Failures failures = new Failures();
    int i = 0;
    for (JsonNode c : v.get("cases")) {
      String id = suite.displayName() + "/MapMessageToScalarAsHash#" + i++;
      failures.check(id, () -> assertThat(Fixtures.hex(suite.mapMessageToScalar(hex(c.get("message"))).toBytes()))
          .isEqualTo(c.get("scalar").asText()));
    }
    assertThat(failures.checked()).isEqualTo(10);
    failures.assertNone();
  }

  @ParameterizedTest
  @EnumSource(BbsCiphersuite.class)
  void mockedRandomScalars_mockedRngVector_matches(BbsCiphersuite suite) {
    JsonNode v = Fixtures.load(dir(suite) + "mockedRng.json");
    assertThat(hex(v.get("seed"))).isEqualTo(InsecureSeededRandomForTestVectors.SEED);
    assertThat(hex(v.get("dst"))).isEqualTo(InsecureSeededRandomForTestVectors.dst(suite));

    BbsScalar[] scalars = InsecureSeededRandomForTestVectors.draftSeed().next(suite, v.get("count").asInt());

    List<String> expected = new ArrayList<>();
    v.get("mockedScalars").forEach(n -> expected.add(n.asText()));
    assertThat(java.util.Arrays.stream(scalars).map(s -> Fixtures.hex(s.toBytes())).toList())
        .containsExactlyElementsOf(expected);
  }

  @ParameterizedTest
  @EnumSource(BbsCiphersuite.class)
  void signAndVerify_everySignatureVector_validReproducedInvalidRejected(BbsCiphersuite suite) {
    Failures failures = new Failures();
    for (int n = 1; n <= SIGNATURE_VECTORS; n++) {
      String name = String.format("signature/signature%03d.json", n);
      JsonNode v = Fixtures.load(dir(suite) + name);
      String id = suite.displayName() + "/" + name + " (" + v.get("caseName").asText() + ")";
      failures.check(id, () -> checkSignatureVector(suite, v));
    }
    assertThat(failures.checked()).isEqualTo(SIGNATURE_VECTORS);
    failures.assertNone();
  }

  private static void checkSignatureVector(BbsCiphersuite suite, JsonNode v) throws Exception {
    BbsPublicKey pk = BbsPublicKey.fromBytes(hex(v.at("/signerKeyPair/publicKey")));
    byte[] header = hex(v.get("header"));
    List<BbsScalar> messages = suite.messagesToScalars(hexList(v.get("messages")));
    byte[] signature = hex(v.get("signature"));
    if (v.at("/result/valid").asBoolean()) {
      BbsSecretKey sk = BbsSecretKey.fromBytes(hex(v.at("/signerKeyPair/secretKey")),
          SecretKeyAccess.insecureSecretAccess());
      Generators generators = suite.generators(messages.size() + 1);
      BbsScalar domain = Bbs.calculateDomain(suite, pk, generators, messages.size(), header);
      assertThat(Fixtures.hex(domain.toBytes())).as("trace domain").isEqualTo(v.at("/trace/domain").asText());
      assertThat(Fixtures.hex(Bbs.calculateB(suite, generators, domain, messages).compress()))
          .as("trace B").isEqualTo(v.at("/trace/B").asText());
      assertThat(Fixtures.hex(Bbs.sign(suite, sk, header, messages))).as("signature")
          .isEqualTo(v.get("signature").asText());
      Bbs.verify(suite, pk, signature, header, messages);
    } else {
      assertThatThrownBy(() -> Bbs.verify(suite, pk, signature, header, messages))
          .as("invalid signature vector (%s)", v.at("/result/reason").asText())
          .isInstanceOf(InvalidSignatureException.class);
    }
  }

  @ParameterizedTest
  @EnumSource(BbsCiphersuite.class)
  void proofGenAndVerify_everyProofVector_validReproducedInvalidRejected(BbsCiphersuite suite) {
    Failures failures = new Failures();
    for (int n = 1; n <= PROOF_VECTORS; n++) {
      String name = String.format("proof/proof%03d.json", n);
      JsonNode v = Fixtures.load(dir(suite) + name);
      String id = suite.displayName() + "/" + name + " (" + v.get("caseName").asText() + ")";
      failures.check(id, () -> checkProofVector(suite, v));
    }
    assertThat(failures.checked()).isEqualTo(PROOF_VECTORS);
    failures.assertNone();
  }

  private static void checkProofVector(BbsCiphersuite suite, JsonNode v) throws Exception {
    BbsPublicKey pk = BbsPublicKey.fromBytes(hex(v.get("signerPublicKey")));
    byte[] header = hex(v.get("header"));
    byte[] ph = hex(v.get("presentationHeader"));
    List<byte[]> messages = hexList(v.get("messages"));
    int[] disclosed = intArray(v.get("disclosedIndexes"));
    byte[] proof = hex(v.get("proof"));
    List<byte[]> disclosedMessages = new ArrayList<>();
    for (int i : disclosed) {
      disclosedMessages.add(messages.get(i));
    }
    if (v.at("/result/valid").asBoolean()) {
      List<BbsScalar> scalars = suite.messagesToScalars(messages);
      Bbs.ProofGenResult generated = Bbs.proofGen(suite, pk, hex(v.get("signature")), header, ph, scalars, disclosed,
          InsecureSeededRandomForTestVectors.draftSeed());
      JsonNode trace = v.get("trace");
      BbsScalar[] mocked = InsecureSeededRandomForTestVectors.draftSeed().next(suite, 5 + messages.size() - disclosed.length);
      assertThat(Fixtures.hex(mocked[0].toBytes())).as("trace r1").isEqualTo(trace.at("/random_scalars/r1").asText());
      assertThat(Fixtures.hex(mocked[4].toBytes())).as("trace r3~").isEqualTo(trace.at("/random_scalars/r3_tilde").asText());
      assertThat(Fixtures.hex(generated.init().abar())).as("trace A_bar").isEqualTo(trace.get("A_bar").asText());
      assertThat(Fixtures.hex(generated.init().bbar())).as("trace B_bar").isEqualTo(trace.get("B_bar").asText());
      assertThat(Fixtures.hex(generated.init().d())).as("trace D").isEqualTo(trace.get("D").asText());
      assertThat(Fixtures.hex(generated.init().t1())).as("trace T1").isEqualTo(trace.get("T1").asText());
      assertThat(Fixtures.hex(generated.init().t2())).as("trace T2").isEqualTo(trace.get("T2").asText());
      assertThat(Fixtures.hex(generated.init().domain().toBytes())).as("trace domain").isEqualTo(trace.get("domain").asText());
      assertThat(Fixtures.hex(generated.challenge().toBytes())).as("trace challenge").isEqualTo(trace.get("challenge").asText());
      assertThat(Fixtures.hex(generated.proof())).as("proof").isEqualTo(v.get("proof").asText());

      Bbs.proofVerify(suite, pk, proof, header, ph, suite.messagesToScalars(disclosedMessages), disclosed);
    } else {
      // A vector whose indexes are not strictly ascending cannot even be decoded; the others must fail to verify.
      Class<? extends Exception> expected =
          strictlyAscending(disclosed) ? InvalidProofException.class : MalformedInputException.class;
      assertThatThrownBy(() ->
              Bbs.proofVerify(suite, pk, proof, header, ph, suite.messagesToScalars(disclosedMessages), disclosed))
          .as("invalid proof vector (%s)", v.at("/result/reason").asText())
          .isInstanceOf(expected);
    }
  }

  private static boolean strictlyAscending(int[] indexes) {
    for (int i = 1; i < indexes.length; i++) {
      if (indexes[i] <= indexes[i - 1]) {
        return false;
      }
    }
    return true;
  }
}

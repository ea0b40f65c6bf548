package nl.noodrem.app.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import nl.noodrem.domain.AssistanceType;
import nl.noodrem.zkp.CredentialRejectedException;
import nl.noodrem.zkp.InvalidProofException;
import nl.noodrem.zkp.bbs.BbsCiphersuite;
import nl.noodrem.zkp.bbs.BbsScalar;
import nl.noodrem.zkp.credential.AttributeEncoding;
import nl.noodrem.zkp.credential.BbsCredentialVerifier;
import nl.noodrem.zkp.credential.BbsHeaders;
import nl.noodrem.zkp.credential.BbsPresentationVerifier;
import nl.noodrem.zkp.credential.Credential;
import nl.noodrem.zkp.credential.DebtAssistanceCredentialV1;
import nl.noodrem.zkp.credential.DebtAssistanceCredentialV1.CjibDisclosure;
import nl.noodrem.zkp.credential.KnownSchemas;
import nl.noodrem.zkp.credential.Presentation;
import nl.noodrem.zkp.credential.PresentationRequest;
import nl.noodrem.zkp.credential.VerifiedPresentation;
import nl.noodrem.zkp.keys.IssuerPublicKey;
import nl.noodrem.zkp.trust.InMemoryTrustDirectory;
import nl.noodrem.zkp.trust.IssuerKeyRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The browser wallet's JavaScript (run by Node, {@link WalletProcess}) against zkp-service: a credential signed in
 * Java is accepted by the wallet, a proof made by the wallet is accepted by CJIB's {@link BbsPresentationVerifier}
 * with the right disclosed values, and the encoding (header, presentation header, message scalars) is the same
 * byte for byte. Skipped only when {@code node} is not installed.
 */
class WalletInteropTest {

  private static WalletProcess wallet;

  @TempDir
  Path dir;

  private TestIssuer issuer;

  @BeforeAll
  static void node() {
    Assumptions.assumeTrue(WalletProcess.nodeAvailable(), "SKIPPED WalletInteropTest: `node` is not on the PATH");
    wallet = WalletProcess.start();
  }

  @BeforeEach
  void issuer() throws Exception {
    issuer = new TestIssuer(dir);
  }

  @ParameterizedTest
  @EnumSource(BbsCiphersuite.class)
  void present_javaSignedCredential_javaAcceptsWalletProofWithDisclosedValues(BbsCiphersuite suite) throws Exception {
    // MSNP is enum index 0 and status list 0 is scalar 0: the case the JavaScript library gets wrong by itself
    String credential = issuer.sign(suite, AssistanceType.MSNP, 0, 4242);
    BbsPresentationVerifier cjib = issuer.cjib();
    PresentationRequest request = cjib.createRequest(DebtAssistanceCredentialV1.SCHEMA,
        DebtAssistanceCredentialV1.CJIB_DISCLOSURE);

    JsonNode answer = wallet.run(presentJob(credential, request.toJson()));

    assertThat(answer.path("ok").asBoolean()).as(answer.toString()).isTrue();
    JsonNode plan = answer.get("plan");
    assertThat(labels(plan.get("disclosed")))
        .containsExactly("BSN", "Soort schuldhulp", "Startdatum hulp", "Geldig tot", "Statuslijst", "Index");
    assertThat(labels(plan.get("hidden")))
        .containsExactly("Gemeente (OIN)", "Datum beschikking", "Schuldbedrag", "Aantal schuldeisers",
            "Schuldhulpverlener");
    String presentationJson = answer.get("presentation").asText();
    assertThat(presentationJson).doesNotContain("counsellor-0815", "1234567", "decisionDate");

    Presentation presentation = Presentation.fromJson(presentationJson, KnownSchemas.builtIn());
    assertThat(presentation.ciphersuite()).isEqualTo(suite);
    VerifiedPresentation verified = cjib.verify(presentation);
    CjibDisclosure facts = CjibDisclosure.from(verified);
    assertThat(facts.bsn()).isEqualTo(TestIssuer.BSN);
    assertThat(facts.assistanceType()).isEqualTo(AssistanceType.MSNP);
    assertThat(facts.helpStartDate()).isEqualTo(LocalDate.of(2025, 2, 17));
    assertThat(facts.validUntil()).isEqualTo(LocalDate.now().plusYears(1));
    assertThat(facts.statusListId()).isZero();
    assertThat(facts.statusIndex()).isEqualTo(4242);
    assertThat(verified.issuerName()).isEqualTo(TestIssuer.UTRECHT_NAME);

    // single use: the same presentation again is a replay
    assertThatThrownBy(() -> cjib.verify(presentation))
        .isInstanceOfSatisfying(CredentialRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(CredentialRejectedException.Reason.NONCE_REPLAYED));
  }

  @Test
  void verify_javaSignedCredential_walletAcceptsAndListsIssuerTypeValidity() throws Exception {
    String credential = issuer.sign(BbsCiphersuite.BLS12_381_SHA_256, AssistanceType.WSNP, 7, 99);

    JsonNode answer = wallet.run(WalletProcess.job("add").put("credential", credential)
        .set("issuerKey", issuer.keyRecordJson()));

    assertThat(answer.path("ok").asBoolean()).as(answer.toString()).isTrue();
    JsonNode summary = answer.get("summary");
    assertThat(summary.get("issuerName").asText()).isEqualTo(TestIssuer.UTRECHT_NAME);
    assertThat(summary.get("issuerOin").asText()).isEqualTo(TestIssuer.UTRECHT.value());
    assertThat(summary.get("keyId").asText()).isEqualTo(issuer.publicKey.keyId().value());
    assertThat(summary.get("assistanceType").asText()).isEqualTo("WSNP");
    assertThat(summary.get("validUntil").asText()).isEqualTo(LocalDate.now().plusYears(1).toString());
    assertThat(summary.get("expired").asBoolean()).isFalse();
    assertThat(answer.get("listed").asInt()).isEqualTo(1);
  }

  @Test
  void verify_tamperedCredential_walletRefusesInDutch() throws Exception {
    String credential = issuer.sign(BbsCiphersuite.BLS12_381_SHA_256, AssistanceType.WSNP, 7, 99);
    ObjectNode doc = (ObjectNode) WalletProcess.JSON.readTree(credential);
    ((ObjectNode) doc.get("attributes")).put("debtAmountCents", 1);
    String tampered = WalletProcess.JSON.writeValueAsString(doc);

    JsonNode answer = wallet.run(WalletProcess.job("add").put("credential", tampered)
        .set("issuerKey", issuer.keyRecordJson()));

    assertThat(answer.get("ok").asBoolean()).isFalse();
    assertThat(answer.get("code").asText()).isEqualTo("INVALID_SIGNATURE");
    assertThat(answer.get("message").asText()).isEqualTo(
        "De handtekening van de gemeente klopt niet: de verklaring is veranderd of beschadigd. "
            + "De verklaring is geweigerd.");
    // and Java agrees that it is not the issuer's credential
    BbsCredentialVerifier holderCheck = new BbsCredentialVerifier(issuer.trust, issuer.trust,
        KnownSchemas.builtIn(), Clock.systemUTC());
    assertThatThrownBy(() -> holderCheck.verify(Credential.fromJson(tampered, KnownSchemas.builtIn())))
        .isInstanceOf(nl.noodrem.zkp.InvalidSignatureException.class);
  }

  @Test
  void verify_credentialOfAnotherKey_walletRefuses() throws Exception {
    String credential = issuer.sign(BbsCiphersuite.BLS12_381_SHA_256, AssistanceType.WSNP, 7, 99);
    TestIssuer impostor = new TestIssuer(Files.createDirectories(dir.resolve("other")));
    ObjectNode wrongKey = impostor.keyRecordJson();

    JsonNode answer = wallet.run(WalletProcess.job("add").put("credential", credential).set("issuerKey", wrongKey));

    assertThat(answer.get("ok").asBoolean()).isFalse();
    assertThat(answer.get("code").asText()).isEqualTo("ISSUER_MISMATCH");
  }

  @Test
  void present_proofForOneRequestSentWithAnotherNonce_javaRejects() throws Exception {
    String credential = issuer.sign(BbsCiphersuite.BLS12_381_SHA_256, AssistanceType.WSNP, 7, 99);
    BbsPresentationVerifier cjib = issuer.cjib();
    PresentationRequest first = cjib.createRequest(DebtAssistanceCredentialV1.SCHEMA,
        DebtAssistanceCredentialV1.CJIB_DISCLOSURE);
    PresentationRequest second = cjib.createRequest(DebtAssistanceCredentialV1.SCHEMA,
        DebtAssistanceCredentialV1.CJIB_DISCLOSURE);
    JsonNode answer = wallet.run(presentJob(credential, first.toJson()));
    assertThat(answer.path("ok").asBoolean()).as(answer.toString()).isTrue();
    ObjectNode moved = (ObjectNode) WalletProcess.JSON.readTree(answer.get("presentation").asText());
    moved.put("nonce", second.nonceText());

    Presentation forSecond = Presentation.fromJson(WalletProcess.JSON.writeValueAsString(moved),
        KnownSchemas.builtIn());

    assertThatThrownBy(() -> cjib.verify(forSecond)).isInstanceOf(InvalidProofException.class);
    // the rejected attempt burnt neither nonce: the genuine presentation for the first request still verifies
    assertThat(cjib.verify(Presentation.fromJson(answer.get("presentation").asText(), KnownSchemas.builtIn())))
        .isNotNull();
  }

  @Test
  void present_proofForAnotherVerifiersRequest_javaRejects() throws Exception {
    String credential = issuer.sign(BbsCiphersuite.BLS12_381_SHA_256, AssistanceType.WSNP, 7, 99);
    BbsPresentationVerifier elsewhere = issuer.cjib();
    PresentationRequest request = elsewhere.createRequest(DebtAssistanceCredentialV1.SCHEMA,
        DebtAssistanceCredentialV1.CJIB_DISCLOSURE);
    JsonNode answer = wallet.run(presentJob(credential, request.toJson()));
    Presentation presentation = Presentation.fromJson(answer.get("presentation").asText(), KnownSchemas.builtIn());

    BbsPresentationVerifier cjib = issuer.cjib(); // its nonce store never issued that nonce

    assertThatThrownBy(() -> cjib.verify(presentation))
        .isInstanceOfSatisfying(CredentialRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(CredentialRejectedException.Reason.NONCE_UNKNOWN));
  }

  @Test
  void present_disclosedValueChanged_javaRejects() throws Exception {
    String credential = issuer.sign(BbsCiphersuite.BLS12_381_SHA_256, AssistanceType.STABILISATIE, 7, 99);
    BbsPresentationVerifier cjib = issuer.cjib();
    PresentationRequest request = cjib.createRequest(DebtAssistanceCredentialV1.SCHEMA,
        DebtAssistanceCredentialV1.CJIB_DISCLOSURE);
    JsonNode answer = wallet.run(presentJob(credential, request.toJson()));
    ObjectNode changed = (ObjectNode) WalletProcess.JSON.readTree(answer.get("presentation").asText());
    ((ObjectNode) changed.get("disclosed")).put("assistanceType", "WSNP");

    Presentation lying = Presentation.fromJson(WalletProcess.JSON.writeValueAsString(changed), KnownSchemas.builtIn());

    assertThatThrownBy(() -> cjib.verify(lying)).isInstanceOf(InvalidProofException.class);
  }

  @Test
  void present_requestForAnotherAudience_walletRefusesWhenCjibExpected() throws Exception {
    String credential = issuer.sign(BbsCiphersuite.BLS12_381_SHA_256, AssistanceType.WSNP, 7, 99);
    PresentationRequest phishing = BbsPresentationVerifier.builder("urn:example:not-cjib")
        .issuerKeys(issuer.trust).schemas(issuer.trust).nonceStore(new nl.noodrem.zkp.credential.InMemoryNonceStore())
        .build()
        .createRequest(DebtAssistanceCredentialV1.SCHEMA, DebtAssistanceCredentialV1.CJIB_DISCLOSURE);

    JsonNode answer = wallet.run(presentJob(credential, phishing.toJson()));

    assertThat(answer.get("ok").asBoolean()).isFalse();
    assertThat(answer.get("code").asText()).isEqualTo("AUDIENCE_MISMATCH");
  }

  @ParameterizedTest
  @EnumSource(BbsCiphersuite.class)
  void encode_walletHeaderAndScalars_sameOctetsAsJava(BbsCiphersuite suite) throws Exception {
    String json = issuer.sign(suite, AssistanceType.BESCHERMINGSBEWIND, 0, Long.MAX_VALUE - 1);
    Credential credential = Credential.fromJson(json, KnownSchemas.builtIn());

    JsonNode answer = wallet.run(WalletProcess.job("encode").put("credential", json));

    assertThat(answer.get("headerHex").asText()).isEqualTo(
        HexFormat.of().formatHex(BbsHeaders.credentialHeader(credential.schema(), credential.issuerKeyId())));
    List<String> javaScalars = new ArrayList<>();
    for (BbsScalar s : AttributeEncoding.encodeAll(suite, DebtAssistanceCredentialV1.SCHEMA, credential.attributes())) {
      javaScalars.add(HexFormat.of().formatHex(s.toBytes()));
    }
    assertThat(texts(answer.get("scalarsHex"))).containsExactlyElementsOf(javaScalars);
  }

  @Test
  void encode_walletPresentationHeader_sameOctetsAsJava() throws Exception {
    byte[] nonce = new byte[32];
    new java.security.SecureRandom().nextBytes(nonce);
    String audience = "urn:nl:oin:00000001003214345000:noodrem:é";
    Instant createdAt = Instant.parse("2025-03-03T09:05:00Z");

    JsonNode answer = wallet.run(WalletProcess.job("presentation-header")
        .put("nonceHex", HexFormat.of().formatHex(nonce))
        .put("audience", audience)
        .put("createdAtSeconds", createdAt.getEpochSecond()));

    assertThat(answer.get("phHex").asText())
        .isEqualTo(HexFormat.of().formatHex(BbsHeaders.presentationHeader(nonce, audience, createdAt)));
  }

  /**
   * The Node tests use credentials Java made once (frontend test/fixtures/java/credentials.json). Java must still
   * accept them and compute the same header and scalars, or those tests would be checking an outdated contract.
   */
  @Test
  void fixtures_javaMadeCredentialsForNodeTests_stillJavasContract() throws Exception {
    JsonNode fixtures = WalletProcess.JSON.readTree(
        WalletProcess.frontendDir().resolve("test/fixtures/java/credentials.json").toFile());
    assertThat(fixtures.get("cases")).hasSizeGreaterThanOrEqualTo(3);
    for (JsonNode c : fixtures.get("cases")) {
      Credential credential = Credential.fromJson(c.get("credential").asText(), KnownSchemas.builtIn());
      IssuerPublicKey key = IssuerPublicKey.fromJson(WalletProcess.JSON.writeValueAsString(c.get("publicKey")));
      InMemoryTrustDirectory trust = new InMemoryTrustDirectory()
          .putKey(new IssuerKeyRecord(key.keyId().value(), key.keyId().issuerOin().value(), "fixture",
              key.chainEncoding(), Instant.EPOCH, Instant.parse("9999-01-01T00:00:00Z"), true, false))
          .putSchema(DebtAssistanceCredentialV1.SCHEMA.toSchemaRecord());
      new BbsCredentialVerifier(trust, trust, KnownSchemas.builtIn(), Clock.systemUTC()).verify(credential);
      assertThat(HexFormat.of().formatHex(BbsHeaders.credentialHeader(credential.schema(), credential.issuerKeyId())))
          .as(c.get("name").asText()).isEqualTo(c.get("headerHex").asText());
      List<String> scalars = new ArrayList<>();
      for (BbsScalar s : AttributeEncoding.encodeAll(credential.ciphersuite(), DebtAssistanceCredentialV1.SCHEMA,
          credential.attributes())) {
        scalars.add(HexFormat.of().formatHex(s.toBytes()));
      }
      assertThat(scalars).as(c.get("name").asText()).containsExactlyElementsOf(texts(c.get("scalarsHex")));
    }
    JsonNode ph = fixtures.get("presentationHeader");
    assertThat(HexFormat.of().formatHex(BbsHeaders.presentationHeader(HexFormat.of().parseHex(ph.get("nonceHex").asText()),
        ph.get("audience").asText(), Instant.parse(ph.get("createdAt").asText()))))
        .isEqualTo(ph.get("phHex").asText());
  }

  private ObjectNode presentJob(String credential, String request) {
    ObjectNode job = WalletProcess.job("present")
        .put("credential", credential)
        .put("request", request)
        .put("expectedAudience", TestIssuer.CJIB_AUDIENCE);
    job.set("issuerKey", issuer.keyRecordJson());
    return job;
  }

  private static List<String> labels(JsonNode attributes) {
    List<String> out = new ArrayList<>();
    attributes.forEach(a -> out.add(a.get("label").asText()));
    return out;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(a -> out.add(a.asText()));
    return out;
  }
}

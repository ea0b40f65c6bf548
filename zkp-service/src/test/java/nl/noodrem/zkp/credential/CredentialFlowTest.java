package nl.noodrem.zkp.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import nl.noodrem.domain.AssistanceType;
import nl.noodrem.zkp.bbs.BbsCiphersuite;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Municipality issues, citizen presents to CJIB, CJIB learns exactly the six facts it asked for. */
class CredentialFlowTest {

  @ParameterizedTest
  @EnumSource(BbsCiphersuite.class)
  void verify_presentationOfIssuedCredential_returnsOnlyRequestedValuesTyped(BbsCiphersuite suite) throws Exception {
    TestWorld world = new TestWorld(suite);
    Credential credential = world.issue();
    PresentationRequest request = world.cjibRequest();
    world.clock.advance(Duration.ofSeconds(20));

    Presentation presentation = world.prover.prove(credential, request);
    VerifiedPresentation verified = world.verifier.verify(presentation);

    assertThat(verified.disclosed().keySet()).containsExactly(
        "bsn", "assistanceType", "helpStartDate", "validUntil", "statusListId", "statusIndex");
    var cjib = DebtAssistanceCredentialV1.CjibDisclosure.from(verified);
    assertThat(cjib.bsn()).isEqualTo(TestWorld.BSN);
    assertThat(cjib.assistanceType()).isEqualTo(AssistanceType.WSNP);
    assertThat(cjib.helpStartDate()).isEqualTo(LocalDate.of(2025, 2, 17));
    assertThat(cjib.validUntil()).isEqualTo(LocalDate.of(2026, 2, 16));
    assertThat(cjib.statusListId()).isEqualTo(7);
    assertThat(cjib.statusIndex()).isEqualTo(4242);
    assertThat(verified.issuerOin()).isEqualTo(TestWorld.UTRECHT.value());
    assertThat(verified.issuerName()).isEqualTo("Gemeente Utrecht");
  }

  @ParameterizedTest
  @EnumSource(BbsCiphersuite.class)
  void jsonRoundTrip_credentialRequestAndPresentation_stillVerify(BbsCiphersuite suite) throws Exception {
    TestWorld world = new TestWorld(suite);
    Credential credential = Credential.fromJson(world.issue().toJson(), KnownSchemas.builtIn());
    PresentationRequest request = PresentationRequest.fromJson(world.cjibRequest().toJson());

    Presentation sent = world.prover.prove(credential, request);
    Presentation received = Presentation.fromJson(sent.toJson(), KnownSchemas.builtIn());

    assertThat(received).isEqualTo(sent);
    assertThat(world.verifier.verify(received).disclosed()).isEqualTo(sent.disclosed());
  }

  @ParameterizedTest
  @EnumSource(BbsCiphersuite.class)
  void prove_hiddenAttributes_doNotAppearInThePresentation(BbsCiphersuite suite) throws Exception {
    TestWorld world = new TestWorld(suite);
    Presentation presentation = world.prover.prove(world.issue(), world.cjibRequest());
    String json = presentation.toJson();

    assertThat(presentation.disclosed()).doesNotContainKeys("debtAmountCents", "creditorCount", "counsellorId",
        "decisionDate", "issuerOin");
    assertThat(json).doesNotContain("1234567").doesNotContain("counsellor-0815").doesNotContain("2025-02-10");
  }

  @ParameterizedTest
  @EnumSource(BbsCiphersuite.class)
  void prove_sameCredentialTwice_givesUnlinkableProofs(BbsCiphersuite suite) throws Exception {
    TestWorld world = new TestWorld(suite);
    Credential credential = world.issue();

    byte[] first = world.prover.prove(credential, world.cjibRequest()).proof();
    byte[] second = world.prover.prove(credential, world.cjibRequest()).proof();

    // Abar, Bbar, D and every response are re-randomised: no 16-octet piece of one proof occurs in the other.
    String other = java.util.HexFormat.of().formatHex(second);
    for (int offset = 0; offset + 16 <= first.length; offset += 16) {
      String piece = java.util.HexFormat.of().formatHex(first, offset, offset + 16);
      assertThat(other).as("piece at %d", offset).doesNotContain(piece);
    }
  }

  @ParameterizedTest
  @EnumSource(BbsCiphersuite.class)
  void verifyCredential_issuedCredential_isAccepted(BbsCiphersuite suite) throws Exception {
    TestWorld world = new TestWorld(suite);
    Credential credential = world.issue();

    VerifiedCredential verified = new BbsCredentialVerifier(world.trust, world.trust, KnownSchemas.builtIn(),
        world.clock).verify(credential);

    assertThat(verified.issuerName()).isEqualTo("Gemeente Utrecht");
    assertThat(credential.issuerKeyId().value()).isEqualTo("00000001002220647000-k1");
    assertThat(credential.attributes().keySet()).containsExactlyElementsOf(
        DebtAssistanceCredentialV1.SCHEMA.attributes().stream().map(AttributeDefinition::name).toList());
    assertThat(credential.toString()).doesNotContain("999993653");
  }
}

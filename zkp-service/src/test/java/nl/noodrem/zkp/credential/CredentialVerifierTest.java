package nl.noodrem.zkp.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.noodrem.zkp.CredentialRejectedException;
import nl.noodrem.zkp.InvalidSignatureException;
import nl.noodrem.zkp.MalformedInputException;
import nl.noodrem.zkp.keys.IssuerSigningKey;
import org.junit.jupiter.api.Test;

/** What a wallet checks when it receives a credential, and what the issuer refuses to sign. */
class CredentialVerifierTest {

  private final TestWorld world = new TestWorld();
  private final CredentialVerifier verifier =
      new BbsCredentialVerifier(world.trust, world.trust, KnownSchemas.builtIn(), world.clock);

  private static Credential withAttributes(Credential c, Map<String, AttributeValue> attributes) {
    return new Credential(c.ciphersuite(), c.schema(), c.issuerKeyId(), c.issuerPublicKey(), c.issuedAt(),
        attributes, c.signature());
  }

  @Test
  void verify_tamperedHiddenAttribute_isInvalidSignature() throws Exception {
    Credential credential = world.issue();
    Map<String, AttributeValue> tampered = new LinkedHashMap<>(credential.attributes());
    tampered.put("debtAmountCents", AttributeValue.integer(1));

    assertThatThrownBy(() -> verifier.verify(withAttributes(credential, tampered)))
        .isInstanceOf(InvalidSignatureException.class);
  }

  @Test
  void verify_embeddedPublicKeyNotTheRegisteredOne_isRejected() throws Exception {
    Credential credential = world.issue();
    IssuerSigningKey other = TestWorld.key(world.issuerKey.keyId().next(), "some other test-only key material!!");
    Credential swapped = new Credential(credential.ciphersuite(), credential.schema(), credential.issuerKeyId(),
        other.publicKey(), credential.issuedAt(), credential.attributes(), credential.signature());

    assertThatThrownBy(() -> verifier.verify(swapped))
        .isInstanceOf(CredentialRejectedException.class)
        .extracting(e -> ((CredentialRejectedException) e).reason())
        .isEqualTo(CredentialRejectedException.Reason.ISSUER_MISMATCH);
  }

  @Test
  void verify_issuerKeyRevokedAfterIssuance_isRejected() throws Exception {
    Credential credential = world.issue();
    world.registerKey(world.issuerKey, TestWorld.START.minus(Duration.ofDays(30)),
        TestWorld.START.plus(Duration.ofDays(3650)), true, true);

    assertThatThrownBy(() -> verifier.verify(credential))
        .isInstanceOf(CredentialRejectedException.class)
        .extracting(e -> ((CredentialRejectedException) e).reason())
        .isEqualTo(CredentialRejectedException.Reason.ISSUER_KEY_REVOKED);
  }

  @Test
  void sign_issuerOinOfAnotherMunicipality_isRefused() {
    Map<String, AttributeValue> attributes = new LinkedHashMap<>(TestWorld.subject().toAttributes());
    attributes.put("issuerOin", AttributeValue.string("00000001002564440000"));

    assertThatThrownBy(() -> world.signer.sign(attributes)).isInstanceOf(MalformedInputException.class);
  }

  @Test
  void cjibDisclosure_disclosedBsnFailingElevenProof_isMalformedNotUnchecked() throws Exception {
    Map<String, AttributeValue> attributes = new LinkedHashMap<>(TestWorld.subject().toAttributes());
    attributes.put("bsn", AttributeValue.string("123456789"));
    Credential credential = world.signer.sign(attributes);
    VerifiedPresentation verified = world.verifier.verify(world.prover.prove(credential, world.cjibRequest()));

    assertThat(verified.string("bsn")).isEqualTo("123456789");
    assertThatThrownBy(() -> DebtAssistanceCredentialV1.CjibDisclosure.from(verified))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageNotContaining("123456789");
  }
}

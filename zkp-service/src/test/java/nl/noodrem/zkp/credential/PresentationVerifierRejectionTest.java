package nl.noodrem.zkp.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.noodrem.zkp.CredentialRejectedException;
import nl.noodrem.zkp.CredentialRejectedException.Reason;
import nl.noodrem.zkp.InvalidProofException;
import nl.noodrem.zkp.MalformedInputException;
import nl.noodrem.zkp.TrustUnavailableException;
import nl.noodrem.zkp.bbs.BbsCiphersuite;
import nl.noodrem.zkp.keys.IssuerKeyId;
import nl.noodrem.zkp.keys.IssuerSigningKey;
import nl.noodrem.zkp.trust.IssuerKeyDirectory;
import nl.noodrem.zkp.trust.TrustLookupException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Every way a presentation must be turned down, each with its own typed reason. */
class PresentationVerifierRejectionTest {

  private final TestWorld world = new TestWorld();

  private Presentation validPresentation() throws Exception {
    return world.prover.prove(world.issue(), world.cjibRequest());
  }

  private static void assertRejected(ThrowingCallable call, Reason reason) {
    assertThatThrownBy(call)
        .isInstanceOf(CredentialRejectedException.class)
        .extracting(e -> ((CredentialRejectedException) e).reason())
        .isEqualTo(reason);
  }

  private static Presentation with(Presentation p, Map<String, AttributeValue> disclosed, String audience,
      Instant createdAt, IssuerKeyId keyId, byte[] proof) {
    return new Presentation(p.ciphersuite(), p.schema(), keyId, audience, p.nonce(), createdAt, disclosed, proof);
  }

  @Test
  void verify_samePresentationTwice_secondIsRejectedAsReplay() throws Exception {
    Presentation p = validPresentation();
    world.verifier.verify(p);

    assertRejected(() -> world.verifier.verify(p), Reason.NONCE_REPLAYED);
  }

  @Test
  void verify_concurrentSubmissionsOfOnePresentation_acceptsExactlyOne() throws Exception {
    Presentation p = validPresentation();
    int threads = 6;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> results = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Callable<Boolean> attempt = () -> {
        start.await();
        try {
          world.verifier.verify(p);
          return true;
        } catch (CredentialRejectedException e) {
          assertThat(e.reason()).isEqualTo(Reason.NONCE_REPLAYED);
          return false;
        }
      };
      results.add(pool.submit(attempt));
    }
    start.countDown();
    int accepted = 0;
    for (Future<Boolean> f : results) {
      accepted += f.get() ? 1 : 0;
    }
    pool.shutdown();
    assertThat(accepted).isEqualTo(1);
  }

  @Test
  void verify_nonceNeverIssued_isRejected() throws Exception {
    Presentation p = validPresentation();
    TestWorld other = new TestWorld();

    assertRejected(() -> other.verifier.verify(p), Reason.NONCE_UNKNOWN);
  }

  @Test
  void verify_tamperedPresentationFirst_doesNotBurnTheNonceForTheGenuineOne() throws Exception {
    Presentation p = validPresentation();
    Map<String, AttributeValue> forged = new LinkedHashMap<>(p.disclosed());
    forged.put("assistanceType", AttributeValue.enumeration("MSNP"));

    assertThatThrownBy(() -> world.verifier.verify(
        with(p, forged, p.audience(), p.createdAt(), p.issuerKeyId(), p.proof())))
        .isInstanceOf(InvalidProofException.class);
    assertThat(world.verifier.verify(p).disclosed()).isEqualTo(p.disclosed());
  }

  @Test
  void verify_tamperedDisclosedBsn_isRejectedAsInvalidProof() throws Exception {
    Presentation p = validPresentation();
    Map<String, AttributeValue> forged = new LinkedHashMap<>(p.disclosed());
    forged.put("bsn", AttributeValue.string("111222333"));

    assertThatThrownBy(() -> world.verifier.verify(
        with(p, forged, p.audience(), p.createdAt(), p.issuerKeyId(), p.proof())))
        .isInstanceOf(InvalidProofException.class);
  }

  @Test
  void verify_laterValidUntilClaimed_isRejectedAsInvalidProof() throws Exception {
    Presentation p = validPresentation();
    Map<String, AttributeValue> forged = new LinkedHashMap<>(p.disclosed());
    forged.put("validUntil", AttributeValue.date(java.time.LocalDate.of(2030, 1, 1)));

    assertThatThrownBy(() -> world.verifier.verify(
        with(p, forged, p.audience(), p.createdAt(), p.issuerKeyId(), p.proof())))
        .isInstanceOf(InvalidProofException.class);
  }

  @Test
  void verify_otherAudience_isRejected() throws Exception {
    Presentation p = validPresentation();

    assertRejected(() -> world.verifier.verify(
        with(p, p.disclosed(), "urn:other-verifier", p.createdAt(), p.issuerKeyId(), p.proof())),
        Reason.AUDIENCE_MISMATCH);
  }

  @Test
  void verify_createdAtShiftedWithinWindow_breaksThePresentationHeader() throws Exception {
    Presentation p = validPresentation();

    assertThatThrownBy(() -> world.verifier.verify(
        with(p, p.disclosed(), p.audience(), p.createdAt().plusSeconds(1), p.issuerKeyId(), p.proof())))
        .isInstanceOf(InvalidProofException.class);
  }

  @Test
  void verify_afterRequestExpiry_isRejected() throws Exception {
    Presentation p = validPresentation();
    world.clock.advance(Duration.ofMinutes(11));

    assertRejected(() -> world.verifier.verify(p), Reason.REQUEST_EXPIRED);
  }

  @Test
  void verify_holderClockFarAhead_isRejectedAsOutOfWindow() throws Exception {
    Credential credential = world.issue();
    PresentationRequest request = world.cjibRequest();
    Clock ahead = Clock.offset(world.clock, Duration.ofMinutes(5));
    Presentation p = new BbsPresentationProver(KnownSchemas.builtIn(), ahead).prove(credential, request);

    assertRejected(() -> world.verifier.verify(p), Reason.PRESENTATION_TIME_OUT_OF_WINDOW);
  }

  @Test
  void verify_moreDisclosedThanRequested_isRejected() throws Exception {
    Credential credential = world.issue();
    PresentationRequest request = world.cjibRequest();
    List<String> more = new ArrayList<>(request.disclose());
    more.add("debtAmountCents");
    PresentationRequest widened = new PresentationRequest(request.schema(), more, request.nonce(),
        request.audience(), request.issuedAt(), request.expiresAt());
    Presentation p = world.prover.prove(credential, widened);

    assertRejected(() -> world.verifier.verify(p), Reason.DISCLOSURE_MISMATCH);
  }

  @Test
  void verify_proofForOtherDisclosedIndexes_isRejectedAsInvalidProof() throws Exception {
    // The holder proves disclosure of {bsn, issuerOin} but claims it disclosed {bsn, decisionDate}
    Credential credential = world.issue();
    PresentationRequest request = world.verifier.createRequest(DebtAssistanceCredentialV1.SCHEMA,
        List.of("bsn", "decisionDate", "statusListId", "statusIndex"));
    PresentationRequest other = new PresentationRequest(request.schema(),
        List.of("bsn", "issuerOin", "statusListId", "statusIndex"), request.nonce(), request.audience(),
        request.issuedAt(), request.expiresAt());
    Presentation p = world.prover.prove(credential, other);
    Map<String, AttributeValue> claimed = new LinkedHashMap<>();
    claimed.put("bsn", p.disclosed().get("bsn"));
    claimed.put("decisionDate", credential.attributes().get("decisionDate"));
    claimed.put("statusListId", p.disclosed().get("statusListId"));
    claimed.put("statusIndex", p.disclosed().get("statusIndex"));

    assertThatThrownBy(() -> world.verifier.verify(
        with(p, claimed, p.audience(), p.createdAt(), p.issuerKeyId(), p.proof())))
        .isInstanceOf(InvalidProofException.class);
  }

  @Test
  void verify_keyIdOfAnotherRegisteredKey_isRejectedAsInvalidProof() throws Exception {
    IssuerSigningKey k2 = TestWorld.key(world.issuerKey.keyId().next(), "test-only key material for k2 of Utrecht!!");
    world.registerKey(k2, TestWorld.START.minus(Duration.ofDays(1)), TestWorld.START.plus(Duration.ofDays(99)),
        true, false);
    Presentation p = validPresentation();

    assertThatThrownBy(() -> world.verifier.verify(
        with(p, p.disclosed(), p.audience(), p.createdAt(), k2.keyId(), p.proof())))
        .isInstanceOf(InvalidProofException.class);
  }

  @Test
  void verify_revokedIssuerKey_isRejected() throws Exception {
    Presentation p = validPresentation();
    world.registerKey(world.issuerKey, TestWorld.START.minus(Duration.ofDays(30)),
        TestWorld.START.plus(Duration.ofDays(3650)), true, true);

    assertRejected(() -> world.verifier.verify(p), Reason.ISSUER_KEY_REVOKED);
  }

  @Test
  void verify_expiredIssuerKey_isRejected() throws Exception {
    Presentation p = validPresentation();
    world.registerKey(world.issuerKey, TestWorld.START.minus(Duration.ofDays(30)), TestWorld.START, true, false);

    assertRejected(() -> world.verifier.verify(p), Reason.ISSUER_KEY_EXPIRED);
  }

  @Test
  void verify_issuerKeyNotYetValid_isRejected() throws Exception {
    Presentation p = validPresentation();
    world.registerKey(world.issuerKey, TestWorld.START.plus(Duration.ofDays(1)),
        TestWorld.START.plus(Duration.ofDays(30)), true, false);

    assertRejected(() -> world.verifier.verify(p), Reason.ISSUER_KEY_NOT_YET_VALID);
  }

  @Test
  void verify_suspendedIssuer_isRejected() throws Exception {
    Presentation p = validPresentation();
    world.registerKey(world.issuerKey, TestWorld.START.minus(Duration.ofDays(30)),
        TestWorld.START.plus(Duration.ofDays(3650)), false, false);

    assertRejected(() -> world.verifier.verify(p), Reason.ISSUER_INACTIVE);
  }

  @Test
  void verify_unknownIssuerKey_isRejected() throws Exception {
    Presentation p = validPresentation();
    IssuerKeyId unknown = IssuerKeyId.of(nl.noodrem.domain.Oin.of("00000001001234567000"), 1);

    assertRejected(() -> world.verifier.verify(
        with(p, p.disclosed(), p.audience(), p.createdAt(), unknown, p.proof())), Reason.ISSUER_KEY_UNKNOWN);
  }

  @Test
  void verify_schemaNotRegistered_isRejected() throws Exception {
    Presentation p = validPresentation();
    BbsPresentationVerifier verifier = world.verifierBuilder()
        .schemas((id, version) -> java.util.Optional.empty()).build();

    assertRejected(() -> verifier.verify(p), Reason.SCHEMA_UNKNOWN);
  }

  @Test
  void verify_registeredSchemaWithOtherHash_isRejected() throws Exception {
    Presentation p = validPresentation();
    var registered = DebtAssistanceCredentialV1.SCHEMA.toSchemaRecord();
    var tampered = new nl.noodrem.zkp.trust.SchemaRecord(registered.schemaId(), registered.version(),
        registered.attributes(), new byte[32]);
    BbsPresentationVerifier verifier = world.verifierBuilder()
        .schemas((id, version) -> java.util.Optional.of(tampered)).build();

    assertRejected(() -> verifier.verify(p), Reason.SCHEMA_MISMATCH);
  }

  @Test
  void verify_revokedCredential_isRejected() throws Exception {
    Presentation p = validPresentation();
    world.trust.revoke(7, 4242);

    assertRejected(() -> world.verifier.verify(p), Reason.CREDENTIAL_REVOKED);
  }

  @Test
  void verify_validUntilPassed_isRejected() throws Exception {
    Credential credential = world.issue();
    world.clock.set(Instant.parse("2026-02-17T10:00:00Z")); // validUntil was 2026-02-16
    PresentationRequest request = world.cjibRequest();
    Presentation p = world.prover.prove(credential, request);

    assertRejected(() -> world.verifier.verify(p), Reason.CREDENTIAL_EXPIRED);
  }

  @Test
  void verify_ciphersuiteNotAllowed_isRejected() throws Exception {
    Presentation p = validPresentation();
    BbsPresentationVerifier strict = world.verifierBuilder()
        .allowedCiphersuites(EnumSet.of(BbsCiphersuite.BLS12_381_SHAKE_256)).build();

    assertRejected(() -> strict.verify(p), Reason.CIPHERSUITE_NOT_ALLOWED);
  }

  @Test
  void verify_directoryDown_isTrustUnavailableNotValid() throws Exception {
    Presentation p = validPresentation();
    IssuerKeyDirectory down = keyId -> {
      throw new TrustLookupException("chain node unreachable");
    };
    BbsPresentationVerifier verifier = world.verifierBuilder().issuerKeys(down).build();

    assertThatThrownBy(() -> verifier.verify(p)).isInstanceOf(TrustUnavailableException.class);
  }

  @Test
  void verify_statusListDown_isTrustUnavailableNotValid() throws Exception {
    Presentation p = validPresentation();
    BbsPresentationVerifier verifier = world.verifierBuilder().revocation((list, index) -> {
      throw new TrustLookupException("status list unreadable");
    }).build();

    assertThatThrownBy(() -> verifier.verify(p)).isInstanceOf(TrustUnavailableException.class);
  }

  @Test
  void createRequest_revocationCheckedButStatusNotDisclosed_isRefused() {
    assertThatThrownBy(() -> world.verifier.createRequest(DebtAssistanceCredentialV1.SCHEMA, List.of("bsn")))
        .isInstanceOf(MalformedInputException.class);
  }

  @Test
  void createRequest_unknownAttribute_isRefused() {
    assertThatThrownBy(() -> world.verifier.createRequest(DebtAssistanceCredentialV1.SCHEMA,
        List.of("bsn", "statusListId", "statusIndex", "shoeSize"))).isInstanceOf(MalformedInputException.class);
  }

  @Test
  void prove_expiredRequest_isRefusedByTheHolder() throws Exception {
    Credential credential = world.issue();
    PresentationRequest request = world.cjibRequest();
    world.clock.advance(Duration.ofHours(1));

    assertRejected(() -> world.prover.prove(credential, request), Reason.REQUEST_EXPIRED);
  }
}

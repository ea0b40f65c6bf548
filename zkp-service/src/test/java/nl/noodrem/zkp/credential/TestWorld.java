package nl.noodrem.zkp.credential;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import nl.noodrem.domain.AssistanceType;
import nl.noodrem.domain.Bsn;
import nl.noodrem.domain.Oin;
import nl.noodrem.zkp.bbs.BbsCiphersuite;
import nl.noodrem.zkp.bbs.BbsSecretKey;
import nl.noodrem.zkp.keys.IssuerKeyId;
import nl.noodrem.zkp.keys.IssuerSigningKey;
import nl.noodrem.zkp.testing.MutableClock;
import nl.noodrem.zkp.trust.InMemoryTrustDirectory;
import nl.noodrem.zkp.trust.IssuerKeyRecord;

/**
 * A municipality (issuer), a citizen's wallet (prover) and CJIB (verifier) wired to an in-memory trust directory,
 * with a clock the test controls. Keys come from fixed test key material: test-only, never for production.
 */
final class TestWorld {

  static final Instant START = Instant.parse("2025-03-03T09:00:00Z");
  static final Oin UTRECHT = Oin.of("00000001002220647000");
  static final String CJIB = "urn:nl:oin:00000001800866472000:noodrem";
  /** A BSN that passes the 11-proof (a published test number, not a person). */
  static final Bsn BSN = Bsn.of("999993653");

  final MutableClock clock = new MutableClock(START);
  final InMemoryTrustDirectory trust = new InMemoryTrustDirectory();
  final InMemoryNonceStore nonces = new InMemoryNonceStore(clock, Duration.ofDays(1));
  final BbsCiphersuite suite;
  final IssuerSigningKey issuerKey;
  final CredentialSigner signer;
  final PresentationProver prover;
  final BbsPresentationVerifier verifier;

  TestWorld() {
    this(BbsCiphersuite.BLS12_381_SHA_256);
  }

  TestWorld(BbsCiphersuite suite) {
    this.suite = suite;
    this.issuerKey = key(IssuerKeyId.first(UTRECHT), "test-only key material for k1 of Utrecht!!");
    registerKey(issuerKey, START.minus(Duration.ofDays(30)), START.plus(Duration.ofDays(3650)), true, false);
    trust.putSchema(DebtAssistanceCredentialV1.SCHEMA.toSchemaRecord());
    this.signer = new BbsCredentialSigner(suite, DebtAssistanceCredentialV1.SCHEMA, issuerKey, clock);
    this.prover = new BbsPresentationProver(KnownSchemas.builtIn(), clock);
    this.verifier = verifierBuilder().build();
  }

  BbsPresentationVerifier.Builder verifierBuilder() {
    return BbsPresentationVerifier.builder(CJIB)
        .issuerKeys(trust)
        .schemas(trust)
        .nonceStore(nonces)
        .revocation(trust)
        .clock(clock)
        .random(new SecureRandom());
  }

  static IssuerSigningKey key(IssuerKeyId keyId, String material) {
    try {
      return new IssuerSigningKey(keyId, BbsSecretKey.keyGen(BbsCiphersuite.BLS12_381_SHA_256,
          material.getBytes(StandardCharsets.US_ASCII), keyId.value().getBytes(StandardCharsets.US_ASCII)));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  void registerKey(IssuerSigningKey key, Instant from, Instant until, boolean active, boolean revoked) {
    trust.putKey(new IssuerKeyRecord(key.keyId().value(), key.keyId().issuerOin().value(), "Gemeente Utrecht",
        key.publicKey().toBytes(), from, until, active, revoked));
  }

  static DebtAssistanceCredentialV1.Subject subject() {
    return new DebtAssistanceCredentialV1.Subject(BSN, UTRECHT, AssistanceType.WSNP,
        LocalDate.of(2025, 2, 10), LocalDate.of(2025, 2, 17), LocalDate.of(2026, 2, 16),
        7, 4242, 1_234_567, 9, "counsellor-0815");
  }

  Credential issue() throws Exception {
    return signer.sign(subject().toAttributes());
  }

  PresentationRequest cjibRequest() throws Exception {
    return verifier.createRequest(DebtAssistanceCredentialV1.SCHEMA, DebtAssistanceCredentialV1.CJIB_DISCLOSURE);
  }
}

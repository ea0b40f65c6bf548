package nl.noodrem.app.wallet;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import nl.noodrem.domain.AssistanceType;
import nl.noodrem.domain.Bsn;
import nl.noodrem.domain.Oin;
import nl.noodrem.zkp.bbs.BbsCiphersuite;
import nl.noodrem.zkp.credential.BbsCredentialSigner;
import nl.noodrem.zkp.credential.BbsPresentationVerifier;
import nl.noodrem.zkp.credential.DebtAssistanceCredentialV1;
import nl.noodrem.zkp.credential.InMemoryNonceStore;
import nl.noodrem.zkp.keys.EncryptedFileIssuerKeyStore;
import nl.noodrem.zkp.keys.IssuerPublicKey;
import nl.noodrem.zkp.trust.InMemoryTrustDirectory;
import nl.noodrem.zkp.trust.IssuerKeyRecord;

/**
 * A municipality and CJIB as zkp-service's public API makes them: an issuer key in an encrypted key store, a
 * signer, the trust directory (standing in for the chain) and CJIB's presentation verifier.
 */
final class TestIssuer {

  static final Oin UTRECHT = Oin.of("00000001002220647000");
  static final String UTRECHT_NAME = "Gemeente Utrecht";
  static final String CJIB_AUDIENCE = "urn:nl:oin:00000001003214345000:noodrem";
  static final Bsn BSN = Bsn.of("999993653");

  final IssuerPublicKey publicKey;
  final InMemoryTrustDirectory trust = new InMemoryTrustDirectory();
  final IssuerKeyRecord keyRecord;
  private final EncryptedFileIssuerKeyStore keys;

  TestIssuer(Path dir) throws Exception {
    keys = new EncryptedFileIssuerKeyStore(dir.resolve("issuer-keys.json"), "test-password-1".toCharArray(),
        EncryptedFileIssuerKeyStore.MIN_ITERATIONS, new SecureRandom(), Clock.systemUTC());
    publicKey = keys.generate(UTRECHT);
    Instant now = Instant.now();
    keyRecord = new IssuerKeyRecord(publicKey.keyId().value(), UTRECHT.value(), UTRECHT_NAME,
        publicKey.chainEncoding(), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)), true, false);
    trust.putKey(keyRecord).putSchema(DebtAssistanceCredentialV1.SCHEMA.toSchemaRecord());
  }

  /** A credential for the test citizen, as the municipality's portal hands it to the wallet. */
  String sign(BbsCiphersuite suite, AssistanceType type, long statusListId, long statusIndex) throws Exception {
    var subject = new DebtAssistanceCredentialV1.Subject(BSN, UTRECHT, type, LocalDate.of(2025, 2, 10),
        LocalDate.of(2025, 2, 17), LocalDate.now().plusYears(1), statusListId, statusIndex, 1_234_567L, 9,
        "counsellor-0815");
    return new BbsCredentialSigner(suite, DebtAssistanceCredentialV1.SCHEMA, keys.load(publicKey.keyId()),
        Clock.systemUTC()).sign(subject.toAttributes()).toJson();
  }

  /** The key record as the portal would pass it to the wallet (what the server read from the chain). */
  ObjectNode keyRecordJson() {
    return WalletProcess.JSON.createObjectNode()
        .put("keyId", keyRecord.keyId())
        .put("issuerOin", keyRecord.issuerOin())
        .put("issuerName", keyRecord.issuerName())
        .put("publicKey", Base64.getUrlEncoder().withoutPadding().encodeToString(keyRecord.publicKey()))
        .put("validFrom", keyRecord.validFrom().toString())
        .put("validUntil", keyRecord.validUntil().toString())
        .put("issuerActive", keyRecord.issuerActive())
        .put("keyRevoked", keyRecord.keyRevoked());
  }

  /** CJIB's verifier over this issuer's trust directory, with its own nonce store. */
  BbsPresentationVerifier cjib() {
    return BbsPresentationVerifier.builder(CJIB_AUDIENCE)
        .issuerKeys(trust)
        .schemas(trust)
        .revocation(trust)
        .nonceStore(new InMemoryNonceStore())
        .build();
  }
}

package nl.noodrem.app.adapters;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import nl.noodrem.domain.Oin;
import nl.noodrem.ledger.Ledger;
import nl.noodrem.processes.port.DisclosedFacts;
import nl.noodrem.processes.port.PortUnavailableException;
import nl.noodrem.processes.port.PresentationRequest;
import nl.noodrem.processes.port.PresentationVerifier;
import nl.noodrem.processes.port.ProofRejection;
import nl.noodrem.processes.port.Verification;
import nl.noodrem.zkp.CredentialRejectedException;
import nl.noodrem.zkp.InvalidProofException;
import nl.noodrem.zkp.MalformedInputException;
import nl.noodrem.zkp.NonceStoreException;
import nl.noodrem.zkp.TrustUnavailableException;
import nl.noodrem.zkp.credential.BbsPresentationVerifier;
import nl.noodrem.zkp.credential.DebtAssistanceCredentialV1;
import nl.noodrem.zkp.credential.KnownSchemas;
import nl.noodrem.zkp.credential.NonceStore;
import nl.noodrem.zkp.credential.Presentation;
import nl.noodrem.zkp.credential.VerifiedPresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * CJIB's check of a presented proof: zkp-service's BBS verifier against the issuer keys and schemas on chain, bound
 * to the request the brake made. Nonces are single use across all nodes ({@link JdbcUsedNonces}). The presentation
 * holds the BSN in clear: it is never logged or kept here.
 */
@Component
class ZkpPresentationVerifier implements PresentationVerifier {

  private static final Logger LOG = LoggerFactory.getLogger(ZkpPresentationVerifier.class);

  private final Ledger ledger;
  private final JdbcUsedNonces usedNonces;
  private final Clock clock;
  private final KnownSchemas schemas = KnownSchemas.builtIn();

  ZkpPresentationVerifier(Ledger ledger, JdbcUsedNonces usedNonces, Clock clock) {
    this.ledger = ledger;
    this.usedNonces = usedNonces;
    this.clock = clock;
  }

  @Override
  public Verification verify(String presentationJson, PresentationRequest request) throws PortUnavailableException {
    var zkpRequest = WalletRequests.toZkp(request);
    BbsPresentationVerifier verifier = BbsPresentationVerifier.builder(request.audience())
        .issuerKeys(ledger)
        .schemas(ledger)
        .knownSchemas(schemas)
        .nonceStore(new RequestBoundNonces(zkpRequest, usedNonces))
        .clock(clock)
        .build();
    try {
      VerifiedPresentation verified = verifier.verify(Presentation.fromJson(presentationJson, schemas));
      var disclosed = DebtAssistanceCredentialV1.CjibDisclosure.from(verified);
      return new Verification.Accepted(new DisclosedFacts(disclosed.bsn(), Oin.of(verified.issuerOin()),
          disclosed.assistanceType(), disclosed.helpStartDate(), disclosed.validUntil(), disclosed.statusListId(),
          disclosed.statusIndex()));
    } catch (MalformedInputException e) {
      return rejected(ProofRejection.MALFORMED, e);
    } catch (InvalidProofException e) {
      return rejected(ProofRejection.FORGED, e);
    } catch (CredentialRejectedException e) {
      return rejected(map(e.reason()), e);
    } catch (TrustUnavailableException | NonceStoreException e) {
      throw new PortUnavailableException("the proof cannot be verified now: " + e.getMessage(), e);
    }
  }

  private static Verification rejected(ProofRejection reason, Exception cause) {
    // zkp-service's messages never carry attribute values
    LOG.info("presentation refused: {} ({})", reason, cause.getMessage());
    return new Verification.Rejected(reason);
  }

  static ProofRejection map(CredentialRejectedException.Reason reason) {
    return switch (reason) {
      case ISSUER_KEY_UNKNOWN -> ProofRejection.ISSUER_UNKNOWN;
      case ISSUER_INACTIVE -> ProofRejection.ISSUER_NOT_ACCREDITED;
      case ISSUER_KEY_NOT_YET_VALID, ISSUER_KEY_EXPIRED, ISSUER_KEY_REVOKED -> ProofRejection.ISSUER_KEY_NOT_VALID;
      case ISSUER_MISMATCH -> ProofRejection.FORGED;
      case SCHEMA_UNKNOWN, SCHEMA_MISMATCH -> ProofRejection.SCHEMA_UNKNOWN;
      case CIPHERSUITE_NOT_ALLOWED -> ProofRejection.MALFORMED;
      case NONCE_UNKNOWN, NONCE_REPLAYED, REQUEST_EXPIRED, PRESENTATION_TIME_OUT_OF_WINDOW -> ProofRejection.REPLAYED;
      case AUDIENCE_MISMATCH -> ProofRejection.WRONG_AUDIENCE;
      case DISCLOSURE_MISMATCH -> ProofRejection.DISCLOSURE_MISMATCH;
      case CREDENTIAL_EXPIRED -> ProofRejection.EXPIRED;
      case CREDENTIAL_REVOKED -> ProofRejection.REVOKED;
    };
  }

  /**
   * The zkp verifier's view of nonces for one verification: the only request it may accept is the one the brake
   * holds, and whether its nonce was used is decided by the shared table.
   */
  private record RequestBoundNonces(nl.noodrem.zkp.credential.PresentationRequest request, JdbcUsedNonces used)
      implements NonceStore {

    @Override
    public void remember(nl.noodrem.zkp.credential.PresentationRequest r) {
      // requests are made and kept by the brake process
    }

    @Override
    public Optional<Entry> find(byte[] nonce) throws NonceStoreException {
      if (!Arrays.equals(nonce, request.nonce())) {
        return Optional.empty();
      }
      return Optional.of(new Entry(request, used.usedAt(request.nonceText())));
    }

    @Override
    public boolean markUsed(byte[] nonce, Instant at) throws NonceStoreException {
      return Arrays.equals(nonce, request.nonce()) && used.markUsed(request.nonceText(), at);
    }
  }
}

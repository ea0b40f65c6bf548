package nl.noodrem.app.adapters;

import java.time.Clock;
import nl.noodrem.processes.port.CredentialAttributes;
import nl.noodrem.processes.port.CredentialSigner;
import nl.noodrem.processes.port.PortUnavailableException;
import nl.noodrem.processes.port.SignedCredential;
import nl.noodrem.zkp.KeyStoreAccessException;
import nl.noodrem.zkp.MalformedInputException;
import nl.noodrem.zkp.bbs.BbsCiphersuite;
import nl.noodrem.zkp.credential.BbsCredentialSigner;
import nl.noodrem.zkp.credential.DebtAssistanceCredentialV1;
import nl.noodrem.zkp.keys.IssuerKeyId;
import nl.noodrem.zkp.keys.IssuerKeyManager;
import org.springframework.stereotype.Component;

/**
 * Signs a DebtAssistanceCredential with the municipality's current BBS key (BLS12-381-SHA-256). The credential
 * goes to the citizen's wallet and is not kept.
 */
@Component
class ZkpCredentialSigner implements CredentialSigner {

  private final IssuerKeyManager keys;
  private final Clock clock;

  ZkpCredentialSigner(IssuerKeyManager keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  @Override
  public SignedCredential sign(CredentialAttributes a) throws PortUnavailableException {
    try {
      IssuerKeyId keyId = keys.currentKeyId(a.issuerOin()).orElseThrow(() ->
          new IllegalArgumentException("municipality " + a.issuerOin() + " has no signing key here"));
      var signer = new BbsCredentialSigner(BbsCiphersuite.BLS12_381_SHA_256, DebtAssistanceCredentialV1.SCHEMA,
          keys.load(keyId), clock);
      var subject = new DebtAssistanceCredentialV1.Subject(a.bsn(), a.issuerOin(), a.assistanceType(),
          a.decisionDate(), a.helpStartDate(), a.validUntil(), a.statusListId(), a.statusIndex(),
          a.debtAmountCents(), a.creditorCount(), a.counsellorId());
      return new SignedCredential(signer.sign(subject.toAttributes()).toJson());
    } catch (KeyStoreAccessException e) {
      throw new PortUnavailableException("the municipality's key store cannot be used now", e);
    } catch (MalformedInputException e) {
      throw new IllegalArgumentException("credential attributes do not fit the schema: " + e.getMessage(), e);
    }
  }
}

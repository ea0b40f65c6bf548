package nl.noodrem.app.adapters;

import java.util.Arrays;
import nl.noodrem.app.chain.ChainConnection;
import nl.noodrem.ledger.ContractRevertedException;
import nl.noodrem.ledger.IssuerAccreditation;
import nl.noodrem.ledger.IssuerKey;
import nl.noodrem.ledger.KeyId;
import nl.noodrem.ledger.LedgerException;
import nl.noodrem.processes.port.IssuerAccreditor;
import nl.noodrem.processes.port.IssuerApplication;
import nl.noodrem.processes.port.PortUnavailableException;
import org.springframework.stereotype.Component;

/** Accredits a municipality on chain with the network admin's (the ministry's) account. */
@Component
class LedgerIssuerAccreditor implements IssuerAccreditor {

  private final ChainConnection chain;

  LedgerIssuerAccreditor(ChainConnection chain) {
    this.chain = chain;
  }

  @Override
  public String accredit(IssuerApplication application) throws PortUnavailableException {
    var admin = chain.networkAdmin().orElseThrow(() -> new IllegalArgumentException(
        "this node holds no network admin account (noodrem.chain.network-admin-key-file)"));
    KeyId keyId = KeyId.of(application.keyId());
    // a retried job after a mined transaction: the same key is already there
    var existing = chain.ledger().key(keyId);
    if (existing.isPresent() && sameKey(existing.get(), application)) {
      return "already-accredited";
    }
    try {
      return chain.ledger().networkAdmin(admin).accredit(new IssuerAccreditation(application.oin(),
          application.name(), application.account(), new IssuerAccreditation.KeySpec(keyId,
              application.publicKey(), application.validFrom(), application.validUntil()))).transactionHash();
    } catch (ContractRevertedException e) {
      throw new IllegalArgumentException("issuer registry refused the accreditation: " + e.error(), e);
    } catch (LedgerException e) {
      throw new PortUnavailableException("chain unavailable while accrediting " + application.oin(), e);
    }
  }

  private static boolean sameKey(IssuerKey key, IssuerApplication application) {
    return key.issuerOin().equals(application.oin()) && Arrays.equals(key.publicKey(), application.publicKey());
  }
}

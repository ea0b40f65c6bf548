package nl.noodrem.app.chain;

import java.util.Map;
import java.util.Optional;
import nl.noodrem.domain.Oin;
import nl.noodrem.ledger.Ledger;
import org.web3j.crypto.Credentials;

/**
 * The app's view of the chain: the client, and the accounts this node may write with.
 *
 * @param kind what kind of node this is, for health and logs (e.g. "dev chain (Anvil, development only)")
 * @param networkAdmin the ministry's account, on the node that administers the network
 * @param issuerAccounts the municipalities' writing accounts (status lists), by OIN
 * @param deploymentBlock where the contracts were deployed; the event subscription starts there
 */
public record ChainConnection(
    String kind, Ledger ledger, Optional<Credentials> networkAdmin, Map<Oin, Credentials> issuerAccounts,
    long deploymentBlock) {

  public ChainConnection {
    issuerAccounts = Map.copyOf(issuerAccounts);
  }

  /** @throws IllegalArgumentException when this node holds no writing account for that issuer */
  public Credentials issuerAccount(Oin issuer) {
    Credentials account = issuerAccounts.get(issuer);
    if (account == null) {
      throw new IllegalArgumentException("no writing account configured for issuer " + issuer);
    }
    return account;
  }

  @Override
  public String toString() {
    return "ChainConnection[" + kind + ", issuers " + issuerAccounts.keySet() + "]";
  }
}

package nl.noodrem.ledger.devchain;

import java.util.List;
import java.util.Optional;
import nl.noodrem.domain.Oin;
import nl.noodrem.ledger.AddressBook;
import nl.noodrem.ledger.KeyId;
import org.web3j.crypto.Credentials;

/**
 * What {@link DevChainBootstrap} set up. DEV ONLY: it carries the dev accounts' (public, well-known)
 * keys so the app can act as the ministry and the municipalities on the dev chain.
 *
 * @param deploymentBlock the block of the first deployment; event subscriptions start here
 */
public record DevChainDeployment(String rpcUrl, AddressBook addressBook, long deploymentBlock,
    Credentials networkAdmin, List<Issuer> issuers) {

  /**
   * One accredited demo issuer.
   *
   * @param account its writing account (DEV ONLY key)
   * @param statusListId the status list created for it
   */
  public record Issuer(Oin oin, String name, KeyId keyId, Credentials account, long statusListId) {
    @Override
    public String toString() {
      return "Issuer[" + oin + " " + name + ", key " + keyId + ", account " + account.getAddress()
          + ", status list " + statusListId + "]";
    }
  }

  public DevChainDeployment {
    issuers = List.copyOf(issuers);
  }

  public Optional<Issuer> issuer(Oin oin) {
    return issuers.stream().filter(i -> i.oin().equals(oin)).findFirst();
  }

  @Override
  public String toString() {
    return "DevChainDeployment[" + rpcUrl + ", " + addressBook.addresses() + ", from block " + deploymentBlock
        + ", admin " + networkAdmin.getAddress() + ", " + issuers + "]";
  }
}

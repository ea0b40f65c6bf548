package nl.noodrem.ledger.devchain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import nl.noodrem.ledger.AddressBook;
import nl.noodrem.ledger.DebtAssistanceSchema;
import nl.noodrem.ledger.IssuerAccreditation;
import nl.noodrem.ledger.IssuerClient;
import nl.noodrem.ledger.Ledger;
import nl.noodrem.ledger.LedgerOptions;
import nl.noodrem.ledger.NetworkAdminClient;
import nl.noodrem.ledger.RegistryDeployer;
import nl.noodrem.ledger.devchain.devonly.DevOnlyAnvilAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Credentials;

/**
 * Sets up a fresh dev chain the way the ministry would set up the real one: deploys the registries with
 * Anvil account 0 as network admin, accredits the demo issuers (issuer i gets Anvil account i + 1, so
 * status-list writes are per issuer as in production), registers {@code DebtAssistanceCredential} v1
 * and creates one status list per issuer.
 */
public final class DevChainBootstrap {

  private static final Logger LOG = LoggerFactory.getLogger(DevChainBootstrap.class);

  /** 2^17 bits (16 KiB): the W3C Bitstring Status List minimum, large enough for herd privacy. */
  public static final long DEFAULT_STATUS_LIST_CAPACITY = 131_072;

  private DevChainBootstrap() {}

  /**
   * Bootstraps the chain at {@code rpcUrl}.
   *
   * @param issuers the municipalities to accredit (at most the node's account count minus one)
   * @param schemaDocumentHash SHA-256 of the DebtAssistanceCredential v1 JSON schema document
   * @param options client options; the dev chain has free gas, so use a gas price of 0 or null
   */
  public static DevChainDeployment bootstrap(String rpcUrl, List<DemoIssuer> issuers, byte[] schemaDocumentHash,
      LedgerOptions options) {
    Objects.requireNonNull(schemaDocumentHash, "schemaDocumentHash");
    Credentials admin = DevOnlyAnvilAccounts.networkAdmin();
    RegistryDeployer.Deployment registries = RegistryDeployer.deploy(rpcUrl, admin, admin.getAddress(), options);
    AddressBook addressBook = registries.addressBook();
    try (Ledger ledger = Ledger.connect(rpcUrl, addressBook, options)) {
      long deploymentBlock = registries.deploymentBlock();
      NetworkAdminClient ministry = ledger.networkAdmin(admin);
      List<DevChainDeployment.Issuer> deployed = new ArrayList<>();
      for (int i = 0; i < issuers.size(); i++) {
        DemoIssuer demo = issuers.get(i);
        Credentials account = DevOnlyAnvilAccounts.issuer(i);
        ministry.accredit(new IssuerAccreditation(demo.oin(), demo.name(), account.getAddress(), demo.keySpec()));
        IssuerClient issuer = ledger.issuer(account);
        long statusListId = issuer.createStatusList(DEFAULT_STATUS_LIST_CAPACITY);
        deployed.add(new DevChainDeployment.Issuer(demo.oin(), demo.name(), demo.keyId(), account, statusListId));
      }
      ministry.registerSchema(DebtAssistanceSchema.v1(schemaDocumentHash));
      DevChainDeployment deployment = new DevChainDeployment(rpcUrl, addressBook, deploymentBlock, admin, deployed);
      LOG.info("dev chain (DEV ONLY) bootstrapped: {}", deployment);
      return deployment;
    }
  }
}

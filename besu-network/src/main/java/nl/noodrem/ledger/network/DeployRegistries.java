package nl.noodrem.ledger.network;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.noodrem.ledger.AddressBook;
import nl.noodrem.ledger.LedgerOptions;
import nl.noodrem.ledger.RegistryDeployer;
import org.web3j.crypto.Credentials;

/**
 * Deploys the three registries on a running network, once, and prints the address book as the
 * environment variables the app reads.
 *
 * <p>Usage: {@code DeployRegistries <rpcUrl> <deployerKeyFile> [networkAdminAddress]}. The key file holds
 * a 0x-hex private key (as written by {@link QbftNetworkGenerator}); without an admin address the
 * deployer's account becomes the network admin.
 */
public final class DeployRegistries {

  private DeployRegistries() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2 || args.length > 3) {
      System.err.println("usage: DeployRegistries <rpcUrl> <deployerKeyFile> [networkAdminAddress]");
      System.exit(2);
    }
    run(args[0], Path.of(args[1]), args.length == 3 ? args[2] : null, System.out);
  }

  static RegistryDeployer.Deployment run(String rpcUrl, Path keyFile, String networkAdmin, PrintStream out)
      throws IOException {
    Credentials deployer = Credentials.create(Files.readString(keyFile, StandardCharsets.US_ASCII).trim());
    String admin = networkAdmin != null ? networkAdmin : deployer.getAddress();
    RegistryDeployer.Deployment deployment = RegistryDeployer.deploy(rpcUrl, deployer, admin, LedgerOptions.DEFAULT);
    AddressBook book = deployment.addressBook();
    out.println("# Noodrem registries on " + rpcUrl + ", deployed at block " + deployment.deploymentBlock()
        + ", network admin " + admin);
    out.println("NOODREM_CHAIN_CONTRACTS_ISSUER_REGISTRY=" + book.issuerRegistry());
    out.println("NOODREM_CHAIN_CONTRACTS_SCHEMA_REGISTRY=" + book.schemaRegistry());
    out.println("NOODREM_CHAIN_CONTRACTS_STATUS_LIST_REGISTRY=" + book.statusListRegistry());
    out.println("NOODREM_CHAIN_DEPLOYMENT_BLOCK=" + deployment.deploymentBlock());
    return deployment;
  }
}

package nl.noodrem.ledger;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import nl.noodrem.ledger.contracts.IssuerRegistry;
import nl.noodrem.ledger.contracts.SchemaRegistry;
import nl.noodrem.ledger.contracts.StatusListRegistry;
import nl.noodrem.ledger.tx.AccountTransactor;
import nl.noodrem.ledger.tx.RevertDecoder;
import nl.noodrem.ledger.tx.RpcCalls;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Deploys the three registries (IssuerRegistry first: the others read its network admin and issuers)
 * and returns their {@link AddressBook}. Used by the dev chain bootstrap and, once, by whoever sets up
 * a production network.
 */
public final class RegistryDeployer {

  /**
   * The deployed registries.
   *
   * @param deploymentBlock the block of the first deployment: no registry event is older
   */
  public record Deployment(AddressBook addressBook, long deploymentBlock) {}

  private RegistryDeployer() {}

  /**
   * @param deployer the account that pays for and sends the deployments
   * @param networkAdmin the account that will hold the network admin role (may be the deployer's)
   */
  public static Deployment deploy(String rpcUrl, Credentials deployer, String networkAdmin, LedgerOptions options) {
    Web3j web3j = Ledger.web3j(rpcUrl, options);
    try {
      return deploy(web3j, deployer, networkAdmin, options);
    } finally {
      web3j.shutdown();
    }
  }

  public static Deployment deploy(Web3j web3j, Credentials deployer, String networkAdmin, LedgerOptions options) {
    Objects.requireNonNull(networkAdmin, "networkAdmin");
    RpcCalls rpc = new RpcCalls(web3j, RevertDecoder.forRegistries(), options.retry());
    long chainId = rpc.retrying("eth_chainId", () -> web3j.ethChainId().send()).getChainId().longValueExact();
    BigInteger gasPrice = options.gasPrice() != null
        ? options.gasPrice()
        : rpc.retrying("eth_gasPrice", () -> web3j.ethGasPrice().send()).getGasPrice();
    AccountTransactor tx = new AccountTransactor(rpc, deployer, chainId, gasPrice);

    TransactionReceipt issuers = deploy(tx, "IssuerRegistry", IssuerRegistry.BINARY, new Address(networkAdmin));
    String issuerRegistry = issuers.getContractAddress();
    String schemas = deploy(tx, "SchemaRegistry", SchemaRegistry.BINARY, new Address(issuerRegistry))
        .getContractAddress();
    String statusLists = deploy(tx, "StatusListRegistry", StatusListRegistry.BINARY, new Address(issuerRegistry))
        .getContractAddress();
    return new Deployment(AddressBook.of(issuerRegistry, schemas, statusLists),
        issuers.getBlockNumber().longValueExact());
  }

  private static TransactionReceipt deploy(AccountTransactor tx, String name, String binary, Address constructorArgument) {
    String data = "0x" + binary + FunctionEncoder.encodeConstructor(List.of(constructorArgument));
    TransactionReceipt receipt = tx.execute("deploy " + name, null, data);
    if (receipt.getContractAddress() == null) {
      throw new TransactionFailedException("deploy " + name + ": receipt " + receipt.getTransactionHash()
          + " has no contract address", 1, null);
    }
    return receipt;
  }
}

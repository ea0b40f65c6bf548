package nl.noodrem.ledger;

import static nl.noodrem.ledger.ChainFixture.assertRevert;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import nl.noodrem.ledger.contracts.IssuerRegistry;
import nl.noodrem.ledger.contracts.SchemaRegistry;
import nl.noodrem.ledger.contracts.StatusListRegistry;
import nl.noodrem.ledger.devchain.AnvilDevChain;
import nl.noodrem.ledger.devchain.devonly.DevOnlyAnvilAccounts;
import nl.noodrem.ledger.testing.AnvilExtension;
import nl.noodrem.ledger.tx.AccountTransactor;
import nl.noodrem.ledger.tx.RevertDecoder;
import nl.noodrem.ledger.tx.RpcCalls;
import nl.noodrem.ledger.tx.RetryPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

@ExtendWith(AnvilExtension.class)
class DeploymentTest {

  static final String ZERO = "0x0000000000000000000000000000000000000000";

  @Test
  void deploy_wiresTheRegistriesToOneIssuerRegistry(AnvilDevChain chain) {
    RegistryDeployer.Deployment deployment = RegistryDeployer.deploy(chain.rpcUrl(),
        DevOnlyAnvilAccounts.account(0), DevOnlyAnvilAccounts.account(2).getAddress(), LedgerOptions.DEFAULT);

    try (Ledger ledger = Ledger.connect(chain.rpcUrl(), deployment.addressBook())) {
      assertThat(ledger.networkAdminAddress()).isEqualTo(DevOnlyAnvilAccounts.account(2).getAddress());
      String issuers = deployment.addressBook().issuerRegistry().substring(2);
      assertThat(ledger.rpc().call("issuerRegistry", deployment.addressBook().schemaRegistry(),
          ledger.schemaRegistryWrapper().issuerRegistry().encodeFunctionCall())).endsWith(issuers);
      assertThat(ledger.rpc().call("issuerRegistry", deployment.addressBook().statusListRegistry(),
          ledger.statusListRegistryWrapper().issuerRegistry().encodeFunctionCall())).endsWith(issuers);
      assertThat(ledger.blockNumber()).isGreaterThanOrEqualTo(deployment.deploymentBlock() + 2);
    }
  }

  @Test
  void constructors_zeroAddress_areRefused(AnvilDevChain chain) {
    assertRevert(() -> RegistryDeployer.deploy(chain.rpcUrl(), DevOnlyAnvilAccounts.account(0), ZERO,
        LedgerOptions.DEFAULT), "InvalidAccount", ZERO);

    Web3j web3j = Web3j.build(new HttpService(chain.rpcUrl()));
    try {
      RpcCalls rpc = new RpcCalls(web3j, RevertDecoder.forRegistries(), RetryPolicy.DEFAULT);
      AccountTransactor tx = new AccountTransactor(rpc, DevOnlyAnvilAccounts.account(0), 31337, BigInteger.ZERO);
      String zeroArgument = FunctionEncoder.encodeConstructor(List.of(new Address(ZERO)));
      assertRevert(() -> tx.execute("deploy", null, "0x" + SchemaRegistry.BINARY + zeroArgument),
          "InvalidAccount", ZERO);
      assertRevert(() -> tx.execute("deploy", null, "0x" + StatusListRegistry.BINARY + zeroArgument),
          "InvalidAccount", ZERO);
      assertRevert(() -> tx.execute("deploy", null, "0x" + IssuerRegistry.BINARY + zeroArgument),
          "InvalidAccount", ZERO);
    } finally {
      web3j.shutdown();
    }
  }
}

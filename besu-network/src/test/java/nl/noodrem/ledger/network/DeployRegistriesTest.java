package nl.noodrem.ledger.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.noodrem.ledger.Ledger;
import nl.noodrem.ledger.RegistryDeployer;
import nl.noodrem.ledger.devchain.AnvilDevChain;
import nl.noodrem.ledger.devchain.devonly.DevOnlyAnvilAccounts;
import nl.noodrem.ledger.testing.AnvilExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.utils.Numeric;

@ExtendWith(AnvilExtension.class)
class DeployRegistriesTest {

  @TempDir
  Path dir;

  @Test
  void run_withAKeyFile_deploysAndPrintsTheAddressBookAsEnv(AnvilDevChain chain) throws Exception {
    Path key = dir.resolve("ministry.key");
    Files.writeString(key, Numeric.toHexStringWithPrefixZeroPadded(
        DevOnlyAnvilAccounts.account(3).getEcKeyPair().getPrivateKey(), 64) + "\n");
    String admin = DevOnlyAnvilAccounts.account(4).getAddress();
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    RegistryDeployer.Deployment deployment = DeployRegistries.run(chain.rpcUrl(), key, admin,
        new PrintStream(printed, true, StandardCharsets.UTF_8));

    String env = printed.toString(StandardCharsets.UTF_8);
    assertThat(env).contains("NOODREM_CHAIN_CONTRACTS_ISSUER_REGISTRY=" + deployment.addressBook().issuerRegistry())
        .contains("NOODREM_CHAIN_CONTRACTS_STATUS_LIST_REGISTRY=" + deployment.addressBook().statusListRegistry())
        .contains("NOODREM_CHAIN_DEPLOYMENT_BLOCK=" + deployment.deploymentBlock());
    try (Ledger ledger = Ledger.connect(chain.rpcUrl(), deployment.addressBook())) {
      assertThat(ledger.networkAdminAddress()).isEqualTo(admin);
    }
  }
}

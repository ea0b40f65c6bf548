package nl.noodrem.ledger.devchain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.noodrem.ledger.testing.AnvilExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.response.VoidResponse;
import org.web3j.protocol.http.HttpService;

class AnvilDevChainTest {

  @TempDir
  Path dir;

  @Test
  void start_answersOnLoopback_withFreeGasAndALargeBlock_andStops() throws Exception {
    AnvilDevChain chain = AnvilDevChain.start(AnvilDevChain.Config.forProject(AnvilExtension.moduleRoot()));
    try {
      assertThat(chain.rpcUrl()).startsWith("http://127.0.0.1:");
      assertThat(chain.port()).isPositive();
      Web3j web3j = Web3j.build(new HttpService(chain.rpcUrl()));
      var block = web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock();
      assertThat(block.getBaseFeePerGas()).isZero();
      assertThat(block.getGasLimit()).isEqualTo(BigInteger.valueOf(100_000_000L));
      assertThat(web3j.ethAccounts().send().getAccounts()).hasSize(10);
      web3j.shutdown();
      assertThat(chain.isRunning()).isTrue();
    } finally {
      chain.stop();
    }
    assertThat(chain.isRunning()).isFalse();
    chain.stop(); // idempotent
  }

  @Test
  void stateFile_keepsBlocksAcrossARestartOnTheSamePort() throws Exception {
    Path state = dir.resolve("state.json");
    AnvilDevChain first = AnvilDevChain.start(AnvilDevChain.Config.forProject(AnvilExtension.moduleRoot())
        .withStateFile(state));
    String hashOfBlock3;
    try {
      HttpService service = new HttpService(first.rpcUrl());
      for (int i = 0; i < 3; i++) {
        new Request<>("evm_mine", List.of(), service, VoidResponse.class).send();
      }
      hashOfBlock3 = Web3j.build(service).ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send()
          .getBlock().getHash();
    } finally {
      first.stop();
    }
    assertThat(Files.size(state)).isPositive();

    AnvilDevChain second = AnvilDevChain.start(first.config().withPort(first.port()));
    try {
      assertThat(second.rpcUrl()).isEqualTo(first.rpcUrl());
      var block = Web3j.build(new HttpService(second.rpcUrl()))
          .ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock();
      assertThat(block.getNumber()).isEqualTo(BigInteger.valueOf(3));
      assertThat(block.getHash()).isEqualTo(hashOfBlock3);
    } finally {
      second.stop();
    }
  }

  @Test
  void binaryInModule_eachPlatformTheNpmPackagesServe_namesItsPackage() {
    assertThat(AnvilDevChain.binaryInModule("Linux", "amd64"))
        .isEqualTo("node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil");
    assertThat(AnvilDevChain.binaryInModule("Linux", "aarch64"))
        .isEqualTo("node_modules/@foundry-rs/anvil-linux-arm64/bin/anvil");
    assertThat(AnvilDevChain.binaryInModule("Mac OS X", "aarch64"))
        .isEqualTo("node_modules/@foundry-rs/anvil-darwin-arm64/bin/anvil");
    assertThat(AnvilDevChain.binaryInModule("Mac OS X", "x86_64"))
        .isEqualTo("node_modules/@foundry-rs/anvil-darwin-amd64/bin/anvil");
    assertThat(AnvilDevChain.binaryInModule("Windows 11", "amd64"))
        .isEqualTo("node_modules/@foundry-rs/anvil-win32-amd64/bin/anvil.exe");
    assertThatThrownBy(() -> AnvilDevChain.binaryInModule("FreeBSD", "amd64"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("FreeBSD");
    assertThatThrownBy(() -> AnvilDevChain.binaryInModule("Linux", "riscv64"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("riscv64");
  }

  @Test
  void locateBinary_fromRepositoryRootModuleOrSiblingModule_andClearErrorWhenMissing() {
    Path module = AnvilExtension.moduleRoot();
    assertThat(AnvilDevChain.locateBinary(module)).isEqualTo(module.resolve(AnvilDevChain.BINARY_IN_MODULE));
    assertThat(AnvilDevChain.locateBinary(module.getParent())).isEqualTo(module.resolve(AnvilDevChain.BINARY_IN_MODULE));
    assertThat(AnvilDevChain.locateBinary(module.getParent().resolve("app")))
        .isEqualTo(module.resolve(AnvilDevChain.BINARY_IN_MODULE));
    assertThatThrownBy(() -> AnvilDevChain.locateBinary(dir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("npm ci");
  }

  @Test
  void start_binaryThatIsNotAnvil_failsClearly() throws Exception {
    Path fake = dir.resolve("anvil");
    Files.writeString(fake, "#!/bin/sh\necho 'not anvil'\nexit 3\n");
    fake.toFile().setExecutable(true);
    AnvilDevChain.Config config = AnvilDevChain.Config.forProject(AnvilExtension.moduleRoot());
    AnvilDevChain.Config broken = new AnvilDevChain.Config(fake, 0, java.util.Optional.empty(), 2, 1_000_000,
        java.time.Duration.ofSeconds(5));

    assertThatThrownBy(() -> AnvilDevChain.start(broken))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not anvil");
    assertThat(config.binary()).exists();
  }
}

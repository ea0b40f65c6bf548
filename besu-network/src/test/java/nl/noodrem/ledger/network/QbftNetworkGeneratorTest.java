package nl.noodrem.ledger.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.rlp.RlpDecoder;
import org.web3j.rlp.RlpList;
import org.web3j.rlp.RlpString;
import org.web3j.utils.Numeric;

class QbftNetworkGeneratorTest {

  @TempDir
  Path dir;

  @Test
  void extraData_fourValidators_hasBesusQbftLayout() {
    List<String> validators = List.of(
        "0x1111111111111111111111111111111111111111", "0x2222222222222222222222222222222222222222",
        "0x3333333333333333333333333333333333333333", "0x4444444444444444444444444444444444444444");

    String extra = QbftNetworkGenerator.extraData(validators);

    // list header, 32 zero bytes of vanity, list of four 20-byte addresses, empty vote, round 0, no seals
    assertThat(extra).isEqualTo("0xf87aa0" + "00".repeat(32) + "f854"
        + "941111111111111111111111111111111111111111" + "942222222222222222222222222222222222222222"
        + "943333333333333333333333333333333333333333" + "944444444444444444444444444444444444444444"
        + "c080c0");
  }

  @Test
  void extraData_theBesuDocumentationExample_isReproducedByteForByte() {
    // genesis example of the Besu QBFT documentation (block header validator selection)
    String documented = "0xf87aa00000000000000000000000000000000000000000000000000000000000000000f854"
        + "9464a702e6263b7297a96638cac6ae65e6541f4169943923390ad55e90c237593b3b0e401f3b08a03185"
        + "94aefdb9a738c9f433e5b6b212a6d62f6370c2f69294c7eeb9a4e00ce683cf93039b212648e01c6c6b78c080c0";

    assertThat(QbftNetworkGenerator.extraData(List.of("0x64a702e6263b7297a96638cac6ae65e6541f4169",
        "0x3923390ad55e90c237593b3b0e401f3b08a03185", "0xaefdb9a738c9f433e5b6b212a6d62f6370c2f692",
        "0xc7eeb9a4e00ce683cf93039b212648e01c6c6b78"))).isEqualTo(documented);
  }

  @Test
  void generate_localLayout_writesKeysGenesisAllowlistsAndEnv() throws Exception {
    Path out = dir.resolve("generated");

    QbftNetworkGenerator.Generated generated = QbftNetworkGenerator.generate(out, 4242, QbftNetworkGenerator.LOCAL_NODES);

    assertThat(generated.nodes()).extracting(n -> n.spec().name())
        .containsExactly("cjib", "ministry", "gemeente-utrecht", "gemeente-amsterdam");
    for (QbftNetworkGenerator.Node node : generated.nodes()) {
      Path nodeDir = out.resolve(node.spec().name());
      String privateKey = Files.readString(nodeDir.resolve("key"));
      assertThat(privateKey).matches("0x[0-9a-f]{64}");
      assertThat(Credentials.create(privateKey).getAddress()).isEqualTo(node.address());
      assertThat(node.enode()).isEqualTo("enode://" + Files.readString(nodeDir.resolve("key.pub")).substring(2)
          + "@127.0.0.1:" + node.spec().p2pPort());
      assertThat(Files.getPosixFilePermissions(nodeDir.resolve("key")))
          .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
      assertThat(Files.readString(nodeDir.resolve("permissions_config.toml"))).contains(node.enode());
    }

    JsonNode genesis = new ObjectMapper().readTree(out.resolve("genesis.json").toFile());
    assertThat(genesis.at("/config/chainId").asLong()).isEqualTo(4242);
    assertThat(genesis.at("/config/zeroBaseFee").asBoolean()).isTrue();
    assertThat(genesis.at("/config/qbft/blockperiodseconds").asInt()).isEqualTo(2);
    assertThat(genesis.at("/mixHash").asText()).isEqualTo(QbftNetworkGenerator.QBFT_MIX_HASH);
    RlpList extra = (RlpList) RlpDecoder.decode(Numeric.hexStringToByteArray(genesis.at("/extraData").asText()))
        .getValues().get(0);
    List<String> validators = ((RlpList) extra.getValues().get(1)).getValues().stream()
        .map(v -> Numeric.toHexString(((RlpString) v).getBytes())).toList();
    assertThat(validators).containsExactlyElementsOf(
        generated.nodes().stream().map(QbftNetworkGenerator.Node::address).toList());

    String permissions = Files.readString(out.resolve("cjib/permissions_config.toml"));
    assertThat(permissions).contains("nodes-allowlist=[", "accounts-allowlist=[");
    for (QbftNetworkGenerator.Account account : generated.accounts()) {
      assertThat(permissions).contains(account.address());
      String key = Files.readString(out.resolve("accounts").resolve(account.organisation() + ".key"));
      assertThat(Credentials.create(key).getAddress()).isEqualTo(account.address());
      assertThat(genesis.at("/alloc/" + account.address().substring(2))).isNotNull();
    }
    assertThat(Files.readString(out.resolve("app.env"))).contains("NOODREM_CHAIN_URL=http://127.0.0.1:8546")
        .contains("NOODREM_CHAIN_ACCOUNTS_GEMEENTE_UTRECHT_KEY_FILE=");
    assertThat(Files.readString(out.resolve("network.json"))).doesNotContain(
        Files.readString(out.resolve("accounts/ministry.key")).substring(2));
  }

  @Test
  void generate_withNodeKeysMadeElsewhere_usesThem() throws Exception {
    Path out = dir.resolve("generated");
    Files.createDirectories(out.resolve("ministry"));
    Credentials besuMade = Credentials.create(org.web3j.crypto.Keys.createEcKeyPair());
    Files.writeString(out.resolve("ministry/key"), Numeric.toHexStringWithPrefixZeroPadded(
        besuMade.getEcKeyPair().getPrivateKey(), 64));

    QbftNetworkGenerator.Generated generated = QbftNetworkGenerator.generate(out, 1, QbftNetworkGenerator.LOCAL_NODES);

    assertThat(generated.nodes().get(1).address()).isEqualTo(besuMade.getAddress());
    assertThat(Files.readString(out.resolve("static-nodes.json"))).contains(generated.nodes().get(1).enode());
  }

  @Test
  void generate_existingNetwork_isNeverOverwritten() throws Exception {
    Path out = dir.resolve("generated");
    QbftNetworkGenerator.generate(out, 1, QbftNetworkGenerator.LOCAL_NODES);
    String key = Files.readString(out.resolve("cjib/key"));

    assertThatThrownBy(() -> QbftNetworkGenerator.generate(out, 1, QbftNetworkGenerator.LOCAL_NODES))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("never overwritten");
    assertThat(Files.readString(out.resolve("cjib/key"))).isEqualTo(key);
  }

  @Test
  void generate_fewerThanFourValidators_isRefused() {
    assertThatThrownBy(() -> QbftNetworkGenerator.generate(dir, 1, QbftNetworkGenerator.LOCAL_NODES.subList(0, 3)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 4");
  }
}

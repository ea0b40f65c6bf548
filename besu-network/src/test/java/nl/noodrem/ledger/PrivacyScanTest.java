package nl.noodrem.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.noodrem.domain.Bsn;
import nl.noodrem.domain.Oin;
import nl.noodrem.ledger.devchain.AnvilDevChain;
import nl.noodrem.ledger.devchain.DemoIssuer;
import nl.noodrem.ledger.devchain.DevChainBootstrap;
import nl.noodrem.ledger.devchain.DevChainDeployment;
import nl.noodrem.ledger.testing.AnvilExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.Transaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * A demo run as the app does it (bootstrap, then issuance and revocation for two citizens), then every
 * transaction input, every event and the node's stored state are searched for the citizens' BSNs.
 */
class PrivacyScanTest {

  /** The citizens of this run; valid BSNs (11-proof), used as the issuance flow would. */
  static final List<String> CITIZENS = List.of("123456782", "999993653");

  @TempDir
  Path dir;

  @Test
  void demoRun_noBsnInAnyTransactionEventOrStorage_inAnyEncoding() throws Exception {
    Path state = dir.resolve("state.json");
    AnvilDevChain chain = AnvilDevChain.start(AnvilDevChain.Config.forProject(AnvilExtension.moduleRoot())
        .withStateFile(state));
    List<byte[]> everything = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    try {
      DevChainDeployment deployment = demoRun(chain);
      collectChainData(chain, deployment, everything, labels);
    } finally {
      chain.stop(); // writes the state file: accounts, storage slots, blocks
    }
    String dump = Files.readString(state);
    everything.add(dump.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    labels.add("anvil state dump (text)");
    java.util.regex.Matcher hex = java.util.regex.Pattern.compile("0x([0-9a-fA-F]{2})+").matcher(dump);
    int runs = 0;
    while (hex.find()) {
      everything.add(Numeric.hexStringToByteArray(hex.group()));
      labels.add("anvil state dump value #" + runs++);
    }
    assertThat(runs).as("hex values (storage slots, code, blocks) in the state dump").isGreaterThan(100);

    BsnScanner scanner = new BsnScanner(CITIZENS);
    List<BsnScanner.Finding> findings = new ArrayList<>();
    for (int i = 0; i < everything.size(); i++) {
      findings.addAll(scanner.scan(everything.get(i), labels.get(i)));
    }
    assertThat(labels).as("the run produced transactions and events to scan")
        .anyMatch(l -> l.startsWith("input")).anyMatch(l -> l.startsWith("event"));
    assertThat(findings).isEmpty();
  }

  @Test
  void scanner_findsEveryEncoding_whenTheBsnIsThere() {
    BsnScanner scanner = new BsnScanner(CITIZENS);
    for (String bsn : CITIZENS) {
      for (var encoding : scanner.encodingsOf(bsn).entrySet()) {
        byte[] data = new byte[300];
        ChainFixture.RANDOM.nextBytes(data);
        System.arraycopy(encoding.getValue(), 0, data, 137, encoding.getValue().length);
        assertThat(scanner.scan(data, "planted")).as(encoding.getKey())
            .anySatisfy(f -> assertThat(f.encoding()).isEqualTo(encoding.getKey()));
      }
    }
    // an ABI-encoded uint256 holding the BSN, as a careless function argument would carry it
    byte[] abiWord = Numeric.toBytesPadded(new BigInteger(CITIZENS.get(0)), 32);
    assertThat(scanner.scan(abiWord, "uint256")).extracting(BsnScanner.Finding::encoding)
        .contains("number (big-endian)");
  }

  /** Bootstrap, then for each citizen: issuance (index allocated), then revocation when help ends. */
  private DevChainDeployment demoRun(AnvilDevChain chain) throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    List<DemoIssuer> issuers = List.of(
        new DemoIssuer(Oin.of("00000001002220647000"), "Gemeente Utrecht", KeyId.of("00000001002220647000-k1"),
            ChainFixture.randomPublicKey(), now.minus(1, ChronoUnit.DAYS), now.plus(365, ChronoUnit.DAYS)),
        new DemoIssuer(Oin.of("00000001002564440000"), "Gemeente Amsterdam", KeyId.of("00000001002564440000-k1"),
            ChainFixture.randomPublicKey(), now.minus(1, ChronoUnit.DAYS), now.plus(365, ChronoUnit.DAYS)));
    byte[] schemaHash = MessageDigest.getInstance("SHA-256").digest("DebtAssistanceCredential v1".getBytes());
    DevChainDeployment deployment = DevChainBootstrap.bootstrap(chain.rpcUrl(), issuers, schemaHash,
        LedgerOptions.DEFAULT);

    try (Ledger ledger = Ledger.connect(chain.rpcUrl(), deployment.addressBook())) {
      // The issuance record lives off chain: BSN -> (list, index). Only the index goes on chain.
      Map<Bsn, long[]> issued = new HashMap<>();
      for (int i = 0; i < CITIZENS.size(); i++) {
        DevChainDeployment.Issuer municipality = deployment.issuers().get(i);
        IssuerClient client = ledger.issuer(municipality.account());
        long index = client.allocateIndex(municipality.statusListId());
        issued.put(Bsn.of(CITIZENS.get(i)), new long[] {municipality.statusListId(), index});
      }
      // Debt help ends for both: one single revocation, one batch.
      long[] first = issued.get(Bsn.of(CITIZENS.get(0)));
      ledger.issuer(deployment.issuers().get(0).account()).revoke(first[0], first[1]);
      long[] second = issued.get(Bsn.of(CITIZENS.get(1)));
      ledger.issuer(deployment.issuers().get(1).account()).revokeBatch(second[0], List.of(second[1]));
      assertThat(ledger.readStatus(first[0], first[1])).isTrue();
      assertThat(ledger.readStatus(second[0], second[1])).isTrue();
    }
    return deployment;
  }

  private static void collectChainData(AnvilDevChain chain, DevChainDeployment deployment, List<byte[]> data,
      List<String> labels) throws Exception {
    Web3j web3j = Web3j.build(new org.web3j.protocol.http.HttpService(chain.rpcUrl()));
    try {
      long head = web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
      for (long b = 0; b <= head; b++) {
        EthBlock.Block block = web3j.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(b)), true)
            .send().getBlock();
        for (EthBlock.TransactionResult<?> result : block.getTransactions()) {
          Transaction tx = ((EthBlock.TransactionObject) result).get();
          data.add(Numeric.hexStringToByteArray(tx.getInput()));
          labels.add("input of " + tx.getHash());
          TransactionReceipt receipt = web3j.ethGetTransactionReceipt(tx.getHash()).send().getTransactionReceipt()
              .orElseThrow();
          for (Log log : receipt.getLogs()) {
            StringBuilder hex = new StringBuilder();
            log.getTopics().forEach(t -> hex.append(Numeric.cleanHexPrefix(t)));
            hex.append(Numeric.cleanHexPrefix(log.getData()));
            data.add(Numeric.hexStringToByteArray(hex.toString()));
            labels.add("event in " + tx.getHash() + " #" + log.getLogIndex());
          }
        }
      }
      assertThat(head).isGreaterThan(5);
      assertThat(deployment.issuers()).hasSize(2);
    } finally {
      web3j.shutdown();
    }
  }
}

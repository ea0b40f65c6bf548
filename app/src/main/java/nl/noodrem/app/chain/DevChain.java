package nl.noodrem.app.chain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.noodrem.domain.Oin;
import nl.noodrem.ledger.AddressBook;
import nl.noodrem.ledger.KeyId;
import nl.noodrem.ledger.Ledger;
import nl.noodrem.ledger.LedgerOptions;
import nl.noodrem.ledger.devchain.AnvilDevChain;
import nl.noodrem.ledger.devchain.DemoIssuer;
import nl.noodrem.ledger.devchain.DevChainBootstrap;
import nl.noodrem.ledger.devchain.DevChainDeployment;
import nl.noodrem.ledger.devchain.devonly.DevOnlyAnvilAccounts;
import nl.noodrem.zkp.ZkpException;
import nl.noodrem.zkp.credential.DebtAssistanceCredentialV1;
import nl.noodrem.zkp.keys.IssuerKeyManager;
import nl.noodrem.zkp.keys.IssuerPublicKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;

/**
 * DEVELOPMENT ONLY: the local chain the app starts when no chain URL is configured. Starts Anvil (from the npm
 * registry, installed by the build) with its state in the data directory, deploys the registries, accredits the
 * demo municipalities with BBS keys made here and registers the credential schema — or, when an earlier run left a
 * deployment behind whose contracts are still on the chain, reuses it. Stops Anvil on {@link #close()}.
 */
public final class DevChain implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DevChain.class);

  private final AnvilDevChain anvil;
  private final ChainConnection connection;

  private DevChain(AnvilDevChain anvil, ChainConnection connection) {
    this.anvil = anvil;
    this.connection = connection;
  }

  public static DevChain start(ChainProperties properties, Path dataDir, IssuerKeyManager issuerKeys) {
    Path chainDir = dataDir.resolve("chain");
    try {
      Files.createDirectories(chainDir);
    } catch (IOException e) {
      throw new IllegalStateException("cannot create " + chainDir, e);
    }
    AnvilDevChain.Config config = AnvilDevChain.Config.forProject(properties.dev().projectRootPath());
    if (!properties.dev().anvilBinary().isBlank()) {
      config = new AnvilDevChain.Config(Path.of(properties.dev().anvilBinary()), config.port(), config.stateFile(),
          config.accounts(), config.blockGasLimit(), config.startTimeout());
    }
    AnvilDevChain anvil = AnvilDevChain.start(config.withPort(properties.dev().port())
        .withStateFile(chainDir.resolve("anvil-state.json")));
    try {
      Path deploymentFile = chainDir.resolve("deployment.json");
      Optional<Saved> saved = Saved.read(deploymentFile).filter(s -> s.stillDeployed(anvil.rpcUrl()));
      if (saved.isEmpty()) {
        // a checkpoint of an earlier chain means nothing on a fresh one
        Files.deleteIfExists(chainDir.resolve("status-events.checkpoint"));
      }
      Saved deployment = saved.orElseGet(() -> bootstrap(anvil.rpcUrl(), issuerKeys, deploymentFile));
      Ledger ledger = Ledger.connect(anvil.rpcUrl(), deployment.addressBook, LedgerOptions.DEFAULT);
      Map<Oin, Credentials> accounts = new HashMap<>();
      for (int i = 0; i < deployment.issuers.size(); i++) {
        accounts.put(deployment.issuers.get(i), DevOnlyAnvilAccounts.issuer(i));
      }
      LOG.info("dev chain (DEVELOPMENT ONLY) at {}: {} {}", anvil.rpcUrl(),
          saved.isPresent() ? "reused deployment" : "fresh deployment", deployment.addressBook.addresses());
      return new DevChain(anvil, new ChainConnection("dev chain (Anvil, development only)", ledger,
          Optional.of(DevOnlyAnvilAccounts.networkAdmin()), accounts, deployment.deploymentBlock));
    } catch (IOException e) {
      anvil.close();
      throw new IllegalStateException("cannot reset the status-event checkpoint", e);
    } catch (RuntimeException e) {
      anvil.close();
      throw e;
    }
  }

  private static Saved bootstrap(String rpcUrl, IssuerKeyManager issuerKeys, Path deploymentFile) {
    Instant from = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.DAYS);
    Instant until = from.plus(5 * 366, ChronoUnit.DAYS);
    List<DemoIssuer> demo = new ArrayList<>();
    for (DemoMunicipalities.Municipality m : DemoMunicipalities.ALL) {
      IssuerPublicKey key = currentOrNewKey(issuerKeys, m.oin());
      demo.add(new DemoIssuer(m.oin(), m.name(), KeyId.of(key.keyId().value()), key.chainEncoding(), from, until));
    }
    DevChainDeployment deployment = DevChainBootstrap.bootstrap(rpcUrl, demo,
        HexFormat.of().parseHex(DebtAssistanceCredentialV1.DOCUMENT_SHA256), LedgerOptions.DEFAULT);
    Saved saved = new Saved(deployment.addressBook(), deployment.deploymentBlock(),
        deployment.issuers().stream().map(DevChainDeployment.Issuer::oin).toList());
    saved.write(deploymentFile);
    return saved;
  }

  private static IssuerPublicKey currentOrNewKey(IssuerKeyManager keys, Oin oin) {
    try {
      var current = keys.currentKeyId(oin);
      return current.isPresent() ? keys.publicKey(current.get()) : keys.generate(oin);
    } catch (ZkpException e) {
      throw new IllegalStateException("demo issuer key for " + oin + " unavailable: " + e.getMessage(), e);
    }
  }

  public ChainConnection connection() {
    return connection;
  }

  public String rpcUrl() {
    return anvil.rpcUrl();
  }

  @Override
  public void close() {
    connection.ledger().close();
    anvil.close();
  }

  /** What a bootstrap left in the data directory, so a restart reuses the chain instead of redeploying. */
  private record Saved(AddressBook addressBook, long deploymentBlock, List<Oin> issuers) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Optional<Saved> read(Path file) {
      if (!Files.exists(file)) {
        return Optional.empty();
      }
      try {
        ObjectNode root = (ObjectNode) JSON.readTree(file.toFile());
        Map<String, String> addresses = new HashMap<>();
        root.get("addressBook").fields().forEachRemaining(e -> addresses.put(e.getKey(), e.getValue().asText()));
        List<Oin> issuers = new ArrayList<>();
        root.get("issuers").forEach(n -> issuers.add(Oin.of(n.asText())));
        return Optional.of(new Saved(new AddressBook(addresses), root.get("deploymentBlock").asLong(), issuers));
      } catch (IOException | RuntimeException e) {
        LOG.warn("ignoring unreadable dev chain deployment {}: {}", file, e.getMessage());
        return Optional.empty();
      }
    }

    /** True when every registry still has code: Anvil's state survived the last stop. */
    boolean stillDeployed(String rpcUrl) {
      try (Ledger probe = Ledger.connect(rpcUrl, addressBook, LedgerOptions.DEFAULT)) {
        for (String address : addressBook.addresses().values()) {
          String code = probe.web3j().ethGetCode(address, DefaultBlockParameterName.LATEST).send().getCode();
          if (code == null || code.equals("0x")) {
            return false;
          }
        }
        return true;
      } catch (IOException | RuntimeException e) {
        return false;
      }
    }

    void write(Path file) {
      ObjectNode root = JSON.createObjectNode();
      ObjectNode book = root.putObject("addressBook");
      addressBook.addresses().forEach(book::put);
      root.put("deploymentBlock", deploymentBlock);
      ArrayNode list = root.putArray("issuers");
      issuers.forEach(o -> list.add(o.value()));
      try {
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
      } catch (IOException e) {
        throw new IllegalStateException("cannot write " + file, e);
      }
    }
  }
}

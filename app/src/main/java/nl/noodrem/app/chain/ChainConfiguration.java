package nl.noodrem.app.chain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import nl.noodrem.camel.api.ChainStatusInbox;
import nl.noodrem.camel.chain.LedgerStatusEventConsumer;
import nl.noodrem.domain.Oin;
import nl.noodrem.ledger.AddressBook;
import nl.noodrem.ledger.Ledger;
import nl.noodrem.ledger.LedgerOptions;
import nl.noodrem.ledger.events.CheckpointStore;
import nl.noodrem.ledger.events.FileCheckpointStore;
import nl.noodrem.ledger.events.StatusEventSubscription;
import nl.noodrem.ledger.events.SubscriptionOptions;
import nl.noodrem.zkp.keys.EncryptedFileIssuerKeyStore;
import nl.noodrem.zkp.keys.IssuerKeyManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.web3j.crypto.Credentials;

/**
 * Connects the app to the chain: the local dev chain when {@code noodrem.chain.url} is empty, a Besu node
 * otherwise; and starts the status-event subscription that turns revocations into process messages.
 */
@Configuration(proxyBeanMethods = false)
public class ChainConfiguration {

  @Bean(destroyMethod = "close")
  EncryptedFileIssuerKeyStore issuerKeyStore(ChainProperties chain, @Value("${noodrem.data-dir}") String dataDir) {
    Path file = chain.issuerKeystore() != null && !chain.issuerKeystore().isBlank()
        ? Path.of(chain.issuerKeystore()) : Path.of(dataDir).resolve("keys/issuer-keys.json");
    if (chain.issuerKeystorePassword().isBlank()) {
      throw new IllegalStateException("noodrem.chain.issuer-keystore-password is not set");
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new IllegalStateException("cannot create the key store's directory for " + file, e);
    }
    return new EncryptedFileIssuerKeyStore(file, chain.issuerKeystorePassword().toCharArray());
  }

  @Bean(destroyMethod = "close")
  ChainRuntime chainRuntime(ChainProperties chain, @Value("${noodrem.data-dir}") String dataDir,
      IssuerKeyManager issuerKeys) {
    if (chain.useDevChain()) {
      DevChain dev = DevChain.start(chain, Path.of(dataDir), issuerKeys);
      return new ChainRuntime(dev.connection(), Optional.of(dev));
    }
    return new ChainRuntime(connect(chain), Optional.empty());
  }

  @Bean
  ChainConnection chainConnection(ChainRuntime runtime) {
    return runtime.connection();
  }

  @Bean
  Ledger ledger(ChainConnection connection) {
    return connection.ledger();
  }

  @Bean(destroyMethod = "close")
  StatusEventSubscription statusEventSubscription(ChainConnection connection, ChainStatusInbox inbox,
      ChainProperties chain, @Value("${noodrem.data-dir}") String dataDir, ObjectProvider<CheckpointStore> shared) {
    // a node on its own keeps its checkpoint in a file; a cluster shares one in the database (production profile).
    // Deliveries are idempotent per event in the processes either way.
    CheckpointStore store = shared.getIfAvailable(
        () -> new FileCheckpointStore(Path.of(dataDir).resolve("chain/status-events.checkpoint")));
    var options = SubscriptionOptions.DEFAULT.withFromBlock(connection.deploymentBlock())
        .withPollInterval(chain.pollInterval());
    var subscription = new StatusEventSubscription(connection.ledger(), store, new LedgerStatusEventConsumer(inbox),
        options);
    subscription.start();
    return subscription;
  }

  private static ChainConnection connect(ChainProperties chain) {
    if (chain.addressBook().isEmpty()) {
      throw new IllegalStateException("noodrem.chain.address-book must name the registries when noodrem.chain.url is set");
    }
    Ledger ledger = Ledger.connect(chain.url(), new AddressBook(chain.addressBook()), LedgerOptions.DEFAULT);
    Optional<Credentials> admin = Optional.ofNullable(chain.networkAdminKeyFile()).filter(f -> !f.isBlank()).map(Path::of)
        .map(ChainConfiguration::account);
    Map<Oin, Credentials> issuers = new HashMap<>();
    chain.issuerAccountKeyFiles().forEach((oin, file) -> issuers.put(Oin.of(oin), account(Path.of(file))));
    return new ChainConnection("Besu network at " + chain.url(), ledger, admin, issuers, chain.deploymentBlock());
  }

  private static Credentials account(Path keyFile) {
    try {
      return Credentials.create(Files.readString(keyFile, StandardCharsets.US_ASCII).strip());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read account key file " + keyFile, e);
    }
  }

  /** Owns what must be stopped with the app (the dev chain's Anvil process). */
  public record ChainRuntime(ChainConnection connection, Optional<DevChain> devChain) implements AutoCloseable {
    @Override
    public void close() {
      devChain.ifPresentOrElse(DevChain::close, () -> connection.ledger().close());
    }
  }
}

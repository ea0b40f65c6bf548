package nl.noodrem.app.chain;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the chain is and who writes to it.
 *
 * @param url JSON-RPC URL of a Besu node; empty means "start the local dev chain" (Anvil, development only)
 * @param addressBook contract name → address ({@code IssuerRegistry}, {@code SchemaRegistry},
 *     {@code StatusListRegistry}); required with {@code url}
 * @param deploymentBlock block of the contracts' deployment; the status-event subscription starts there the first
 *     time
 * @param networkAdminKeyFile file holding the ministry's hex private key (only on the node that administers the
 *     network); secret, never committed
 * @param issuerAccountKeyFiles OIN → file with the municipality's hex private key for its status-list writes
 * @param issuerKeystore the municipalities' BBS signing keys (encrypted file)
 * @param issuerKeystorePassword the key store's password; secret, from the environment
 * @param pollInterval how often the status-event subscription asks the node for new logs
 * @param dev the dev chain, used when {@code url} is empty
 */
@ConfigurationProperties("noodrem.chain")
public record ChainProperties(
    @DefaultValue("") String url,
    Map<String, String> addressBook,
    @DefaultValue("0") long deploymentBlock,
    String networkAdminKeyFile,
    Map<String, String> issuerAccountKeyFiles,
    String issuerKeystore,
    @DefaultValue("") String issuerKeystorePassword,
    @DefaultValue("PT1S") Duration pollInterval,
    @DefaultValue Dev dev) {

  /**
   * @param anvilBinary the Anvil binary; empty means "find it under besu-network/node_modules"
   * @param projectRoot where to look for it; empty means the working directory (the repository root when started
   *     by the README command)
   * @param port loopback port; 0 picks a free one
   */
  public record Dev(@DefaultValue("") String anvilBinary, @DefaultValue("") String projectRoot, @DefaultValue("0") int port) {

    /** The folder to search for Anvil from; the working directory when not set. */
    public Path projectRootPath() {
      return Path.of(projectRoot.isBlank() ? System.getProperty("user.dir") : projectRoot).toAbsolutePath();
    }
  }

  public ChainProperties {
    addressBook = addressBook == null ? Map.of() : Map.copyOf(addressBook);
    issuerAccountKeyFiles = issuerAccountKeyFiles == null ? Map.of() : Map.copyOf(issuerAccountKeyFiles);
  }

  public boolean useDevChain() {
    return url == null || url.isBlank();
  }
}

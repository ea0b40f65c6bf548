package nl.noodrem.app.production.devonly;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import nl.noodrem.app.chain.ChainProperties;
import nl.noodrem.app.chain.DevChain;
import nl.noodrem.domain.Oin;
import nl.noodrem.zkp.keys.EncryptedFileIssuerKeyStore;
import org.web3j.crypto.Credentials;

/**
 * DEVELOPMENT AND TEST ONLY. The chain of a local production-like cluster, in its own process: Anvil on a fixed
 * loopback port with its state in {@code <dir>/chain}, the registries deployed and the demo municipalities
 * accredited with BBS keys made here — or, after a restart, the same deployment reused. It writes what the app
 * nodes need, exactly in the shape a Besu deployment hands over ({@code chain.env}: URL, address book, deployment
 * block, account key files; the issuer key store), and runs until it is stopped (SIGTERM stops Anvil gracefully,
 * so its state survives for the next start).
 *
 * <p>Usage: {@code DevChainNode <dir> <port> <repository root>}; the key store password comes from
 * {@code NOODREM_CHAIN_ISSUER_KEYSTORE_PASSWORD}.
 */
public final class DevChainNode {

  private DevChainNode() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: DevChainNode <dir> <port> <repository root>");
    }
    Path dir = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    String password = System.getenv("NOODREM_CHAIN_ISSUER_KEYSTORE_PASSWORD");
    if (password == null || password.isBlank()) {
      throw new IllegalStateException("NOODREM_CHAIN_ISSUER_KEYSTORE_PASSWORD is not set");
    }
    Path keystore = dir.resolve("keys/issuer-keys.json");
    Files.createDirectories(keystore.getParent());
    ChainProperties properties = new ChainProperties("", Map.of(), 0, null, Map.of(), keystore.toString(), password,
        Duration.ofSeconds(1), new ChainProperties.Dev("", args[2], port));
    DevChain chain;
    try (EncryptedFileIssuerKeyStore keys = new EncryptedFileIssuerKeyStore(keystore, password.toCharArray())) {
      chain = DevChain.start(properties, dir, keys);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      chain.close();
      stopped.countDown();
    }, "dev-chain-stop"));
    writeEnvironment(dir, chain, keystore);
    System.out.println("dev chain ready at " + chain.rpcUrl() + " (DEVELOPMENT ONLY)");
    stopped.await();
  }

  private static void writeEnvironment(Path dir, DevChain chain, Path keystore) throws IOException {
    var connection = chain.connection();
    Path accounts = dir.resolve("accounts");
    Files.createDirectories(accounts);
    Map<String, String> env = new TreeMap<>();
    env.put("NOODREM_CHAIN_URL", chain.rpcUrl());
    var book = connection.ledger().addressBook();
    env.put("NOODREM_CHAIN_CONTRACTS_ISSUER_REGISTRY", book.issuerRegistry());
    env.put("NOODREM_CHAIN_CONTRACTS_SCHEMA_REGISTRY", book.schemaRegistry());
    env.put("NOODREM_CHAIN_CONTRACTS_STATUS_LIST_REGISTRY", book.statusListRegistry());
    env.put("NOODREM_CHAIN_DEPLOYMENT_BLOCK", Long.toString(connection.deploymentBlock()));
    env.put("NOODREM_CHAIN_ISSUER_KEYSTORE", keystore.toString());
    if (connection.networkAdmin().isPresent()) {
      env.put("NOODREM_CHAIN_ACCOUNTS_MINISTRY_KEY_FILE",
          writeKey(accounts.resolve("ministry.key"), connection.networkAdmin().get()).toString());
    }
    StringBuilder oins = new StringBuilder();
    for (Map.Entry<Oin, Credentials> issuer : connection.issuerAccounts().entrySet().stream()
        .sorted(java.util.Comparator.comparing(e -> e.getKey().value())).toList()) {
      String oin = issuer.getKey().value();
      env.put("NOODREM_CHAIN_ISSUERACCOUNTKEYFILES_" + oin,
          writeKey(accounts.resolve(oin + ".key"), issuer.getValue()).toString());
      oins.append(oins.isEmpty() ? "" : ",").append(oin);
    }
    env.put("NOODREM_MUNICIPALITY_OINS", oins.toString());
    StringBuilder text = new StringBuilder("# written by DevChainNode (DEVELOPMENT ONLY): what a Besu deployment hands over\n");
    env.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
    Path tmp = dir.resolve("chain.env.tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.move(tmp, dir.resolve("chain.env"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static Path writeKey(Path file, Credentials account) throws IOException {
    String hex = account.getEcKeyPair().getPrivateKey().toString(16);
    Files.writeString(file, "0x" + "0".repeat(Math.max(0, 64 - hex.length())) + hex + "\n", StandardCharsets.US_ASCII);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return file;
  }
}

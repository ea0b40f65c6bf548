package nl.noodrem.ledger.devchain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local Ethereum dev node: the Anvil binary from the npm registry ({@code @foundry-rs/anvil}, whose optional
 * dependency for this operating system and processor, e.g. {@code @foundry-rs/anvil-linux-amd64}, carries the binary;
 * installed by the build into {@code besu-network/node_modules}), started on a free loopback port,
 * waited for until it answers JSON-RPC, and stopped on {@link #close()} or JVM shutdown.
 *
 * <p>Gas is free (base fee 0) like on the production Besu network, and the block gas limit is raised
 * so a batch of 1,000 revocations fits in one transaction. With a state file the chain (blocks,
 * receipts, logs) survives a stop and start; it is written when the node stops gracefully.
 *
 * <p>Development and tests only: its accounts are Anvil's published keys
 * ({@link nl.noodrem.ledger.devchain.devonly.DevOnlyAnvilAccounts}).
 */
public final class AnvilDevChain implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AnvilDevChain.class);

  /** Where {@code npm ci} puts the binary for this machine, relative to the besu-network folder. */
  public static final String BINARY_IN_MODULE = binaryInModule(System.getProperty("os.name"),
      System.getProperty("os.arch"));

  private static final Pattern LISTENING = Pattern.compile("Listening on ([0-9.]+):(\\d+)");
  private static final Pattern SECRET_LOOKING = Pattern.compile("0x[0-9a-fA-F]{64}");

  /**
   * How to start Anvil.
   *
   * @param binary the anvil executable
   * @param port 0 for a free port chosen by Anvil
   * @param stateFile where the chain is loaded from and dumped to on a graceful stop (empty: in memory)
   * @param accounts number of funded dev accounts (0 = admin, 1.. = issuers)
   * @param blockGasLimit per-block gas limit
   * @param startTimeout how long to wait for the node to answer
   */
  public record Config(Path binary, int port, Optional<Path> stateFile, int accounts, long blockGasLimit,
      Duration startTimeout) {

    public Config {
      Objects.requireNonNull(binary, "binary");
      Objects.requireNonNull(stateFile, "stateFile");
      Objects.requireNonNull(startTimeout, "startTimeout");
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
      if (accounts < 1) {
        throw new IllegalArgumentException("need at least one account");
      }
    }

    /** Defaults for the binary found under {@code projectRoot} (see {@link #locateBinary(Path)}). */
    public static Config forProject(Path projectRoot) {
      return new Config(locateBinary(projectRoot), 0, Optional.empty(), 10, 100_000_000L, Duration.ofSeconds(30));
    }

    public Config withPort(int newPort) {
      return new Config(binary, newPort, stateFile, accounts, blockGasLimit, startTimeout);
    }

    public Config withStateFile(Path file) {
      return new Config(binary, port, Optional.of(file), accounts, blockGasLimit, startTimeout);
    }

    public Config withAccounts(int count) {
      return new Config(binary, port, stateFile, count, blockGasLimit, startTimeout);
    }
  }

  /**
   * The path of the Anvil binary inside {@code besu-network} for a platform, named as the JVM names it: the package
   * {@code @foundry-rs/anvil-<os>-<arch>} that npm chose among the wrapper's optional dependencies.
   *
   * @throws IllegalStateException for a platform the npm packages do not serve
   */
  static String binaryInModule(String osName, String osArch) {
    String os = osName.toLowerCase(java.util.Locale.ROOT);
    String platform = os.startsWith("linux") ? "linux" : os.startsWith("mac") || os.startsWith("darwin") ? "darwin"
        : os.startsWith("windows") ? "win32" : null;
    String arch = switch (osArch.toLowerCase(java.util.Locale.ROOT)) {
      case "amd64", "x86_64" -> "amd64";
      case "aarch64", "arm64" -> "arm64";
      default -> null;
    };
    if (platform == null || arch == null || ("win32".equals(platform) && !"amd64".equals(arch))) {
      throw new IllegalStateException("no Anvil package for " + osName + " / " + osArch);
    }
    return "node_modules/@foundry-rs/anvil-" + platform + "-" + arch + "/bin/anvil"
        + ("win32".equals(platform) ? ".exe" : "");
  }

  /**
   * The Anvil binary for a project root: the repository root (then {@code besu-network/node_modules/...}),
   * the besu-network folder itself (then {@code node_modules/...}), or a folder below the repository
   * root such as {@code app/} (then its parents are searched, up to three levels).
   *
   * @throws IllegalStateException when none exists (run the besu-network build, which runs {@code npm ci})
   */
  public static Path locateBinary(Path projectRoot) {
    List<Path> candidates = new ArrayList<>();
    Path dir = projectRoot.toAbsolutePath().normalize();
    for (int level = 0; dir != null && level <= 3; level++, dir = dir.getParent()) {
      candidates.add(dir.resolve(BINARY_IN_MODULE));
      candidates.add(dir.resolve("besu-network").resolve(BINARY_IN_MODULE));
    }
    for (Path candidate : candidates) {
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("Anvil binary not found from " + projectRoot.toAbsolutePath() + " (looked at "
        + candidates + "); build besu-network first, its build runs npm ci");
  }

  private final Config config;
  private final Process process;
  private final String host;
  private final int port;
  private final Deque<String> recentOutput;
  private final Thread shutdownHook;
  private volatile boolean stopped;

  private AnvilDevChain(Config config, Process process, String host, int port, Deque<String> recentOutput) {
    this.config = config;
    this.process = process;
    this.host = host;
    this.port = port;
    this.recentOutput = recentOutput;
    this.shutdownHook = new Thread(this::stopQuietly, "anvil-shutdown-" + port);
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Starts Anvil and returns once it answers {@code eth_chainId}. */
  public static AnvilDevChain start(Config config) {
    List<String> command = new ArrayList<>(List.of(config.binary().toString(),
        "--host", "127.0.0.1",
        "--port", Integer.toString(config.port()),
        "--accounts", Integer.toString(config.accounts()),
        "--gas-limit", Long.toString(config.blockGasLimit()),
        "--base-fee", "0",
        "--gas-price", "0",
        "--color", "never"));
    config.stateFile().ifPresent(file -> {
      command.add("--state");
      command.add(file.toAbsolutePath().toString());
    });
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start Anvil at " + config.binary() + ": " + e.getMessage(), e);
    }
    Deque<String> recent = new ArrayDeque<>();
    CompletableFuture<String[]> listening = new CompletableFuture<>();
    Thread reader = new Thread(() -> drain(process, recent, listening), "anvil-output");
    reader.setDaemon(true);
    reader.start();
    AnvilDevChain chain = null;
    try {
      String[] address = listening.get(config.startTimeout().toMillis(), TimeUnit.MILLISECONDS);
      chain = new AnvilDevChain(config, process, address[0], Integer.parseInt(address[1]), recent);
      chain.awaitAnswer(config.startTimeout());
      LOG.info("Anvil dev chain (DEV ONLY) at {}", chain.rpcUrl());
      return chain;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw fail(chain, process, recent, "interrupted while starting Anvil", e);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      throw fail(chain, process, recent, "Anvil did not start within " + config.startTimeout(), e);
    }
  }

  private static IllegalStateException fail(AnvilDevChain chain, Process process, Deque<String> recent, String message,
      Exception cause) {
    if (chain != null) {
      chain.stopQuietly();
    } else {
      process.destroyForcibly();
    }
    synchronized (recent) {
      return new IllegalStateException(message + "; last output:\n" + String.join("\n", recent), cause);
    }
  }

  /** Reads Anvil's output so its pipe never fills; keeps the last lines for error messages, minus keys. */
  private static void drain(Process process, Deque<String> recent, CompletableFuture<String[]> listening) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        Matcher m = LISTENING.matcher(line);
        if (m.find()) {
          listening.complete(new String[] {m.group(1), m.group(2)});
        }
        synchronized (recent) {
          recent.addLast(SECRET_LOOKING.matcher(line).replaceAll("0x<redacted>"));
          if (recent.size() > 40) {
            recent.removeFirst();
          }
        }
      }
    } catch (IOException e) {
      // the process ended; nothing more to read
    } finally {
      listening.completeExceptionally(new IllegalStateException("Anvil exited with output ending before 'Listening on'"));
    }
  }

  private void awaitAnswer(Duration timeout) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create(rpcUrl()))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}"))
        .timeout(Duration.ofSeconds(2))
        .build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Anvil exited with code " + process.exitValue());
      }
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.body().contains("\"result\"")) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Anvil at " + rpcUrl() + " did not answer within " + timeout);
      }
      Thread.sleep(50);
    }
  }

  /** JSON-RPC over HTTP, e.g. {@code http://127.0.0.1:38211}. */
  public String rpcUrl() {
    return "http://" + host + ":" + port;
  }

  public int port() {
    return port;
  }

  public Config config() {
    return config;
  }

  public boolean isRunning() {
    return !stopped && process.isAlive();
  }

  /**
   * Stops Anvil gracefully (SIGTERM), so it writes its state file if it has one, and waits for it to exit.
   */
  public void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // already shutting down: the hook is what is calling us
    }
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        LOG.warn("Anvil at {} did not stop within 20 s; killing it", rpcUrl());
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private void stopQuietly() {
    try {
      stop();
    } catch (RuntimeException e) {
      LOG.warn("stopping Anvil failed: {}", e.getMessage());
    }
  }

  @Override
  public void close() {
    stop();
  }

  @Override
  public String toString() {
    return "AnvilDevChain[" + rpcUrl() + (isRunning() ? "" : ", stopped") + "]";
  }
}

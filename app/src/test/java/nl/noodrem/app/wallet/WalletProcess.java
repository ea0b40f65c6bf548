package nl.noodrem.app.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The browser wallet's JavaScript, run by Node in a child process: {@code test/interop/wallet-cli.mjs} in the
 * frontend folder takes one JSON job on stdin and answers one JSON document on stdout. The script imports the
 * same modules as the browser bundle, so what passes here is the wallet's own code, not a test double.
 */
final class WalletProcess {

  static final ObjectMapper JSON = new ObjectMapper();

  private final Path frontend;

  private WalletProcess(Path frontend) {
    this.frontend = frontend;
  }

  /** The frontend folder of the app module, found from the working directory (the module or the repository). */
  static Path frontendDir() {
    Path cwd = Path.of("").toAbsolutePath();
    for (Path candidate : new Path[] {cwd.resolve("src/main/frontend"), cwd.resolve("app/src/main/frontend")}) {
      if (Files.isRegularFile(candidate.resolve("package.json"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("app/src/main/frontend not found from " + cwd);
  }

  /** True when a {@code node} executable answers on the PATH. */
  static boolean nodeAvailable() {
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * @throws IllegalStateException when the frontend's npm packages are not installed (the Maven build runs
   *     {@code npm ci} before the tests)
   */
  static WalletProcess start() {
    Path frontend = frontendDir();
    if (!Files.isDirectory(frontend.resolve("node_modules/@digitalbazaar/bbs-signatures"))
        || !Files.isDirectory(frontend.resolve("node_modules/fake-indexeddb"))) {
      throw new IllegalStateException("npm packages missing in " + frontend + ": run `npm ci --ignore-scripts` there "
          + "(the Maven build does this in generate-resources)");
    }
    return new WalletProcess(frontend);
  }

  static ObjectNode job(String command) {
    return JSON.createObjectNode().put("command", command);
  }

  /** Runs one job; the answer has {@code ok} true, or false with the wallet's {@code code} and Dutch {@code message}. */
  JsonNode run(ObjectNode job) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("node", "test/interop/wallet-cli.mjs", "--job")
        .directory(frontend.toFile())
        .start();
    CompletableFuture<byte[]> out = readAsync(p.getInputStream());
    CompletableFuture<byte[]> err = readAsync(p.getErrorStream());
    try (OutputStream in = p.getOutputStream()) {
      in.write(JSON.writeValueAsBytes(job));
    }
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("wallet-cli.mjs did not finish within 120 s");
    }
    String stdout = new String(out.join(), StandardCharsets.UTF_8);
    if (p.exitValue() != 0) {
      throw new IllegalStateException("wallet-cli.mjs failed (" + p.exitValue() + "): "
          + new String(err.join(), StandardCharsets.UTF_8));
    }
    return JSON.readTree(stdout);
  }

  private static CompletableFuture<byte[]> readAsync(InputStream stream) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return stream.readAllBytes();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
  }
}

package nl.noodrem.app.production;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for a test: Debian's binaries ({@code /usr/lib/postgresql/<version>/bin}), a fresh cluster
 * in a temporary directory, loopback only, trust authentication. PostgreSQL refuses to run as root, so under root it
 * runs as the {@code postgres} user ({@code runuser}). {@link #available()} is false where no server is installed;
 * {@link #requireServer()} then skips a test, or fails it in CI.
 */
final class LocalPostgres implements AutoCloseable {

  private final Path bin;
  private final Path dir;
  private final int port;

  private LocalPostgres(Path bin, Path dir, int port) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
  }

  static Optional<Path> binaries() {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
          .max(Comparator.naturalOrder());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  static boolean available() {
    return binaries().isPresent();
  }

  /**
   * Skips the calling test where no server is installed, except in CI ({@code CI=true}), where {@code .ci/run}
   * installs one: there a missing server fails the test instead of letting the PostgreSQL half pass unseen.
   */
  static void requireServer() {
    if (available()) {
      return;
    }
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new AssertionError("CI=true but no PostgreSQL server is installed under /usr/lib/postgresql:"
          + " .ci/ensure-postgresql.sh installs it");
    }
    org.junit.jupiter.api.Assumptions.abort("no PostgreSQL server installed (Debian package postgresql)");
  }

  static LocalPostgres start() throws Exception {
    Path bin = binaries().orElseThrow(() -> new IllegalStateException("no PostgreSQL server installed"));
    Path dir = Files.createTempDirectory("noodrem-pg-test");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    if (isRoot()) {
      UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
      Files.setOwner(dir, postgres);
    }
    LocalPostgres pg = new LocalPostgres(bin, dir, port);
    pg.run(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "noodrem",
        "--auth=trust", "-E", "UTF8", "--no-sync");
    pg.run(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-t", "60",
        "-l", dir.resolve("server.log").toString(), "-o",
        "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + dir + " -c fsync=off", "start");
    pg.run(bin.resolve("createdb").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "noodrem",
        "noodrem");
    return pg;
  }

  String jdbcUrl() {
    return jdbcUrl("noodrem");
  }

  /** The URL of another database on this server (create it first, e.g. {@code CREATE DATABASE name}). */
  String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  String username() {
    return "noodrem";
  }

  @Override
  public void close() throws Exception {
    try {
      run(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private void run(String... command) throws Exception {
    List<String> full = new ArrayList<>();
    if (isRoot()) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(List.of(command));
    Process process = new ProcessBuilder(full).redirectErrorStream(true)
        .redirectOutput(dir.resolve("commands.log").toFile()).directory(dir.toFile()).start();
    if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
      String log = Files.exists(dir.resolve("commands.log")) ? Files.readString(dir.resolve("commands.log")) : "";
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + log);
    }
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }
}

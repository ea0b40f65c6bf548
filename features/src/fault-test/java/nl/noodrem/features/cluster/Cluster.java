package nl.noodrem.features.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The local production-like cluster of {@code app/production/cluster.sh}, driven from a test: every action is the
 * script's, so the test breaks exactly what an operator's command would break. Also the test's own access to the
 * cluster's databases (read-only checks), its secrets and the chain's hand-over file.
 */
public final class Cluster {

  public final Path repositoryRoot;
  public final Path dir;
  private final Map<String, String> env = new LinkedHashMap<>();

  public Cluster(Path repositoryRoot, Path dir, String database) {
    this.repositoryRoot = repositoryRoot.toAbsolutePath();
    this.dir = dir.toAbsolutePath();
    env.put("NOODREM_CLUSTER_DIR", this.dir.toString());
    env.put("NOODREM_CLUSTER_DB", database);
    String jar = System.getProperty("noodrem.app.jar", System.getenv("NOODREM_APP_JAR"));
    if (jar != null && !jar.isBlank()) {
      env.put("NOODREM_APP_JAR", jar);
    }
  }

  /** Finds the repository root from the working directory (features/ when run by Maven). */
  public static Path findRepositoryRoot() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("app/production/cluster.sh"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("app/production/cluster.sh not found above " + Path.of("").toAbsolutePath());
    }
    return p;
  }

  public String publicUrl() {
    return "http://127.0.0.1:" + env.getOrDefault("NOODREM_PUBLIC_PORT", "18080");
  }

  public int managementPort(int node) {
    return 18090 + node;
  }

  /** Runs {@code cluster.sh <args>} and waits for it; fails with its output when it fails. */
  public void run(String... args) {
    List<String> command = new ArrayList<>();
    command.add(repositoryRoot.resolve("app/production/cluster.sh").toString());
    command.addAll(List.of(args));
    try {
      ProcessBuilder builder = new ProcessBuilder(command).directory(repositoryRoot.toFile()).redirectErrorStream(true);
      builder.environment().putAll(env);
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(20, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new IllegalStateException("cluster.sh " + String.join(" ", args) + " failed:\n" + output);
      }
      System.out.print(output.lines().map(l -> "  [cluster] " + l + "\n").reduce("", String::concat));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public String secret(String name) {
    try {
      return Files.readString(dir.resolve("secrets").resolve(name)).strip();
    } catch (IOException e) {
      throw new IllegalStateException("no secret " + name + " in " + dir, e);
    }
  }

  /** The chain's hand-over file ({@code chain/chain.env}) as a map. */
  public Map<String, String> chainEnv() {
    Map<String, String> map = new LinkedHashMap<>();
    try {
      for (String line : Files.readAllLines(dir.resolve("chain/chain.env"))) {
        if (!line.startsWith("#") && line.contains("=")) {
          map.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return map;
  }

  /** The app's database (PostgreSQL, or the H2 file for measurements). */
  public Connection appDatabase() throws SQLException {
    if ("h2".equals(env.get("NOODREM_CLUSTER_DB"))) {
      return DriverManager.getConnection("jdbc:h2:" + dir.resolve("h2/noodrem") + ";AUTO_SERVER=TRUE", "noodrem",
          secret("NOODREM_DB_PASSWORD"));
    }
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + env.getOrDefault("NOODREM_PG_PORT", "15433")
        + "/noodrem", "noodrem", secret("NOODREM_DB_PASSWORD"));
  }

  /** The collection-system stand-in's database, as the app nodes reach it. */
  public Connection collectionDatabase() throws SQLException {
    return DriverManager.getConnection("jdbc:h2:tcp://127.0.0.1:19092/cjib", "sa", "");
  }

  /** The process id of a component, from the script's run directory (-1 when it does not run). */
  public long pid(String component) {
    try {
      return Long.parseLong(Files.readString(dir.resolve("run").resolve(component + ".pid")).strip());
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
  }

  /** Peak and current resident memory of a component in MB, from /proc. */
  public long[] memoryMb(String component) {
    long pid = pid(component);
    long hwm = -1;
    long rss = -1;
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmHWM:")) {
          hwm = Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        } else if (line.startsWith("VmRSS:")) {
          rss = Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not running
    }
    return new long[] {rss, hwm};
  }

  /** User plus system CPU time a component's process has used so far (from /proc), or -1 when it does not run. */
  public long cpuMillis(String component) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid(component) + "/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // fields 14 and 15 of stat (utime, stime), counted after the command name: indexes 11 and 12, in 1/100 s
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    } catch (IOException | RuntimeException e) {
      return -1; // not running
    }
  }
}

package nl.noodrem.features.load;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.noodrem.domain.Oin;
import nl.noodrem.features.cluster.Cluster;
import nl.noodrem.features.cluster.ClusterCitizen;
import nl.noodrem.features.cluster.Wallets;
import nl.noodrem.features.support.Bsns;

/**
 * The load script of issue 7 (an equivalent of a Gatling simulation, in plain Java so that the load generator takes
 * as little of the shared machine as possible): citizens arrive at a fixed rate (open model: arrivals do not wait
 * for earlier brakes) and each does the whole brake — DigiD login through the simulator (redirect, login page, form
 * post, artifact resolution by the node), pull the brake, wait until the first hold is acknowledged, ask for a
 * presentation request, prove (in the "wallet", this JVM), present, and wait until the collection system holds
 * the cases for 12 months. Reports throughput of completed brakes, p50/p95/p99 of the whole brake and of each
 * request, errors, and the resident memory of every node.
 */
final class BrakeLoad {

  private static final Oin DEN_HAAG = Oin.of("00000001999990001000");

  private BrakeLoad() {}

  static void main(String[] args) throws Exception {
    double rate = Double.parseDouble(LoadMain.option(args, "rate", "10"));
    int duration = Integer.parseInt(LoadMain.option(args, "duration", "60"));
    int warmup = Integer.parseInt(LoadMain.option(args, "warmup", "20"));
    String label = LoadMain.option(args, "label", "");
    Path root = Cluster.findRepositoryRoot();
    Path dir = Path.of(System.getenv().getOrDefault("NOODREM_CLUSTER_DIR", root.resolve(".noodrem/cluster").toString()));
    String db = System.getenv().getOrDefault("NOODREM_CLUSTER_DB", "postgres");
    Cluster cluster = new Cluster(root, dir, db);
    int total = (int) Math.ceil(rate * (warmup + duration));

    System.out.printf("preparing %d citizens (cases, credentials on one status-list range)%n", total);
    List<ClusterCitizen> citizens = new ArrayList<>();
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
    try (Wallets wallets = new Wallets(cluster, DEN_HAAG); Connection cjib = cluster.collectionDatabase()) {
      long first = wallets.allocate(total).firstIndex();
      try (PreparedStatement insert = cjib.prepareStatement("INSERT INTO CJIB_ZAAK (ZAAKNUMMER, BSN, SOORT,"
          + " OPENSTAAND_CENTEN, STADIUM, BESLISDATUM, STATUS) VALUES (?, ?, 'WAHV', ?, 'FIRST_REMINDER', ?, 'OPEN')")) {
        for (int i = 0; i < total; i++) {
          ClusterCitizen c = new ClusterCitizen(Bsns.fresh(), cluster.publicUrl(), http);
          String caseNumber = Bsns.caseNumber();
          insert.setString(1, caseNumber);
          insert.setString(2, c.bsn.digits());
          insert.setLong(3, 14_500);
          insert.setDate(4, Date.valueOf(LocalDate.now().minusMonths(3)));
          insert.addBatch();
          c.cases.add(caseNumber);
          c.credentialJson = wallets.credential(c.bsn, first + i);
          citizens.add(c);
        }
        insert.executeBatch();
      }
    }

    Stats whole = new Stats();
    Stats presentedToPlaced = new Stats();
    Map<String, Stats> steps = new ConcurrentHashMap<>();
    AtomicInteger errors = new AtomicInteger();
    Map<String, AtomicInteger> errorKinds = new ConcurrentHashMap<>();
    List<Long> completions = Collections.synchronizedList(new ArrayList<>());
    long[] cpuBefore = {cluster.cpuMillis("node1"), cluster.cpuMillis("node2")};
    ExecutorService people = Executors.newFixedThreadPool(400);
    long t0 = System.nanoTime();
    long measureFrom = t0 + TimeUnit.SECONDS.toNanos(warmup);
    long measureTo = measureFrom + TimeUnit.SECONDS.toNanos(duration);
    System.out.printf("running: %.1f brakes/s for %d s after %d s warm-up %s%n", rate, duration, warmup, label);
    try (Connection cjib = cluster.collectionDatabase()) {
      for (int i = 0; i < total; i++) {
        long due = t0 + (long) (i * 1e9 / rate);
        long wait = due - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        ClusterCitizen c = citizens.get(i);
        boolean measured = due >= measureFrom && due < measureTo;
        people.submit(() -> {
          long startMillis = System.currentTimeMillis();
          try {
            time(steps, "1 login (DigiD simulator, artifact)", () -> {
              c.logIn();
              return null;
            });
            time(steps, "2 pull the brake", () -> c.pull());
            long holdDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            long waitStart = System.nanoTime();
            while (!c.status().map(s -> s.path("acceptsProof").asBoolean()).orElse(false)) {
              if (System.nanoTime() > holdDeadline) {
                throw new IllegalStateException("first hold not acknowledged in 120 s");
              }
              // as the portal's page does (brake.js): every 2 s for a minute, then every 10 s
              Thread.sleep(System.nanoTime() - waitStart < TimeUnit.SECONDS.toNanos(60) ? 2000 : 10000);
            }
            record(steps, "3 first hold placed (wait)", System.nanoTime() - waitStart);
            long present = System.nanoTime();
            var answer = c.presentProof();
            record(steps, "4 proof request + prove + present", System.nanoTime() - present);
            if (answer.status() != 200) {
              throw new IllegalStateException("proof " + answer.outcome());
            }
            long extendStart = System.nanoTime();
            LocalDate until = c.pulledOn.plusMonths(12);
            while (!until.equals(holdUntil(cjib, c.cases.get(0)))) {
              if (System.nanoTime() > extendStart + TimeUnit.SECONDS.toNanos(120)) {
                throw new IllegalStateException("extension not held in 120 s");
              }
              Thread.sleep(1000);
            }
            record(steps, "5 decision + extension held (wait)", System.nanoTime() - extendStart);
            long placedAt = holdPlacedAtMillis(cjib, c.cases.get(0));
            if (measured) {
              presentedToPlaced.add((placedAt - c.proofPresentedAtMillis) * 1_000_000L);
            }
            long end = System.nanoTime();
            if (measured) {
              whole.add((placedAt - startMillis) * 1_000_000L);
              completions.add(end);
            }
          } catch (Exception e) {
            if (errors.incrementAndGet() == 1) {
              e.printStackTrace(System.out);
            }
            errorKinds.computeIfAbsent(e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage())
                .replaceAll("[0-9]{6,}", "#").substring(0, Math.min(80, String.valueOf(e.getMessage()).length())),
                k -> new AtomicInteger()).incrementAndGet();
          }
          return null;
        });
      }
      people.shutdown();
      people.awaitTermination(10, TimeUnit.MINUTES);
    }
    long last = completions.stream().mapToLong(Long::longValue).max().orElse(measureTo);
    double window = (Math.max(last, measureTo) - measureFrom) / 1e9;
    System.out.printf("%n==== brake load %s: %s, offered %.1f brakes/s for %d s ====%n", label, db, rate, duration);
    System.out.printf("  completed brakes in the window  %d in %.1f s = %.1f brakes/s%n", whole.count(), window,
        whole.count() / window);
    System.out.printf("  whole brake (login -> 12-month hold placed) %s%n", whole);
    System.out.printf("  proof presented -> hold placed   %s%n", presentedToPlaced);
    new TreeMap<>(steps).forEach((k, v) -> System.out.printf("  %-32s %s%n", k, v));
    System.out.printf("  errors                           %d %s%n", errors.get(), errorKinds);
    long cpu = 0;
    for (int n = 0; n < 2; n++) {
      long after = cluster.cpuMillis("node" + (n + 1));
      cpu += after >= 0 && cpuBefore[n] >= 0 ? after - cpuBefore[n] : 0;
    }
    int done = total - errors.get();
    System.out.printf("  app nodes' CPU time per brake    %d ms (%d brakes, warm-up included)%n",
        done == 0 ? 0 : cpu / done, done);
    for (String node : List.of("node1", "node2")) {
      long[] mb = cluster.memoryMb(node);
      if (mb[0] >= 0) {
        System.out.printf("  %s resident memory now %d MB, peak %d MB%n", node, mb[0], mb[1]);
      }
    }
  }

  private interface Step {
    Object run() throws Exception;
  }

  private static void time(Map<String, Stats> steps, String name, Step step) throws Exception {
    long start = System.nanoTime();
    step.run();
    record(steps, name, System.nanoTime() - start);
  }

  private static void record(Map<String, Stats> steps, String name, long nanos) {
    steps.computeIfAbsent(name, k -> new Stats()).add(nanos);
  }

  private static LocalDate holdUntil(Connection cjib, String caseNumber) throws Exception {
    synchronized (cjib) {
      try (PreparedStatement ps = cjib.prepareStatement("SELECT UITSTEL_TOT FROM CJIB_ZAAK WHERE ZAAKNUMMER = ?")) {
        ps.setString(1, caseNumber);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? rs.getObject(1, LocalDate.class) : null;
        }
      }
    }
  }

  /**
   * When the collection system carried out the command that put the case's current hold in force (its own clock, the
   * same machine's): the moment the hold was placed.
   */
  private static long holdPlacedAtMillis(Connection cjib, String caseNumber) throws Exception {
    synchronized (cjib) {
      try (PreparedStatement ps = cjib.prepareStatement("SELECT o.VERWERKT_OP FROM CJIB_ZAAK z"
          + " JOIN CJIB_VERWERKTE_OPDRACHT o ON o.OPDRACHT_ID = z.UITSTEL_OPDRACHT WHERE z.ZAAKNUMMER = ?")) {
        ps.setString(1, caseNumber);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            throw new IllegalStateException("hold without a carried-out command");
          }
          return rs.getTimestamp(1).getTime();
        }
      }
    }
  }

  /** Latencies in milliseconds: count and percentiles. */
  static final class Stats {
    private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());

    void add(long n) {
      nanos.add(n);
    }

    int count() {
      return nanos.size();
    }

    @Override
    public String toString() {
      List<Long> sorted;
      synchronized (nanos) {
        sorted = new ArrayList<>(nanos);
      }
      Collections.sort(sorted);
      if (sorted.isEmpty()) {
        return "n=0";
      }
      return String.format("n=%d p50=%d ms p95=%d ms p99=%d ms max=%d ms", sorted.size(), pct(sorted, 50),
          pct(sorted, 95), pct(sorted, 99), sorted.get(sorted.size() - 1) / 1_000_000);
    }

    private static long pct(List<Long> sorted, int p) {
      int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
      return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1_000_000;
    }
  }
}

package nl.noodrem.ledger.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import nl.noodrem.domain.Oin;
import nl.noodrem.ledger.IssuerAccreditation;
import nl.noodrem.ledger.IssuerClient;
import nl.noodrem.ledger.KeyId;
import nl.noodrem.ledger.Ledger;
import nl.noodrem.ledger.LedgerOptions;
import nl.noodrem.ledger.RegistryDeployer;
import nl.noodrem.ledger.RevocationResult;
import nl.noodrem.ledger.devchain.AnvilDevChain;
import nl.noodrem.ledger.devchain.devonly.DevOnlyAnvilAccounts;
import org.web3j.crypto.Credentials;

/**
 * Load script (not a test): revocations per second through the client from one account, a batch of
 * 1,000 revocations in one transaction, and bulk status reads per second, against a real Anvil.
 *
 * <p>Run: {@code mvn -q -o -pl besu-network test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=nl.noodrem.ledger.bench.LedgerLoadBenchmark} (optional argument: revocations, default 2000).
 */
public final class LedgerLoadBenchmark {

  private LedgerLoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    int revocations = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    String loadAtStart = loadAverage();
    Path root = Path.of("").toAbsolutePath();
    try (AnvilDevChain chain = AnvilDevChain.start(AnvilDevChain.Config.forProject(root))) {
      Credentials admin = DevOnlyAnvilAccounts.networkAdmin();
      Credentials municipality = DevOnlyAnvilAccounts.issuer(0);
      RegistryDeployer.Deployment deployment =
          RegistryDeployer.deploy(chain.rpcUrl(), admin, admin.getAddress(), LedgerOptions.DEFAULT);
      try (Ledger ledger = Ledger.connect(chain.rpcUrl(), deployment.addressBook())) {
        Instant now = Instant.now();
        ledger.networkAdmin(admin).accredit(new IssuerAccreditation(Oin.of("00000001002220647000"), "Utrecht",
            municipality.getAddress(), new IssuerAccreditation.KeySpec(KeyId.of("bench-k1"), new byte[96],
            now.minusSeconds(60), now.plus(Duration.ofDays(1)))));
        IssuerClient issuer = ledger.issuer(municipality);
        long list = issuer.createStatusList(1 << 20);
        issuer.allocateIndices(list, 1 << 20);

        List<String> rows = new ArrayList<>();
        long next = 0;
        // warm-up: JIT, connection pool
        next = revokeConcurrently(issuer, list, next, 200, 8).next;
        for (int threads : new int[] {1, 8, 16}) {
          Run run = revokeConcurrently(issuer, list, next, revocations, threads);
          next = run.next;
          rows.add(String.format(Locale.ROOT, "| single revocations, one account, %2d threads | %d tx | %.1f s | **%.0f tx/s** |",
              threads, revocations, run.seconds, revocations / run.seconds));
        }

        for (String layout : new String[] {"contiguous", "spread (each in its own word)"}) {
          long base = next;
          List<Long> batch = layout.startsWith("contiguous")
              ? LongStream.range(base, base + 1000).boxed().toList()
              : LongStream.range(0, 1000).map(i -> base + i * 256).boxed().toList();
          next = batch.get(batch.size() - 1) + 1;
          long start = System.nanoTime();
          RevocationResult result = issuer.revokeBatch(list, batch);
          double seconds = (System.nanoTime() - start) / 1e9;
          rows.add(String.format(Locale.ROOT, "| batch of 1,000 in one tx, %s | %,d gas | %.2f s | %d revoked |",
              layout, result.gasUsed(), seconds, result.newlyRevoked().size()));
        }

        for (int threads : new int[] {1, 4}) {
          double perSecond = bulkReads(ledger, list, threads, Duration.ofSeconds(5));
          rows.add(String.format(Locale.ROOT, "| bulk read of 10,000 bits (%d call), %d threads | | 5 s | **%.0f reads/s** (%.1f M bits/s) |",
              ledger.readStatuses(list, 0, 10_000).calls(), threads, perSecond, perSecond * 10_000 / 1e6));
        }
        double singles = singleReads(ledger, list, Duration.ofSeconds(3));
        rows.add(String.format(Locale.ROOT, "| single status read (isRevoked), 1 thread | | 3 s | %.0f reads/s |", singles));

        System.out.println();
        System.out.println("| what | size | time | result |");
        System.out.println("|---|---|---|---|");
        rows.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "%ncores: %d; load average at start %s, at end %s; %s %s; Anvil 1.7.1%n",
            Runtime.getRuntime().availableProcessors(), loadAtStart, loadAverage(),
            System.getProperty("java.vm.name"), System.getProperty("java.version"));
      }
    }
  }

  private record Run(double seconds, long next) {}

  /** The 1-minute load average: the machine is shared, so the numbers only mean something next to it. */
  private static String loadAverage() {
    try {
      return java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  private static Run revokeConcurrently(IssuerClient issuer, long list, long first, int count, int threads)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long start = System.nanoTime();
      List<Future<RevocationResult>> futures = new ArrayList<>();
      for (long i = first; i < first + count; i++) {
        long index = i;
        futures.add(pool.submit(() -> issuer.revoke(list, index)));
      }
      for (Future<RevocationResult> f : futures) {
        if (f.get().newlyRevoked().size() != 1) {
          throw new IllegalStateException("a revocation changed nothing");
        }
      }
      return new Run((System.nanoTime() - start) / 1e9, first + count);
    } finally {
      pool.shutdown();
    }
  }

  private static double bulkReads(Ledger ledger, long list, int threads, Duration duration) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicLong reads = new AtomicLong();
    long end = System.nanoTime() + duration.toNanos();
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      futures.add(pool.submit(() -> {
        while (System.nanoTime() < end) {
          ledger.readStatuses(list, 0, 10_000);
          reads.incrementAndGet();
        }
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    return reads.get() / (duration.toNanos() / 1e9);
  }

  private static double singleReads(Ledger ledger, long list, Duration duration) {
    long reads = 0;
    long end = System.nanoTime() + duration.toNanos();
    while (System.nanoTime() < end) {
      ledger.readStatus(list, reads % 10_000);
      reads++;
    }
    return reads / (duration.toNanos() / 1e9);
  }
}

package nl.noodrem.camel.retention;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import nl.noodrem.camel.errors.JdbcDeadLetterStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deletes what the bridges kept longer than needed, periodically (every node may run it: each delete
 * is idempotent):
 *
 * <ul>
 *   <li>dead letters replayed or discarded more than {@code deadLetterRetention} ago (open ones wait
 *       for a person);
 *   <li>idempotency keys ({@code CAMEL_MESSAGEPROCESSED}) older than {@code idempotencyRetention};
 *   <li>the processes' duplicate-check rows ({@code noodrem_processed_event}, when that table exists) older
 *       than {@code processedEventRetention} (zero keeps them): the app's database is where both checks
 *       meet, and this job is the one that already prunes by age;
 *   <li>dated folders ({@code yyyyMMdd}) under the given file folders (the batch inbox's
 *       {@code .processed} and {@code .quarantine}) older than {@code fileRetention}; zero keeps them.
 * </ul>
 *
 * <p><b>Failure:</b> a failing part is logged at WARN and tried again at the next run; the others still run.
 */
public class Housekeeping {

  private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

  /** What one run removed. */
  public record Outcome(int deadLetters, int idempotencyKeys, int processedEvents, int folders) {}

  private final JdbcDeadLetterStore deadLetters;
  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final Duration deadLetterRetention;
  private final Duration idempotencyRetention;
  private final Duration processedEventRetention;
  private final Duration fileRetention;
  private final List<Path> fileFolders;
  private ScheduledExecutorService scheduler;

  public Housekeeping(JdbcDeadLetterStore deadLetters, DataSource dataSource, Clock clock,
      Duration deadLetterRetention, Duration idempotencyRetention, Duration processedEventRetention,
      Duration fileRetention, List<Path> fileFolders) {
    this.deadLetters = deadLetters;
    this.jdbc = new JdbcTemplate(dataSource);
    this.clock = clock;
    this.deadLetterRetention = deadLetterRetention;
    this.idempotencyRetention = idempotencyRetention;
    this.processedEventRetention = processedEventRetention;
    this.fileRetention = fileRetention;
    this.fileFolders = List.copyOf(fileFolders);
  }

  public synchronized void start(Duration interval) {
    if (scheduler == null) {
      scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "noodrem-bridge-housekeeping");
        t.setDaemon(true);
        return t;
      });
      scheduler.scheduleWithFixedDelay(() -> {
        try {
          runOnce();
        } catch (RuntimeException e) {
          LOG.warn("Bridge housekeeping failed; tried again at the next run", e);
        }
      }, Math.min(interval.toMillis(), 60_000), interval.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  public synchronized void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }

  public Outcome runOnce() {
    Instant now = clock.instant();
    int letters = 0;
    int keys = 0;
    int folders = 0;
    try {
      letters = deadLetters.purgeHandled(now.minus(deadLetterRetention));
    } catch (RuntimeException e) {
      LOG.warn("Purging handled dead letters failed: {}", e.toString());
    }
    try {
      keys = jdbc.update("DELETE FROM CAMEL_MESSAGEPROCESSED WHERE createdAt < ?",
          java.sql.Timestamp.from(now.minus(idempotencyRetention)));
    } catch (RuntimeException e) {
      LOG.warn("Pruning idempotency keys failed: {}", e.toString());
    }
    int events = 0;
    if (!processedEventRetention.isZero()) {
      try {
        events = jdbc.update("DELETE FROM noodrem_processed_event WHERE processed_at < ?",
            java.sql.Timestamp.from(now.minus(processedEventRetention)));
      } catch (org.springframework.jdbc.BadSqlGrammarException e) {
        LOG.debug("No noodrem_processed_event table to prune: {}", e.toString());
      } catch (RuntimeException e) {
        LOG.warn("Pruning processed events failed: {}", e.toString());
      }
    }
    if (!fileRetention.isZero()) {
      LocalDate oldestKept = LocalDate.ofInstant(now.minus(fileRetention), ZoneOffset.UTC);
      for (Path folder : fileFolders) {
        folders += purgeDatedFolders(folder, oldestKept);
      }
    }
    if (letters + keys + events + folders > 0) {
      LOG.info("Bridge housekeeping removed {} handled dead letters, {} idempotency keys, {} processed events,"
          + " {} dated file folders", letters, keys, events, folders);
    }
    return new Outcome(letters, keys, events, folders);
  }

  private static int purgeDatedFolders(Path folder, LocalDate oldestKept) {
    if (!Files.isDirectory(folder)) {
      return 0;
    }
    int removed = 0;
    try (Stream<Path> days = Files.list(folder)) {
      for (Path day : days.filter(Files::isDirectory).toList()) {
        LocalDate date;
        try {
          date = LocalDate.parse(day.getFileName().toString(), DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException e) {
          continue; // not one of ours
        }
        if (date.isBefore(oldestKept)) {
          deleteTree(day);
          removed++;
        }
      }
    } catch (IOException e) {
      LOG.warn("Purging old files under {} failed: {}", folder, e.toString());
    }
    return removed;
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}

package nl.noodrem.camel.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import nl.noodrem.camel.api.Bridge;
import nl.noodrem.camel.api.DeadLetter;
import nl.noodrem.camel.api.DeadLetterService;
import nl.noodrem.camel.batch.DebtHelpBatchRouteBuilder;
import nl.noodrem.camel.errors.JdbcDeadLetterStore;
import nl.noodrem.camel.support.BridgeIntegrationTest;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Nothing personal kept longer than needed: dead-letter payloads are sealed at rest and shown only
 * through {@link DeadLetterService#openPayload} with an audit entry; handled dead letters, old
 * idempotency keys and old processed files are deleted by the housekeeping.
 */
class DeadLetterPrivacyAndRetentionTest extends BridgeIntegrationTest {

  static final String OIN = "00000001999990001000";
  static final String BAD_BSN = "999993654";

  @Autowired JdbcDeadLetterStore deadLetters;
  @Autowired DataSource dataSource;

  DeadLetter brokenLine(String id) throws Exception {
    String name = id + ".csv";
    NotifyBuilder done = new NotifyBuilder(camel).fromRoute(DebtHelpBatchRouteBuilder.DIRECTORY_ROUTE_ID)
        .filter(e -> name.equals(e.getIn().getHeader(Exchange.FILE_NAME_ONLY)) && e.getProperty(Exchange.SPLIT_INDEX) == null)
        .whenDone(1).create();
    Path temp = INBOX.resolve("." + name + ".tmp");
    Files.writeString(temp, "STARTED;" + id + ";" + OIN + ";" + BAD_BSN + ";MSNP;2025-01-15;2025-02-01;;\n");
    Files.setLastModifiedTime(temp, FileTime.from(Instant.now().minusSeconds(60)));
    Files.move(temp, INBOX.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    assertThat(done.matches(20, TimeUnit.SECONDS)).isTrue();
    return deadLetters.list(Bridge.DEBT_HELP_BATCH, DeadLetter.Status.OPEN, 1000).stream()
        .filter(d -> (name + " line 1").equals(d.sourceRef())).findFirst().orElseThrow();
  }

  static String id() {
    return "PRIV-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void deadLetterPayload_isSealedAtRest_andNotListed() throws Exception {
    String id = id();
    DeadLetter letter = brokenLine(id);

    String stored = new JdbcTemplate(dataSource).queryForObject(
        "SELECT PAYLOAD FROM NOODREM_DEAD_LETTER WHERE ID = ?", String.class, letter.id());
    assertThat(stored).startsWith("dl1.").doesNotContain(BAD_BSN).doesNotContain(id);
    assertThat(letter.payload()).isNull();
    assertThat(deadLetters.find(letter.id()).orElseThrow().payload()).isNull();
    assertThat(new JdbcTemplate(dataSource).queryForList("SELECT * FROM NOODREM_DEAD_LETTER WHERE ID = ?", letter.id())
        .toString()).doesNotContain(BAD_BSN);
  }

  @Test
  void openPayload_showsTheRecordInClear_andAuditsWhoAsked() throws Exception {
    String id = id();
    DeadLetter letter = brokenLine(id);

    String payload = deadLetters.openPayload(letter.id(), "operator-anna").orElseThrow();

    assertThat(payload).contains(id).contains(BAD_BSN);
    assertThat(deadLetters.audit(letter.id())).singleElement().satisfies(entry -> {
      assertThat(entry.actor()).isEqualTo("operator-anna");
      assertThat(entry.action()).isEqualTo("PAYLOAD_SHOWN");
    });
  }

  @Test
  void housekeeping_deletesHandledDeadLettersAfterTheirRetention_butKeepsOpenOnes() throws Exception {
    DeadLetter handled = brokenLine(id());
    DeadLetter open = brokenLine(id());
    assertThat(deadLetters.discard(handled.id(), "corrected line received")).isTrue();
    Housekeeping tomorrow = housekeeping(Duration.ofDays(1).plusMinutes(1), Duration.ofDays(1), Duration.ZERO);

    tomorrow.runOnce();

    assertThat(deadLetters.find(handled.id())).isEmpty();
    assertThat(deadLetters.find(open.id())).isPresent();
  }

  @Test
  void housekeeping_prunesOldIdempotencyKeys_only() {
    JdbcTemplate sql = new JdbcTemplate(dataSource);
    String old = "old-" + UUID.randomUUID();
    String recent = "recent-" + UUID.randomUUID();
    sql.update("INSERT INTO CAMEL_MESSAGEPROCESSED (processorName, messageId, createdAt) VALUES (?, ?, ?)",
        "test-retention", old, java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(200))));
    sql.update("INSERT INTO CAMEL_MESSAGEPROCESSED (processorName, messageId, createdAt) VALUES (?, ?, ?)",
        "test-retention", recent, java.sql.Timestamp.from(Instant.now()));

    housekeeping(Duration.ZERO, Duration.ofDays(180), Duration.ZERO).runOnce();

    assertThat(sql.queryForList("SELECT messageId FROM CAMEL_MESSAGEPROCESSED WHERE processorName = 'test-retention'",
        String.class)).containsExactly(recent);
  }

  @Test
  void housekeeping_prunesOldProcessedEvents_whenTheAppHasThatTable() {
    JdbcTemplate sql = new JdbcTemplate(dataSource);
    // the processes module's table (its DDL), as the app has it
    sql.execute("CREATE TABLE IF NOT EXISTS noodrem_processed_event (source_id VARCHAR(400) PRIMARY KEY,"
        + " kind VARCHAR(40) NOT NULL, processed_at TIMESTAMP WITH TIME ZONE NOT NULL)");
    String old = "batch/old/" + UUID.randomUUID();
    String recent = "batch/recent/" + UUID.randomUUID();
    sql.update("INSERT INTO noodrem_processed_event VALUES (?, 'test', ?)", old,
        java.time.OffsetDateTime.now().minusDays(500));
    sql.update("INSERT INTO noodrem_processed_event VALUES (?, 'test', ?)", recent, java.time.OffsetDateTime.now());

    assertThat(housekeeping(Duration.ZERO, Duration.ofDays(30), Duration.ZERO).runOnce().processedEvents()).isOne();

    assertThat(sql.queryForList("SELECT source_id FROM noodrem_processed_event WHERE kind = 'test'", String.class))
        .containsExactly(recent);
  }

  @Test
  void housekeeping_deletesDatedFileFoldersOlderThanTheRetention() throws Exception {
    Path processed = WORK.resolve("retention-files").resolve(".processed");
    Path old = Files.createDirectories(processed.resolve("20240101"));
    Files.writeString(old.resolve("old.csv"), "STARTED;...\n");
    Path recent = Files.createDirectories(processed.resolve(
        java.time.LocalDate.now(java.time.ZoneOffset.UTC).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)));
    Path other = Files.createDirectories(processed.resolve("not-a-date"));

    Housekeeping.Outcome outcome = new Housekeeping(deadLetters, dataSource, Clock.systemUTC(), Duration.ofDays(30),
        Duration.ofDays(180), Duration.ZERO, Duration.ofDays(30), List.of(processed)).runOnce();

    assertThat(outcome.folders()).isEqualTo(1);
    assertThat(old).doesNotExist();
    assertThat(recent).exists();
    assertThat(other).exists();
  }

  Housekeeping housekeeping(Duration later, Duration deadLetterRetention, Duration fileRetention) {
    return new Housekeeping(deadLetters, dataSource, Clock.offset(Clock.systemUTC(), later), deadLetterRetention,
        Duration.ofDays(180), Duration.ofDays(400), fileRetention, List.of());
  }
}

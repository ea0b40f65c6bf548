package nl.noodrem.camel.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.noodrem.camel.api.Bridge;
import nl.noodrem.camel.api.DeadLetter;
import nl.noodrem.camel.api.DeadLetterService;
import nl.noodrem.camel.support.BridgeIntegrationTest;
import nl.noodrem.domain.event.DebtHelpEnded;
import nl.noodrem.domain.event.DebtHelpStarted;
import nl.noodrem.domain.event.DomainEvent;
import nl.noodrem.standin.BatchDropStandin;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import javax.sql.DataSource;

/** Batch files from the stand-in's drop directory and SFTP server through the batch routes. */
class DebtHelpBatchBridgeTest extends BridgeIntegrationTest {

  static final String OIN = "00000001999990001000";
  static final String HEADER =
      "record_type;record_id;municipality_oin;bsn;assistance_type;decision_date;help_start_date;end_date;end_reason\n";

  @Autowired
  BatchDropStandin drop;

  @Autowired
  DeadLetterService deadLetters;

  @Autowired
  DataSource dataSource;

  static String started(String id, String bsn) {
    return "STARTED;" + id + ";" + OIN + ";" + bsn + ";MSNP;2025-01-15;2025-02-01;;\n";
  }

  static String ended(String id, String bsn) {
    return "ENDED;" + id + ";" + OIN + ";" + bsn + ";;;;2025-06-30;COMPLETED\n";
  }

  /** Drops a complete file whose age already passes the read lock's minimum age. */
  Path dropComplete(String name, String content) throws IOException {
    Path file = drop.drop(name, content);
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
    return file;
  }

  /** Done when the file's own exchange is (not one of the per-line exchanges split off it, which carry its headers). */
  NotifyBuilder whenFileDone(String routeId, String name) {
    return new NotifyBuilder(camel).fromRoute(routeId)
        .filter(e -> name.equals(e.getIn().getHeader(Exchange.FILE_NAME_ONLY))
            && e.getProperty(Exchange.SPLIT_INDEX) == null)
        .whenDone(1).create();
  }

  List<String> sourceIds(String prefix) {
    return gateway.eventsWithSourcePrefix("batch/" + OIN + "/" + prefix).stream().map(DomainEvent::sourceId).toList();
  }

  @Test
  void csvFile_startedAndEndedRecords_areDeliveredInOrder() throws Exception {
    NotifyBuilder done = whenFileDone(DebtHelpBatchRouteBuilder.DIRECTORY_ROUTE_ID, "csv-ok.csv");
    dropComplete("csv-ok.csv", HEADER + started("OK-1", "999993653") + ended("OK-2", "123456782"));

    assertThat(done.matches(20, TimeUnit.SECONDS)).isTrue();
    assertThat(gateway.eventsWithSourcePrefix("batch/" + OIN + "/OK-"))
        .hasSize(2)
        .satisfies(events -> {
          assertThat(events.get(0)).isInstanceOf(DebtHelpStarted.class);
          assertThat(events.get(1)).isInstanceOf(DebtHelpEnded.class);
        });
    assertThat(INBOX.resolve("csv-ok.csv")).doesNotExist();
  }

  @Test
  void fixedWidthFile_records_areDelivered() throws Exception {
    String content = BatchRecordParserTest.fixed("S", "FW-1", OIN, "999993653", "MSNP", "20250115", "20250201", "", "")
        + "\r\n" + BatchRecordParserTest.fixed("E", "FW-2", OIN, "123456782", "", "", "", "20250630", "COMPLETED")
        + "\r\n";
    NotifyBuilder done = whenFileDone(DebtHelpBatchRouteBuilder.DIRECTORY_ROUTE_ID, "fixed.txt");
    dropComplete("fixed.txt", content);

    assertThat(done.matches(20, TimeUnit.SECONDS)).isTrue();
    assertThat(sourceIds("FW-")).containsExactly("batch/" + OIN + "/FW-1", "batch/" + OIN + "/FW-2");
  }

  @Test
  void brokenLine_isQuarantinedWithLineNumber_whileOthersAreDelivered() throws Exception {
    NotifyBuilder done = whenFileDone(DebtHelpBatchRouteBuilder.DIRECTORY_ROUTE_ID, "broken.csv");
    dropComplete("broken.csv", HEADER
        + started("BR-1", "999993653")
        + "STARTED;BR-2;" + OIN + ";999993654;MSNP;2025-01-15;2025-02-01;;\n" // line 3: BSN fails the 11-proof
        + ended("BR-3", "123456782"));

    assertThat(done.matches(20, TimeUnit.SECONDS)).isTrue();
    assertThat(sourceIds("BR-")).containsExactly("batch/" + OIN + "/BR-1", "batch/" + OIN + "/BR-3");
    DeadLetter quarantined = deadLetters.list(Bridge.DEBT_HELP_BATCH, DeadLetter.Status.OPEN, 1000).stream()
        .filter(d -> "broken.csv line 3".equals(d.sourceRef())).findFirst().orElseThrow();
    assertThat(quarantined.kind()).isEqualTo(DeadLetter.Kind.QUARANTINED);
    assertThat(quarantined.lineNumber()).isEqualTo(3);
    assertThat(quarantined.payload()).as("sealed at rest, not listed").isNull();
    assertThat(deadLetters.openPayload(quarantined.id(), "operator-test")).get().asString().contains("BR-2");
    assertThat(quarantined.reason()).contains("11-proof").doesNotContain("999993654");
    assertThat(quarantined.attempts()).isEqualTo(1);
  }

  @Test
  void duplicateFile_underAnotherName_actsOnce() throws Exception {
    String content = HEADER + started("DUP-1", "999993653") + ended("DUP-2", "123456782");
    NotifyBuilder first = whenFileDone(DebtHelpBatchRouteBuilder.DIRECTORY_ROUTE_ID, "dup-a.csv");
    dropComplete("dup-a.csv", content);
    assertThat(first.matches(20, TimeUnit.SECONDS)).isTrue();

    NotifyBuilder second = whenFileDone(DebtHelpBatchRouteBuilder.DIRECTORY_ROUTE_ID, "dup-b.csv");
    dropComplete("dup-b.csv", content);
    assertThat(second.matches(20, TimeUnit.SECONDS)).isTrue();

    assertThat(sourceIds("DUP-")).hasSize(2);
    assertThat(gateway.attempts("batch/" + OIN + "/DUP-1")).isEqualTo(1);
  }

  @Test
  void halfProcessedFile_takenAgain_deliversOnlyTheRemainingRecords() throws Exception {
    String content = HEADER + started("RES-1", "999993653") + ended("RES-2", "123456782")
        + started("RES-3", "111222333") + ended("RES-4", "999990019");
    // the state a crash after line 3 leaves: lines 2 and 3 recorded as delivered, the file not recorded as done
    String hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
        .digest(content.getBytes(StandardCharsets.UTF_8)));
    JdbcMessageIdRepository records =
        new JdbcMessageIdRepository(dataSource, DebtHelpBatchRouteBuilder.RECORD_REPOSITORY);
    records.start();
    records.add(hash + ":2");
    records.add(hash + ":3");
    records.stop();

    NotifyBuilder done = whenFileDone(DebtHelpBatchRouteBuilder.DIRECTORY_ROUTE_ID, "resume.csv");
    dropComplete("resume.csv", content);

    assertThat(done.matches(20, TimeUnit.SECONDS)).isTrue();
    assertThat(sourceIds("RES-")).containsExactly("batch/" + OIN + "/RES-3", "batch/" + OIN + "/RES-4");
  }

  @Test
  void fileStillBeingWritten_isNotTakenUntilItStopsChanging() throws Exception {
    Path slow = INBOX.resolve("slow.csv");
    drop.dropHalfWritten(slow, HEADER + started("SLOW-1", "999993653"));
    AtomicBoolean writing = new AtomicBoolean(true);
    Thread writer = new Thread(() -> {
      int n = 2;
      while (writing.get()) {
        try {
          // a sender appending a record now and then, as a slow export does
          Files.writeString(slow, started("SLOW-" + n++, "999993653"), StandardOpenOption.APPEND);
          Thread.sleep(100);
        } catch (IOException | InterruptedException e) {
          return;
        }
      }
    });
    writer.start();
    int written;
    try {
      NotifyBuilder marker = whenFileDone(DebtHelpBatchRouteBuilder.DIRECTORY_ROUTE_ID, "marker.csv");
      dropComplete("marker.csv", HEADER + started("MARK-1", "999993653"));
      assertThat(marker.matches(20, TimeUnit.SECONDS)).isTrue();
      assertThat(sourceIds("SLOW-")).as("nothing of a file still being written").isEmpty();
      assertThat(slow).exists();
    } finally {
      writing.set(false);
      writer.join();
    }
    written = (int) Files.readAllLines(slow).stream().filter(l -> l.startsWith("STARTED")).count();

    NotifyBuilder done = whenFileDone(DebtHelpBatchRouteBuilder.DIRECTORY_ROUTE_ID, "slow.csv");
    assertThat(done.matches(30, TimeUnit.SECONDS)).isTrue();
    assertThat(sourceIds("SLOW-")).hasSize(written).doesNotHaveDuplicates();
  }

  @Test
  void sftpFile_isTakenFromTheStandInServer() throws Exception {
    NotifyBuilder done = whenFileDone(DebtHelpBatchRouteBuilder.SFTP_ROUTE_ID, "sftp-batch.csv");
    Path file = drop.dropOnSftp("sftp-batch.csv", HEADER + started("SFTP-1", "999993653"));
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));

    assertThat(done.matches(30, TimeUnit.SECONDS)).isTrue();
    assertThat(sourceIds("SFTP-")).containsExactly("batch/" + OIN + "/SFTP-1");
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(SFTP_ROOT.resolve("sftp-batch.csv")).doesNotExist());
  }

  @Test
  void deliveryRefused_isDeadLettered_andReplayDeliversIt() throws Exception {
    gateway.failFor("batch/" + OIN + "/REP-1", 1, false);
    NotifyBuilder done = whenFileDone(DebtHelpBatchRouteBuilder.DIRECTORY_ROUTE_ID, "replay.csv");
    dropComplete("replay.csv", HEADER + started("REP-1", "999993653") + started("REP-2", "123456782"));
    assertThat(done.matches(20, TimeUnit.SECONDS)).isTrue();
    assertThat(sourceIds("REP-")).containsExactly("batch/" + OIN + "/REP-2");

    DeadLetter letter = deadLetters.list(Bridge.DEBT_HELP_BATCH, DeadLetter.Status.OPEN, 1000).stream()
        .filter(d -> "replay.csv line 2".equals(d.sourceRef())).findFirst().orElseThrow();
    assertThat(letter.kind()).isEqualTo(DeadLetter.Kind.DELIVERY_FAILED);
    assertThat(gateway.attempts("batch/" + OIN + "/REP-1")).as("not retried: refused as not retryable").isEqualTo(1);

    DeadLetterService.ReplayOutcome outcome = deadLetters.replay(letter.id());

    assertThat(outcome.delivered()).isTrue();
    assertThat(sourceIds("REP-")).containsExactly("batch/" + OIN + "/REP-2", "batch/" + OIN + "/REP-1");
    assertThat(deadLetters.find(letter.id()).orElseThrow().status()).isEqualTo(DeadLetter.Status.REPLAYED);
  }
}

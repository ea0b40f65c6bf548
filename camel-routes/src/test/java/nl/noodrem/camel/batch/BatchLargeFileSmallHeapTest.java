package nl.noodrem.camel.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import nl.noodrem.camel.api.Bridge;
import nl.noodrem.camel.api.DeadLetter;
import nl.noodrem.camel.api.DeadLetterService;
import nl.noodrem.camel.health.BridgeHealth;
import nl.noodrem.camel.support.BridgesTestApplication;
import nl.noodrem.camel.support.RecordingProcessGateway;
import nl.noodrem.domain.event.DomainEvent;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Files larger than the heap, in a JVM started with {@code -Xmx128m} (surefire execution
 * {@code small-heap}): only the batch bridge runs. A 200 MB file is quarantined unread; a 90 MB file
 * under the limit is read as a stream (its one 90 MB line becomes a dead letter, its records arrive);
 * either way the poller goes on. The files are made by the test and deleted after it.
 */
@SpringBootTest(classes = BridgesTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class BatchLargeFileSmallHeapTest {

  static final Path WORK = tempDir();
  static final Path INBOX = WORK.resolve("inbox");
  static final long MAX_FILE_BYTES = 100L * 1024 * 1024;
  static final String OIN = DebtHelpBatchBridgeTest.OIN;

  @Autowired CamelContext camel;
  @Autowired RecordingProcessGateway gateway;
  @Autowired DeadLetterService deadLetters;
  @Autowired BridgeHealth health;

  @DynamicPropertySource
  static void onlyTheBatchBridge(DynamicPropertyRegistry registry) {
    registry.add("spring.artemis.mode", () -> "native");
    registry.add("noodrem.privacy.sealing-key", () -> "dGVzdC1vbmx5LXNlYWxpbmcta2V5LTMyLWJ5dGVzISE=");
    registry.add("spring.artemis.broker-url", () -> "tcp://127.0.0.1:1");
    registry.add("noodrem.legacy.debt-help-soap.enabled", () -> "false");
    registry.add("noodrem.legacy.collection.enabled", () -> "false");
    registry.add("noodrem.legacy.chain-status.enabled", () -> "false");
    registry.add("noodrem.legacy.debt-help-batch.enabled", () -> "true");
    registry.add("noodrem.legacy.debt-help-batch.directory", INBOX::toString);
    registry.add("noodrem.legacy.debt-help-batch.max-file-bytes", () -> MAX_FILE_BYTES);
    registry.add("noodrem.legacy.debt-help-batch.poll-delay-ms", () -> "100");
    registry.add("noodrem.legacy.debt-help-batch.read-lock-min-age-ms", () -> "500");
    registry.add("noodrem.legacy.debt-help-batch.read-lock-check-interval-ms", () -> "100");
    registry.add("noodrem.legacy.debt-help-batch.read-lock-timeout-ms", () -> "5000");
    registry.add("noodrem.legacy.health.check-interval-ms", () -> "3600000");
  }

  @AfterAll
  static void removeFiles() throws IOException {
    try (var files = Files.walk(WORK)) {
      files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
    }
  }

  /** Streams {@code size} bytes: a header, a valid record, one endless line of 'x', a valid record. */
  static void write(Path target, long size, String firstId, String lastId) throws IOException {
    Files.createDirectories(target.getParent());
    Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
    byte[] head = (DebtHelpBatchBridgeTest.HEADER + DebtHelpBatchBridgeTest.started(firstId, "999993653"))
        .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\n" + DebtHelpBatchBridgeTest.started(lastId, "123456782")).getBytes(StandardCharsets.UTF_8);
    byte[] chunk = new byte[1 << 20];
    Arrays.fill(chunk, (byte) 'x');
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp))) {
      out.write(head);
      long left = size - head.length - tail.length;
      while (left > 0) {
        int n = (int) Math.min(chunk.length, left);
        out.write(chunk, 0, n);
        left -= n;
      }
      out.write(tail);
    }
    Files.setLastModifiedTime(temp, FileTime.from(Instant.now().minusSeconds(60)));
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
  }

  NotifyBuilder whenFileDone(String name) {
    return new NotifyBuilder(camel).fromRoute(DebtHelpBatchRouteBuilder.DIRECTORY_ROUTE_ID)
        .filter(e -> name.equals(e.getIn().getHeader(Exchange.FILE_NAME_ONLY)) && e.getProperty(Exchange.SPLIT_INDEX) == null)
        .whenDone(1).create();
  }

  java.util.List<String> sourceIds(String prefix) {
    return gateway.eventsWithSourcePrefix("batch/" + OIN + "/" + prefix).stream().map(DomainEvent::sourceId).toList();
  }

  @Test
  void heapIsSmallerThanTheFiles() {
    assertThat(Runtime.getRuntime().maxMemory()).isLessThan(200L * 1024 * 1024);
  }

  @Test
  void file200Mb_isQuarantinedUnread_andTheNextFileIsProcessed() throws Exception {
    NotifyBuilder huge = whenFileDone("huge.csv");
    write(INBOX.resolve("huge.csv"), 200L * 1024 * 1024, "HUGE-1", "HUGE-2");
    assertThat(huge.matches(60, TimeUnit.SECONDS)).isTrue();

    assertThat(sourceIds("HUGE-")).isEmpty();
    DeadLetter letter = deadLetters.list(Bridge.DEBT_HELP_BATCH, DeadLetter.Status.OPEN, 100).stream()
        .filter(d -> d.sourceRef().startsWith("huge.csv")).findFirst().orElseThrow();
    assertThat(letter.reason()).contains("exceeds the maximum");
    assertThat(INBOX.resolve("huge.csv")).doesNotExist();

    assertNextFileIsProcessed("AFTER-HUGE");
  }

  @Test
  void file90Mb_underTheLimit_isStreamed_itsRecordsArrive_andItsEndlessLineIsADeadLetter() throws Exception {
    NotifyBuilder done = whenFileDone("long.csv");
    write(INBOX.resolve("long.csv"), 90L * 1024 * 1024, "STREAM-1", "STREAM-2");
    assertThat(done.matches(120, TimeUnit.SECONDS)).isTrue();

    assertThat(sourceIds("STREAM-")).containsExactly("batch/" + OIN + "/STREAM-1", "batch/" + OIN + "/STREAM-2");
    DeadLetter letter = deadLetters.list(Bridge.DEBT_HELP_BATCH, DeadLetter.Status.OPEN, 100).stream()
        .filter(d -> "long.csv line 3".equals(d.sourceRef())).findFirst().orElseThrow();
    assertThat(letter.reason()).contains("longer than");

    assertNextFileIsProcessed("AFTER-STREAM");
  }

  void assertNextFileIsProcessed(String id) throws Exception {
    NotifyBuilder next = whenFileDone(id + ".csv");
    Path file = INBOX.resolve(id + ".csv");
    Files.writeString(file, DebtHelpBatchBridgeTest.HEADER + DebtHelpBatchBridgeTest.started(id, "999993653"));
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
    assertThat(next.matches(30, TimeUnit.SECONDS)).isTrue();
    assertThat(sourceIds(id)).containsExactly("batch/" + OIN + "/" + id);
    BridgeHealth.Watched batch = new BridgeHealth.Watched("debt-help-batch",
        java.util.List.of(DebtHelpBatchRouteBuilder.DIRECTORY_ROUTE_ID),
        java.util.Map.of(DebtHelpBatchRouteBuilder.DIRECTORY_ROUTE_ID, java.time.Duration.ofMillis(100)));
    assertThat(health.evaluate(batch).up()).isTrue();
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("noodrem-large-batch-");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

package nl.noodrem.camel.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import nl.noodrem.camel.api.Bridge;
import nl.noodrem.camel.api.DeadLetter;
import nl.noodrem.camel.api.DeadLetterService;
import nl.noodrem.camel.support.BridgeIntegrationTest;
import nl.noodrem.camel.support.Health;
import nl.noodrem.domain.event.DomainEvent;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The files a municipality's legacy export really produces, dropped into the batch inbox (and onto the
 * SFTP server, whose source declares windows-1252). For each: the bad part is a dead letter or a
 * quarantined file with its reason, every valid record arrives exactly once, the poller still polls (a
 * valid file dropped afterwards is processed) and health says the bridge is up.
 *
 * <p>The 200 MB file runs in its own small-heap JVM: {@link BatchLargeFileSmallHeapTest}.
 */
class DebtHelpBatchBadInputTest extends BridgeIntegrationTest {

  static final String OIN = DebtHelpBatchBridgeTest.OIN;
  static final String HEADER = DebtHelpBatchBridgeTest.HEADER;
  static final Charset CP1252 = Charset.forName("windows-1252");

  @Autowired
  DeadLetterService deadLetters;

  @Autowired
  MeterRegistry meters;

  static String started(String id, String bsn) {
    return DebtHelpBatchBridgeTest.started(id, bsn);
  }

  /** Writes under a hidden temporary name and renames, as a careful sender does; old enough for the read lock. */
  static Path drop(Path folder, String name, byte[] content) throws IOException {
    Files.createDirectories(folder);
    Path temp = folder.resolve("." + name + ".tmp");
    Files.write(temp, content);
    Files.setLastModifiedTime(temp, FileTime.from(Instant.now().minusSeconds(60)));
    return Files.move(temp, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }

  NotifyBuilder whenFileDone(String routeId, String name) {
    return new NotifyBuilder(camel).fromRoute(routeId)
        .filter(e -> name.equals(e.getIn().getHeader(Exchange.FILE_NAME_ONLY))
            && e.getProperty(Exchange.SPLIT_INDEX) == null)
        .whenDone(1).create();
  }

  void dropAndWait(String name, byte[] content) throws Exception {
    NotifyBuilder done = whenFileDone(DebtHelpBatchRouteBuilder.DIRECTORY_ROUTE_ID, name);
    drop(INBOX, name, content);
    assertThat(done.matches(20, TimeUnit.SECONDS)).as("file " + name + " handled").isTrue();
  }

  List<String> sourceIds(String prefix) {
    return gateway.eventsWithSourcePrefix("batch/" + OIN + "/" + prefix).stream().map(DomainEvent::sourceId).toList();
  }

  static String id(String prefix, int n) {
    return prefix + "-" + n;
  }

  DeadLetter deadLetter(String sourceRef) {
    return deadLetters.list(Bridge.DEBT_HELP_BATCH, DeadLetter.Status.OPEN, 1000).stream()
        .filter(d -> sourceRef.equals(d.sourceRef())).findFirst()
        .orElseThrow(() -> new AssertionError("no open dead letter " + sourceRef));
  }

  static Path today(String folder, String name) {
    return INBOX.resolve(folder).resolve(LocalDate.now().format(DateTimeFormatter.BASIC_ISO_DATE)).resolve(name);
  }

  double quarantinedFiles(String cause) {
    Counter counter = meters.find("noodrem.bridge.quarantined.files").tag("cause", cause).counter();
    return counter == null ? 0 : counter.count();
  }

  /** After every case: the poller still takes a valid file, and health says the bridge is up. */
  @AfterEach
  void bridgeStillWorks() throws Exception {
    String marker = "AFTER-" + UUID.randomUUID().toString().substring(0, 8);
    dropAndWait(marker + ".csv", (HEADER + started(marker, "999993653")).getBytes(StandardCharsets.UTF_8));
    assertThat(sourceIds(marker)).as("a valid file dropped afterwards").containsExactly("batch/" + OIN + "/" + marker);
    assertThat(Health.bridge(HTTP_PORT, "debt-help-batch").path("status").asText()).isEqualTo("UP");
    assertThat(Health.bridge(HTTP_PORT, "debt-help-batch").path("details")
        .path(DebtHelpBatchRouteBuilder.DIRECTORY_ROUTE_ID).asText()).startsWith("polling");
  }

  @Test
  void windows1252File_inUtf8Directory_undecodableLineIsDeadLetteredAndTheRestDelivered() throws Exception {
    // line 3 holds 0xE9 ("é" in windows-1252), which is no UTF-8
    byte[] content = (HEADER + started("CP-1", "999993653") + "STARTED;CP-2;" + OIN + ";123456782;MSNP;2025-01-15;"
        + "2025-02-01;;é\n" + started("CP-3", "111222333")).getBytes(CP1252);

    dropAndWait("cp1252.csv", content);

    assertThat(sourceIds("CP-")).containsExactly("batch/" + OIN + "/CP-1", "batch/" + OIN + "/CP-3");
    DeadLetter letter = deadLetter("cp1252.csv line 3");
    assertThat(letter.kind()).isEqualTo(DeadLetter.Kind.QUARANTINED);
    assertThat(letter.reason()).contains("not valid UTF-8").contains("byte 73").doesNotContain("123456782");
    assertThat(deadLetters.openPayload(letter.id(), "operator-test")).get().asString().contains("CP-2");
    assertThat(today(DebtHelpBatchRouteBuilder.PROCESSED_FOLDER, "cp1252.csv")).exists();
  }

  @Test
  void windows1252File_fromTheSourceThatDeclaresIt_isDeliveredWhole() throws Exception {
    String header = "record_type;record_id;municipality_oin;bsn;assistance_type;decision_date;help_start_date;"
        + "end_date;end_reason;opmerking_ë\n";
    byte[] content = (header + started("W1252-1", "999993653") + started("W1252-2", "123456782")).getBytes(CP1252);
    NotifyBuilder done = whenFileDone(DebtHelpBatchRouteBuilder.SFTP_ROUTE_ID, "cp1252-sftp.csv");

    drop(SFTP_ROOT, "cp1252-sftp.csv", content);

    assertThat(done.matches(30, TimeUnit.SECONDS)).isTrue();
    assertThat(sourceIds("W1252-")).containsExactly("batch/" + OIN + "/W1252-1", "batch/" + OIN + "/W1252-2");
    assertThat(deadLetters.list(Bridge.DEBT_HELP_BATCH, DeadLetter.Status.OPEN, 1000))
        .noneMatch(d -> d.sourceRef().startsWith("cp1252-sftp.csv"));
  }

  @Test
  void utf16File_withByteOrderMark_isQuarantinedWhole() throws Exception {
    double before = quarantinedFiles("not-text");
    byte[] content = ("\uFEFF" + HEADER + started("U16-1", "999993653")).getBytes(StandardCharsets.UTF_16LE);

    dropAndWait("utf16.csv", content);

    assertThat(sourceIds("U16-")).isEmpty();
    DeadLetter letter = deadLetter("utf16.csv (whole file, moved to .quarantine)");
    assertThat(letter.kind()).isEqualTo(DeadLetter.Kind.QUARANTINED);
    assertThat(letter.reason()).contains("not text in UTF-8").contains("UTF-16");
    assertThat(deadLetters.openPayload(letter.id(), "operator-test")).isEmpty();
    assertThat(today(DebtHelpBatchRouteBuilder.QUARANTINE_FOLDER, "utf16.csv")).exists();
    assertThat(INBOX.resolve("utf16.csv")).doesNotExist();
    assertThat(quarantinedFiles("not-text")).isEqualTo(before + 1);
  }

  @Test
  void utf16File_withoutByteOrderMark_isQuarantinedForItsNulBytes() throws Exception {
    byte[] content = (HEADER + started("U16N-1", "999993653")).getBytes(StandardCharsets.UTF_16BE);

    dropAndWait("utf16-nobom.csv", content);

    assertThat(sourceIds("U16N-")).isEmpty();
    assertThat(deadLetter("utf16-nobom.csv (whole file, moved to .quarantine)").reason()).contains("NUL byte at offset 0");
  }

  @Test
  void binaryFile_withABatchExtension_isQuarantinedWhole() throws Exception {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (var out = new java.util.zip.ZipOutputStream(zip)) {
      out.putNextEntry(new java.util.zip.ZipEntry("export.csv"));
      out.write((HEADER + started("BIN-1", "999993653")).getBytes(StandardCharsets.UTF_8));
    }

    dropAndWait("export.dat", zip.toByteArray());

    assertThat(sourceIds("BIN-")).isEmpty();
    assertThat(deadLetter("export.dat (whole file, moved to .quarantine)").reason()).contains("binary");
    assertThat(today(DebtHelpBatchRouteBuilder.QUARANTINE_FOLDER, "export.dat")).exists();
  }

  @Test
  void emptyFile_isQuarantinedWithItsReason() throws Exception {
    double before = quarantinedFiles("empty");

    dropAndWait("empty.csv", new byte[0]);

    assertThat(deadLetter("empty.csv (whole file, moved to .quarantine)").reason()).isEqualTo("empty file");
    assertThat(today(DebtHelpBatchRouteBuilder.QUARANTINE_FOLDER, "empty.csv")).exists();
    assertThat(quarantinedFiles("empty")).isEqualTo(before + 1);
  }

  @Test
  void xmlFile_isQuarantinedAsAnUnknownExtension() throws Exception {
    dropAndWait("export.xml", ("<?xml version=\"1.0\"?><mutaties><mutatie bsn=\"999993653\"/></mutaties>")
        .getBytes(StandardCharsets.UTF_8));

    DeadLetter letter = deadLetter("export.xml (whole file, moved to .quarantine)");
    assertThat(letter.reason()).startsWith("unknown extension .xml").contains(".csv");
    assertThat(today(DebtHelpBatchRouteBuilder.QUARANTINE_FOLDER, "export.xml")).exists();
  }

  @Test
  void fileStillBeingUploadedUnderATemporaryName_isLeftAlone() throws Exception {
    Path part = drop(INBOX, "upload.csv.part", (HEADER + started("PART-1", "999993653")).getBytes(StandardCharsets.UTF_8));

    dropAndWait("after-part.csv", (HEADER + started("PART-MARK", "999993653")).getBytes(StandardCharsets.UTF_8));

    assertThat(part).exists();
    assertThat(sourceIds("PART-1")).isEmpty();
    assertThat(deadLetters.list(Bridge.DEBT_HELP_BATCH, DeadLetter.Status.OPEN, 1000))
        .noneMatch(d -> d.sourceRef().startsWith("upload.csv.part"));
    Files.delete(part);
  }

  @Test
  void fileLargerThanTheMaximum_isQuarantinedUnread() throws Exception {
    StringBuilder content = new StringBuilder(HEADER);
    int n = 0;
    while (content.length() <= MAX_FILE_BYTES) {
      content.append(started(id("BIG", n++), "999993653"));
    }

    dropAndWait("big.csv", content.toString().getBytes(StandardCharsets.UTF_8));

    assertThat(sourceIds("BIG-")).isEmpty();
    assertThat(deadLetter("big.csv (whole file, moved to .quarantine)").reason())
        .contains("exceeds the maximum of " + MAX_FILE_BYTES + " bytes").contains("not read");
    assertThat(today(DebtHelpBatchRouteBuilder.QUARANTINE_FOLDER, "big.csv")).exists();
  }

  @Test
  void lineLongerThanTheMaximum_isDeadLetteredAndTheRestDelivered() throws Exception {
    String longLine = "STARTED;LONG-2;" + OIN + ";123456782;MSNP;2025-01-15;2025-02-01;;" + "x".repeat(5000) + "\n";

    dropAndWait("long-line.csv", (HEADER + started("LONG-1", "999993653") + longLine + started("LONG-3", "111222333"))
        .getBytes(StandardCharsets.UTF_8));

    assertThat(sourceIds("LONG-")).containsExactly("batch/" + OIN + "/LONG-1", "batch/" + OIN + "/LONG-3");
    DeadLetter letter = deadLetter("long-line.csv line 3");
    assertThat(letter.reason()).contains("longer than 1024 bytes");
    assertThat(deadLetters.openPayload(letter.id(), "operator-test")).get().asString().hasSize(1024);
  }

  @Test
  void truncatedLastLine_isDeadLetteredAndTheRestDelivered() throws Exception {
    dropAndWait("truncated.csv", (HEADER + started("TRUNC-1", "999993653") + started("TRUNC-2", "123456782")
        + "STARTED;TRUNC-3;" + OIN + ";1112").getBytes(StandardCharsets.UTF_8));

    assertThat(sourceIds("TRUNC-")).containsExactly("batch/" + OIN + "/TRUNC-1", "batch/" + OIN + "/TRUNC-2");
    assertThat(deadLetter("truncated.csv line 4").reason()).isNotBlank().doesNotContain("1112");
  }

  @Test
  void bsnFailingTheElevenProof_isDeadLetteredAndTheRestDelivered() throws Exception {
    dropAndWait("bsn.csv", (HEADER + started("BSN-1", "999993653") + started("BSN-2", "999993654")
        + started("BSN-3", "123456782")).getBytes(StandardCharsets.UTF_8));

    assertThat(sourceIds("BSN-")).containsExactly("batch/" + OIN + "/BSN-1", "batch/" + OIN + "/BSN-3");
    assertThat(deadLetter("bsn.csv line 3").reason()).contains("11-proof").doesNotContain("999993654");
  }

  @Test
  void sameFileTwice_underTheSameName_deliversEachRecordOnce() throws Exception {
    byte[] content = (HEADER + started("TWICE-1", "999993653") + started("TWICE-2", "123456782"))
        .getBytes(StandardCharsets.UTF_8);
    dropAndWait("twice.csv", content);

    dropAndWait("twice.csv", content);

    assertThat(sourceIds("TWICE-")).containsExactly("batch/" + OIN + "/TWICE-1", "batch/" + OIN + "/TWICE-2");
  }
}

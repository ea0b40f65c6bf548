package nl.noodrem.camel.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import nl.noodrem.camel.support.BridgesTestApplication;
import nl.noodrem.camel.support.RecordingProcessGateway;
import nl.noodrem.domain.event.DomainEvent;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The done-file pickup rule for senders that write in place: a file is taken only once its .done exists. */
@SpringBootTest(classes = BridgesTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class DoneFileBatchTest {

  static final Path INBOX = tempDir();
  static final String OIN = DebtHelpBatchBridgeTest.OIN;

  @Autowired
  CamelContext camel;

  @Autowired
  RecordingProcessGateway gateway;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("noodrem.legacy.debt-help-soap.enabled", () -> "false");
    registry.add("noodrem.privacy.sealing-key", () -> "dGVzdC1vbmx5LXNlYWxpbmcta2V5LTMyLWJ5dGVzISE=");
    registry.add("noodrem.legacy.collection.enabled", () -> "false");
    registry.add("noodrem.legacy.chain-status.enabled", () -> "false");
    registry.add("noodrem.legacy.debt-help-batch.enabled", () -> "true");
    registry.add("noodrem.legacy.debt-help-batch.directory", INBOX::toString);
    registry.add("noodrem.legacy.debt-help-batch.done-file-required", () -> "true");
    registry.add("noodrem.legacy.debt-help-batch.poll-delay-ms", () -> "100");
    registry.add("noodrem.legacy.debt-help-batch.read-lock-min-age-ms", () -> "0");
    registry.add("noodrem.legacy.debt-help-batch.read-lock-check-interval-ms", () -> "50");
  }

  Path write(String name, String content) throws IOException {
    Path file = Files.writeString(INBOX.resolve(name), content);
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
    return file;
  }

  NotifyBuilder whenFileDone(String name) {
    return new NotifyBuilder(camel).fromRoute(DebtHelpBatchRouteBuilder.DIRECTORY_ROUTE_ID)
        .filter(e -> name.equals(e.getIn().getHeader(Exchange.FILE_NAME_ONLY))
            && e.getProperty(Exchange.SPLIT_INDEX) == null)
        .whenDone(1).create();
  }

  @Test
  void fileWithoutDoneFile_isNotTaken_untilTheDoneFileArrives() throws Exception {
    Path unfinished = write("unfinished.csv", DebtHelpBatchBridgeTest.HEADER
        + DebtHelpBatchBridgeTest.started("DONE-1", "999993653"));
    NotifyBuilder marker = whenFileDone("finished.csv");
    write("finished.csv", DebtHelpBatchBridgeTest.HEADER + DebtHelpBatchBridgeTest.started("MARK-2", "999993653"));
    write("finished.csv.done", "");

    assertThat(marker.matches(20, TimeUnit.SECONDS)).isTrue();
    assertThat(gateway.events()).extracting(DomainEvent::sourceId).containsExactly("batch/" + OIN + "/MARK-2");
    assertThat(unfinished).exists();

    NotifyBuilder done = whenFileDone("unfinished.csv");
    write("unfinished.csv.done", "");

    assertThat(done.matches(20, TimeUnit.SECONDS)).isTrue();
    assertThat(gateway.events()).extracting(DomainEvent::sourceId)
        .containsExactly("batch/" + OIN + "/MARK-2", "batch/" + OIN + "/DONE-1");
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("noodrem-donefile-");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

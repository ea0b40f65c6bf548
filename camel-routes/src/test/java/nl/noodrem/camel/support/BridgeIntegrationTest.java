package nl.noodrem.camel.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the bridge tests: one Spring context (shared by every subclass) with all bridges on, the
 * stand-ins on, an embedded Artemis, a real HTTP port for the SOAP stand-in, an SFTP server on loopback
 * and H2 databases. Tests use distinct citizens and file names, so they do not disturb each other.
 */
@SpringBootTest(classes = BridgesTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
public abstract class BridgeIntegrationTest {

  protected static final Path WORK = tempDir();
  protected static final Path INBOX = WORK.resolve("inbox");
  protected static final Path SFTP_ROOT = WORK.resolve("sftp");
  protected static final int HTTP_PORT = freePort();
  protected static final int SFTP_PORT = freePort();
  /** Larger batch files are quarantined unread (the 200 MB case runs in its own small-heap JVM). */
  protected static final long MAX_FILE_BYTES = 1_000_000;
  /** Fixed keys for tests only. */
  protected static final byte[] SEALING_KEY = "test-only-sealing-key-32-bytes!!".getBytes();
  protected static final byte[] PSEUDONYM_KEY = "test-only-pseudonym-key-32-bytes!!".getBytes();

  @Autowired
  protected CamelContext camel;

  @Autowired
  protected RecordingProcessGateway gateway;

  @DynamicPropertySource
  static void bridges(DynamicPropertyRegistry registry) {
    registry.add("server.port", () -> HTTP_PORT);
    registry.add("server.address", () -> "127.0.0.1");
    registry.add("spring.artemis.mode", () -> "embedded");
    registry.add("spring.artemis.embedded.persistent", () -> "false");
    registry.add("noodrem.privacy.pseudonym-key", () -> Base64.getEncoder().encodeToString(PSEUDONYM_KEY));
    registry.add("noodrem.privacy.sealing-key", () -> Base64.getEncoder().encodeToString(SEALING_KEY));

    registry.add("noodrem.standins.enabled", () -> "true");
    registry.add("noodrem.standins.batch-drop.directory", INBOX::toString);
    registry.add("noodrem.standins.batch-drop.sftp-root", SFTP_ROOT::toString);
    registry.add("noodrem.standins.batch-drop.sftp-port", () -> SFTP_PORT);
    registry.add("noodrem.standins.batch-drop.sftp-host-key", () -> WORK.resolve("hostkey.ser").toString());

    registry.add("noodrem.legacy.errors.maximum-redeliveries", () -> "3");
    registry.add("noodrem.legacy.errors.redelivery-delay-ms", () -> "20");
    registry.add("noodrem.legacy.errors.maximum-redelivery-delay-ms", () -> "200");
    registry.add("noodrem.legacy.debt-help-soap.address",
        () -> "http://127.0.0.1:" + HTTP_PORT + "/services/standin/schuldhulpregistratie/v1");
    registry.add("noodrem.legacy.debt-help-batch.enabled", () -> "true");
    registry.add("noodrem.legacy.debt-help-batch.directory", INBOX::toString);
    registry.add("noodrem.legacy.debt-help-batch.poll-delay-ms", () -> "100");
    registry.add("noodrem.legacy.debt-help-batch.read-lock-min-age-ms", () -> "500");
    registry.add("noodrem.legacy.debt-help-batch.read-lock-check-interval-ms", () -> "100");
    registry.add("noodrem.legacy.debt-help-batch.read-lock-timeout-ms", () -> "2000");
    registry.add("noodrem.legacy.debt-help-batch.sftp.enabled", () -> "true");
    registry.add("noodrem.legacy.debt-help-batch.sftp.port", () -> SFTP_PORT);
    registry.add("noodrem.legacy.debt-help-batch.sftp.directory", () -> ".");
    registry.add("noodrem.legacy.debt-help-batch.sftp.username", () -> "gemeente");
    registry.add("noodrem.legacy.debt-help-batch.sftp.password", () -> "standin-only");
    registry.add("noodrem.legacy.debt-help-batch.sftp.strict-host-key-checking", () -> "no");
    registry.add("noodrem.legacy.debt-help-batch.sftp.local-work-directory", () -> WORK.resolve("sftp-work").toString());
    // the SFTP source declares windows-1252, the directory keeps the default UTF-8
    registry.add("noodrem.legacy.debt-help-batch.sftp.charset", () -> "windows-1252");
    registry.add("noodrem.legacy.debt-help-batch.max-file-bytes", () -> MAX_FILE_BYTES);
    registry.add("noodrem.legacy.debt-help-batch.max-record-bytes", () -> "1024");
    // the watchdog is driven by the tests (BridgeHealth#check), not by its own schedule
    registry.add("noodrem.legacy.health.check-interval-ms", () -> "3600000");
    registry.add("management.endpoint.health.show-details", () -> "always");
    registry.add("management.endpoint.health.show-components", () -> "always");
    registry.add("noodrem.legacy.debt-help-db.enabled", () -> "true");
    registry.add("noodrem.legacy.collection.broker-redelivery-delay-ms", () -> "10");
    registry.add("noodrem.legacy.debt-help-db.poll-delay-ms", () -> "100");
  }

  @BeforeEach
  void resetGateway() {
    gateway.reset();
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("noodrem-bridges-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

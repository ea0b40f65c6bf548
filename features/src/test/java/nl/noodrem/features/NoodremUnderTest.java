package nl.noodrem.features;

import io.cucumber.spring.CucumberContextConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.noodrem.app.NoodremApplication;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The assembled application with its real components on loopback: H2 file database, the dev chain (Anvil) with
 * the registries deployed, embedded Artemis, the DigiD simulator over mutual TLS, and the legacy stand-ins (SOAP,
 * batch directory, legacy table, collection system over JMS and SQL). Only the polling intervals are shortened.
 */
@CucumberContextConfiguration
// Spring Boot tests switch metric export off unless asked; process owners read the Prometheus endpoint
@AutoConfigureObservability
// the logging system starts before dynamic properties exist, so the log file is named here
@SpringBootTest(classes = NoodremApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
    properties = "logging.file.name=target/features-app.log")
public class NoodremUnderTest {

  static final int PORT = freePort();
  static final Path DATA = tempDir();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("server.port", () -> PORT);
    registry.add("noodrem.data-dir", () -> DATA.resolve("data").toString());
    registry.add("noodrem.digid.simulator.artifact-resolution-port", () -> 0);
    registry.add("noodrem.standins.batch-drop.sftp-port", NoodremUnderTest::freePort);
    registry.add("noodrem.legacy.debt-help-batch.sftp.port", () -> "${noodrem.standins.batch-drop.sftp-port}");
    registry.add("noodrem.legacy.debt-help-batch.poll-delay-ms", () -> 300);
    registry.add("noodrem.legacy.debt-help-batch.read-lock-min-age-ms", () -> 300);
    registry.add("noodrem.legacy.debt-help-batch.read-lock-check-interval-ms", () -> 100);
    registry.add("noodrem.legacy.debt-help-db.poll-delay-ms", () -> 500);
    registry.add("noodrem.chain.poll-interval", () -> "PT0.2S");
    registry.add("camunda.bpm.job-execution.max-wait", () -> 500);
    registry.add("noodrem.metrics.refresh", () -> "PT1S");
    registry.add("camunda.bpm.job-execution.wait-time-in-millis", () -> 100);
  }

  public static String baseUrl() {
    return "http://localhost:" + PORT;
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("noodrem-features");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

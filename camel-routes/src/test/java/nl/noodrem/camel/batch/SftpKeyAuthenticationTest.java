package nl.noodrem.camel.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import nl.noodrem.camel.health.PollTracker;
import nl.noodrem.camel.support.BridgesTestApplication;
import nl.noodrem.camel.support.RecordingProcessGateway;
import nl.noodrem.domain.event.DomainEvent;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import nl.noodrem.standin.SftpServerStandin;
import nl.noodrem.standin.StandinProperties;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * SFTP as production servers ask for it: key authentication (no password configured) and the server's
 * host key pinned in a known-hosts file. While the pinned key is not the server's, polls end without
 * taking the file; with the right key pinned, the file is taken.
 */
@SpringBootTest(classes = BridgesTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class SftpKeyAuthenticationTest {

  static final Path WORK;
  static final int PORT;
  static final String OIN = DebtHelpBatchBridgeTest.OIN;
  /** The stand-in SFTP server, started here (not by the stand-ins' auto-configuration, which needs a web server). */
  static final SftpServerStandin SERVER;

  static {
    try {
      WORK = Files.createTempDirectory("noodrem-sftp-key-");
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        PORT = socket.getLocalPort();
      }
      KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
      rsa.initialize(2048);
      KeyPair client = rsa.generateKeyPair();
      try (OutputStream out = Files.newOutputStream(WORK.resolve("noodrem_id"))) {
        OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(client, "noodrem", null, out);
      }
      Files.writeString(WORK.resolve("authorized_keys"), PublicKeyEntry.toString(client.getPublic()) + "\n");
      SERVER = new SftpServerStandin(new StandinProperties.BatchDrop(WORK.resolve("drop"), true, "127.0.0.1", PORT,
          WORK.resolve("sftp"), "gemeente", "a-password-noodrem-does-not-have", WORK.resolve("hostkey.ser"),
          WORK.resolve("authorized_keys")));
      SERVER.start();
      // pinned first: a key that is not the server's
      Files.writeString(WORK.resolve("known_hosts"),
          "[127.0.0.1]:" + PORT + " " + PublicKeyEntry.toString(rsa.generateKeyPair().getPublic()) + "\n");
    } catch (Exception e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @Autowired CamelContext camel;
  @Autowired RecordingProcessGateway gateway;
  @Autowired PollTracker polls;

  @DynamicPropertySource
  static void keyAuthenticatedSftp(DynamicPropertyRegistry registry) {
    registry.add("spring.artemis.mode", () -> "native");
    registry.add("spring.artemis.broker-url", () -> "tcp://127.0.0.1:1");
    registry.add("noodrem.privacy.sealing-key", () -> "dGVzdC1vbmx5LXNlYWxpbmcta2V5LTMyLWJ5dGVzISE=");
    registry.add("noodrem.legacy.debt-help-soap.enabled", () -> "false");
    registry.add("noodrem.legacy.collection.enabled", () -> "false");
    registry.add("noodrem.legacy.chain-status.enabled", () -> "false");
    registry.add("noodrem.legacy.debt-help-batch.enabled", () -> "true");
    registry.add("noodrem.legacy.debt-help-batch.directory-enabled", () -> "false");
    registry.add("noodrem.legacy.debt-help-batch.poll-delay-ms", () -> "100");
    registry.add("noodrem.legacy.debt-help-batch.read-lock-min-age-ms", () -> "500");
    registry.add("noodrem.legacy.debt-help-batch.read-lock-check-interval-ms", () -> "100");
    registry.add("noodrem.legacy.debt-help-batch.read-lock-timeout-ms", () -> "5000");
    registry.add("noodrem.legacy.debt-help-batch.sftp.enabled", () -> "true");
    registry.add("noodrem.legacy.debt-help-batch.sftp.port", () -> PORT);
    registry.add("noodrem.legacy.debt-help-batch.sftp.directory", () -> ".");
    registry.add("noodrem.legacy.debt-help-batch.sftp.username", () -> "gemeente");
    registry.add("noodrem.legacy.debt-help-batch.sftp.password", () -> "");
    registry.add("noodrem.legacy.debt-help-batch.sftp.private-key-file", () -> WORK.resolve("noodrem_id").toString());
    registry.add("noodrem.legacy.debt-help-batch.sftp.known-hosts-file", () -> WORK.resolve("known_hosts").toString());
    registry.add("noodrem.legacy.debt-help-batch.sftp.strict-host-key-checking", () -> "yes");
    registry.add("noodrem.legacy.debt-help-batch.sftp.local-work-directory", () -> WORK.resolve("work").toString());
    registry.add("noodrem.legacy.health.check-interval-ms", () -> "3600000");
  }

  @AfterAll
  static void removeFiles() throws IOException {
    SERVER.stop();
    try (var files = Files.walk(WORK)) {
      files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void keyAuthentication_withTheServersHostKeyPinned_takesTheFile_andAnyOtherHostKeyIsRefused() throws Exception {
    Path file = WORK.resolve("sftp").resolve("key.csv");
    Files.createDirectories(file.getParent());
    Files.writeString(file, DebtHelpBatchBridgeTest.HEADER + DebtHelpBatchBridgeTest.started("KEY-1", "999993653"));
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));

    // the wrong key is pinned: a poll ends without connecting (Camel skips it with a WARN), the file stays
    await().atMost(Duration.ofSeconds(30)).until(() -> polls.activity(DebtHelpBatchRouteBuilder.SFTP_ROUTE_ID)
        .map(PollTracker.Activity::lastPollEnded).isPresent());
    assertThat(file).exists();
    assertThat(gateway.eventsWithSourcePrefix("batch/" + OIN + "/KEY-")).isEmpty();

    NotifyBuilder done = new NotifyBuilder(camel).fromRoute(DebtHelpBatchRouteBuilder.SFTP_ROUTE_ID)
        .filter(e -> "key.csv".equals(e.getIn().getHeader(Exchange.FILE_NAME_ONLY)) && e.getProperty(Exchange.SPLIT_INDEX) == null)
        .whenDone(1).create();
    var hostKey = new SimpleGeneratorHostKeyProvider(WORK.resolve("hostkey.ser")).loadKeys(null).iterator().next();
    Files.writeString(WORK.resolve("known_hosts"),
        "[127.0.0.1]:" + PORT + " " + PublicKeyEntry.toString(hostKey.getPublic()) + "\n");

    assertThat(done.matches(30, TimeUnit.SECONDS)).isTrue();
    assertThat(gateway.eventsWithSourcePrefix("batch/" + OIN + "/KEY-")).extracting(DomainEvent::sourceId)
        .containsExactly("batch/" + OIN + "/KEY-1");
  }
}

package nl.noodrem.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SftpServerStandinTest {

  @TempDir
  Path dir;

  SftpServerStandin server;
  SshClient client;

  @BeforeEach
  void start() {
    server = new SftpServerStandin(new StandinProperties.BatchDrop(dir.resolve("drop"), true, "127.0.0.1", 0,
        dir.resolve("root"), "gemeente", "standin-only", dir.resolve("hostkey.ser"), null));
    server.start();
    client = SshClient.setUpDefaultClient();
    client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
    client.start();
  }

  @AfterEach
  void stop() {
    client.stop();
    server.stop();
  }

  ClientSession login(String password) throws Exception {
    ClientSession session = client.connect("gemeente", "127.0.0.1", server.port())
        .verify(Duration.ofSeconds(10)).getSession();
    session.addPasswordIdentity(password);
    session.auth().verify(Duration.ofSeconds(10));
    return session;
  }

  @Test
  void start_bindsLoopbackOnly_andServesTheDroppedFiles() throws Exception {
    new BatchDropStandin(dir.resolve("drop"), dir.resolve("root")).dropOnSftp("a.csv", "x\n");

    try (ClientSession session = login("standin-only");
        SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
      List<String> names = new ArrayList<>();
      sftp.readDir("/").forEach(entry -> names.add(entry.getFilename()));
      assertThat(names).contains("a.csv").doesNotContain(".a.csv.part");
    }
    assertThat(server.isRunning()).isTrue();
  }

  @Test
  void login_wrongPassword_isRefused() {
    assertThatThrownBy(() -> login("guess")).isInstanceOf(Exception.class);
  }
}

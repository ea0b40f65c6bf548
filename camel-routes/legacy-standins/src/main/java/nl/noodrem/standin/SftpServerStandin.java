package nl.noodrem.standin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Stand-in for a municipality's SFTP server (Apache SSHD): serves the batch-drop outbox on loopback
 * with a development user and password. Development and test only: it binds to loopback, allows
 * password login for one user, and keeps a generated host key in a file.
 */
public class SftpServerStandin implements SmartLifecycle {

  private final StandinProperties.BatchDrop properties;
  private SshServer server;

  public SftpServerStandin(StandinProperties.BatchDrop properties) {
    this.properties = properties;
  }

  @Override
  public synchronized void start() {
    try {
      Files.createDirectories(properties.sftpRoot());
      if (properties.sftpHostKey().getParent() != null) {
        Files.createDirectories(properties.sftpHostKey().getParent());
      }
      SshServer sshd = SshServer.setUpDefaultServer();
      sshd.setHost(properties.sftpHost());
      sshd.setPort(properties.sftpPort());
      sshd.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(properties.sftpHostKey()));
      byte[] expectedUser = properties.sftpUsername().getBytes(StandardCharsets.UTF_8);
      byte[] expectedPassword = properties.sftpPassword().getBytes(StandardCharsets.UTF_8);
      sshd.setPasswordAuthenticator((user, password, session) ->
          MessageDigest.isEqual(expectedUser, user.getBytes(StandardCharsets.UTF_8))
              & MessageDigest.isEqual(expectedPassword, password.getBytes(StandardCharsets.UTF_8)));
      if (properties.sftpAuthorizedKeys() == null) {
        sshd.setPublickeyAuthenticator(null);
      } else {
        var keys = new org.apache.sshd.server.config.keys.AuthorizedKeysAuthenticator(properties.sftpAuthorizedKeys());
        String expected = properties.sftpUsername();
        sshd.setPublickeyAuthenticator((user, key, session) -> expected.equals(user) && keys.authenticate(user, key, session));
      }
      sshd.setKeyboardInteractiveAuthenticator(null);
      sshd.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
      sshd.setFileSystemFactory(new VirtualFileSystemFactory(properties.sftpRoot().toAbsolutePath()));
      sshd.start();
      server = sshd;
    } catch (IOException e) {
      throw new UncheckedIOException("SFTP stand-in could not start on " + properties.sftpHost()
          + ":" + properties.sftpPort(), e);
    }
  }

  @Override
  public synchronized void stop() {
    if (server != null) {
      try {
        server.stop(true);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        server = null;
      }
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return server != null && server.isStarted();
  }

  /** The port actually bound (differs from the configured one when that was 0). */
  public synchronized int port() {
    return server == null ? -1 : server.getPort();
  }

  /** Start before Camel's routes (which start on context refresh), stop after them. */
  @Override
  public int getPhase() {
    return Integer.MIN_VALUE + 100;
  }
}

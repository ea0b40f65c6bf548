package nl.noodrem.app.support;

import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The settings every test of the whole development app needs so that several can run on one machine: its own data
 * directory (H2, chain state, stand-ins' files), its own HTTP port, and free ports for the DigiD simulator's
 * mutual-TLS artifact resolution and the stand-ins' SFTP server.
 */
public final class DevAppProperties {

  private DevAppProperties() {}

  public static void register(DynamicPropertyRegistry registry, Path dataDir, int port) {
    registry.add("noodrem.data-dir", dataDir::toString);
    registry.add("server.port", () -> port);
    registry.add("noodrem.digid.simulator.artifact-resolution-port", () -> 0);
    // one port, chosen once: a supplier is asked again at every read, which gave the SFTP stand-in and the bridge's
    // SFTP client different ports
    int sftpPort = TestPorts.free();
    registry.add("noodrem.standins.batch-drop.sftp-port", () -> sftpPort);
    registry.add("noodrem.legacy.debt-help-batch.sftp.port", () -> "${noodrem.standins.batch-drop.sftp-port}");
  }
}

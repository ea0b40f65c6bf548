package nl.noodrem.digid.testapp;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Properties for a test app on a fixed free port (the simulator's metadata must name it before start). */
public final class DigidTestPorts {

  private DigidTestPorts() {}

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Registers a dev-profile app with the simulator and a private H2 database and key directory. */
  public static void register(DynamicPropertyRegistry registry, int port) {
    registry.add("server.port", () -> port);
    registry.add("noodrem.digid.base-url", () -> "http://localhost:" + port);
    registry.add("noodrem.digid.simulator.enabled", () -> "true");
    registry.add("noodrem.digid.simulator.artifact-resolution-port", () -> "0");
    registry.add("noodrem.digid.simulator.key-directory", () -> Path.of("target", "digid-simulator-" + UUID.randomUUID()).toString());
    registry.add("noodrem.digid.path-levels[/brake/**]", () -> "SUBSTANTIEEL");
    registry.add("spring.datasource.url", () -> "jdbc:h2:mem:digid-app-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
  }
}

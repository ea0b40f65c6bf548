package nl.noodrem.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * Free loopback ports picked before a Spring context starts, for settings that must know the port up front (the
 * DigiD base URL, the simulator's mutual-TLS port).
 */
public final class TestPorts {

  private TestPorts() {}

  public static int free() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

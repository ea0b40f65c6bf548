package nl.noodrem.digid.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DEV ONLY. The simulator's SOAP ArtifactResolutionService on its own HTTPS port with {@code
 * clientAuth=need}, like DigiD's.
 *
 * <p>Why the JDK's {@code HttpsServer} and not a second Tomcat connector: a connector would expose the
 * whole app (every servlet, the Camunda webapps) on the mutual-TLS port and would make the SP's embedded
 * server configuration depend on a dev-only feature; this server serves exactly one path, demands a client
 * certificate in the TLS handshake itself, and comes and goes with the simulator bean.
 */
public final class DigidSimulatorArtifactResolutionServer implements AutoCloseable {

  public static final String PATH = "/digid-simulator/artifact-resolution";
  private static final Logger LOG = LoggerFactory.getLogger(DigidSimulatorArtifactResolutionServer.class);
  private static final int MAX_REQUEST_BYTES = 64 * 1024;

  /** Answers one SOAP request body. */
  @FunctionalInterface
  public interface Resolver {
    byte[] resolve(byte[] soapRequest) throws DigidSimulatorIdp.SimulatorException;
  }

  private final HttpsServer server;
  private final ExecutorService executor;

  /** Starts at once on the loopback interface; {@code port} 0 picks a free port. */
  public DigidSimulatorArtifactResolutionServer(int port, SSLContext tls, Resolver idp) throws IOException {
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
    server.setHttpsConfigurator(
        new HttpsConfigurator(tls) {
          @Override
          public void configure(HttpsParameters params) {
            SSLParameters parameters = getSSLContext().getDefaultSSLParameters();
            parameters.setNeedClientAuth(true); // mutual TLS: no client certificate, no handshake
            parameters.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
            params.setSSLParameters(parameters);
          }
        });
    server.createContext(PATH, exchange -> handle(exchange, idp));
    executor =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "digid-simulator-ars");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.start();
    LOG.info("DigiD simulator (DEV ONLY): artifact resolution on https://localhost:{}{} (mutual TLS)", port(), PATH);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void handle(HttpExchange exchange, Resolver idp) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "POST");
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")).toLowerCase(Locale.ROOT);
      if (!contentType.startsWith("text/xml") && !contentType.startsWith("application/soap+xml")) {
        exchange.sendResponseHeaders(415, -1);
        return;
      }
      LOG.info("DigiD simulator (DEV ONLY): ArtifactResolve from client certificate {}", clientSubject(exchange));
      byte[] request;
      try (InputStream in = exchange.getRequestBody()) {
        request = in.readNBytes(MAX_REQUEST_BYTES + 1);
      }
      if (request.length > MAX_REQUEST_BYTES) {
        exchange.sendResponseHeaders(413, -1);
        return;
      }
      int status;
      byte[] answer;
      try {
        answer = idp.resolve(request);
        status = 200;
      } catch (DigidSimulatorIdp.SimulatorException e) {
        LOG.warn("DigiD simulator (DEV ONLY): ArtifactResolve refused: {}", e.getMessage());
        answer = DigidSimulatorIdp.fault(e.getMessage());
        status = 500;
      }
      // answer in the request's SOAP media type: the SP may be configured for either
      exchange.getResponseHeaders().set("Content-Type", contentType.startsWith("application/soap+xml") ? "application/soap+xml; charset=utf-8" : "text/xml; charset=utf-8");
      exchange.sendResponseHeaders(status, answer.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    } catch (RuntimeException e) {
      LOG.error("DigiD simulator (DEV ONLY): artifact resolution failed", e);
    }
  }

  private static String clientSubject(HttpExchange exchange) {
    try {
      Certificate[] chain = ((HttpsExchange) exchange).getSSLSession().getPeerCertificates();
      return ((X509Certificate) chain[0]).getSubjectX500Principal().getName();
    } catch (SSLPeerUnverifiedException | ClassCastException e) {
      return "(none)";
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}

package nl.noodrem.app.production.devonly;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import nl.noodrem.digid.simulator.DigidSimulator;
import nl.noodrem.digid.simulator.DigidSimulatorController;
import nl.noodrem.digid.simulator.DigidSimulatorProperties;
import nl.noodrem.standin.LegacyStandinsAutoConfiguration;
import org.apache.camel.component.cxf.jaxws.springboot.CxfComponentAutoConfiguration;
import org.apache.camel.component.jms.springboot.JmsComponentAutoConfiguration;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.cxf.spring.boot.autoconfigure.CxfAutoConfiguration;
import org.h2.tools.Server;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.jms.JmsAutoConfiguration;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * DEVELOPMENT AND TEST ONLY. The legacy systems and DigiD of a local production-like cluster, in one process of
 * their own so that the app nodes reach them over the network as they would reach the real ones:
 *
 * <ul>
 *   <li>the legacy stand-ins ({@code legacy-standins}): the municipal SOAP register on this node's HTTP port, the
 *       CJIB collection system on the cluster's external broker, their H2 databases as files served over H2's TCP
 *       server (the collection system's read-only view is queried by the app nodes), the batch drop directory;
 *   <li>the DigiD simulator as an external SAML IdP: login pages here, artifact resolution over mutual TLS on its
 *       own port, its metadata and the service provider's development keys written to its key directory, from
 *       which the app nodes are configured exactly as for Logius (metadata location, trust store, SP key store).
 *       It reads the SP's metadata from the cluster's public URL.
 * </ul>
 *
 * Stopping this process is what "the collection system is down" means in the fault test: commands wait on the
 * broker, open-case lookups fail and their jobs retry. Only a hand-picked set of auto-configurations is used, so
 * that nothing of the app (engine, database, security) starts here.
 */
// deliberately not a @Configuration/@SpringBootConfiguration: the app's component scan covers this package and
// must never pick this up; SpringApplication takes it as its source and processes its imports and @Bean methods
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ConfigurationPropertiesAutoConfiguration.class,
    JacksonAutoConfiguration.class, ServletWebServerFactoryAutoConfiguration.class,
    DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
    ArtemisAutoConfiguration.class, JmsAutoConfiguration.class, CamelAutoConfiguration.class,
    JmsComponentAutoConfiguration.class, CxfAutoConfiguration.class, CxfComponentAutoConfiguration.class,
    LegacyStandinsAutoConfiguration.class})
@EnableConfigurationProperties(DigidSimulatorProperties.class)
public class StandinsNode {

  public static void main(String[] args) {
    SpringApplication app = new SpringApplication(StandinsNode.class);
    app.setAdditionalProfiles("standins-node");
    app.run(args);
  }

  /** The stand-ins' databases, reachable by the app nodes at {@code jdbc:h2:tcp://127.0.0.1:<port>/<name>}. */
  @Bean(destroyMethod = "stop")
  Server standinDatabases(@Value("${noodrem.standins-node.h2-port}") int port,
      @Value("${noodrem.standins-node.h2-directory}") String directory) throws SQLException {
    return Server.createTcpServer("-tcpPort", Integer.toString(port), "-baseDir",
        Path.of(directory).toAbsolutePath().toString(), "-ifNotExists").start();
  }

  @Bean(destroyMethod = "close")
  DigidSimulator digidSimulator(DigidSimulatorProperties properties,
      @Value("${noodrem.standins-node.sp-metadata-url}") String spMetadataUrl) {
    return new DigidSimulator(properties, properties.baseUrl(), new RemoteMetadata(URI.create(spMetadataUrl)),
        Clock.systemUTC());
  }

  @Bean
  DigidSimulatorController digidSimulatorController(DigidSimulator simulator) {
    return new DigidSimulatorController(simulator);
  }

  /** The service provider's metadata as any node of the cluster publishes it, kept for a minute. */
  static final class RemoteMetadata implements Supplier<byte[]> {

    private final URI uri;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final AtomicReference<Cached> cached = new AtomicReference<>();

    private record Cached(byte[] bytes, Instant until) {}

    RemoteMetadata(URI uri) {
      this.uri = uri;
    }

    @Override
    public byte[] get() {
      Cached now = cached.get();
      if (now != null && now.until().isAfter(Instant.now())) {
        return now.bytes();
      }
      try {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
          throw new IllegalStateException("SP metadata at " + uri + " answered " + response.statusCode());
        }
        cached.set(new Cached(response.body(), Instant.now().plusSeconds(60)));
        return response.body();
      } catch (java.io.IOException e) {
        throw new IllegalStateException("SP metadata at " + uri + " unreachable: " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}

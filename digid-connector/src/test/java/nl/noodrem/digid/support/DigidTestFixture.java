package nl.noodrem.digid.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import nl.noodrem.digid.DigidLevel;
import nl.noodrem.digid.DigidLoginException;
import nl.noodrem.digid.DigidServiceProvider;
import nl.noodrem.digid.LoginOutcome;
import nl.noodrem.digid.ServiceProviderConfig;
import nl.noodrem.digid.saml.ArtifactResolutionClient;
import nl.noodrem.digid.saml.ArtifactResolver;
import nl.noodrem.digid.saml.IdpMetadataParser;
import nl.noodrem.digid.saml.IdpMetadataProvider;
import nl.noodrem.digid.saml.OpenSaml;
import nl.noodrem.digid.saml.RedirectBinding;
import nl.noodrem.digid.saml.Saml2Artifact;
import nl.noodrem.digid.saml.SecureXml;
import nl.noodrem.digid.saml.SpMetadataGenerator;
import nl.noodrem.digid.simulator.DigidSimulator;
import nl.noodrem.digid.simulator.DigidSimulatorKeys;
import nl.noodrem.digid.simulator.DigidSimulatorMetadata;
import nl.noodrem.digid.simulator.DigidSimulatorProperties;
import nl.noodrem.digid.store.JdbcAuthnRequestStore;
import nl.noodrem.digid.store.JdbcReplayCache;
import org.h2.jdbcx.JdbcDataSource;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The real service provider (validator, stores on H2, bindings) wired without Spring, with the simulator's
 * keys. Either resolves artifacts through a running simulator over mutual TLS, or hands the test's crafted
 * SOAP answer to the real validator.
 */
public final class DigidTestFixture implements AutoCloseable {

  public static final String BASE_URL = "https://sp.noodrem.test";
  public static final String SP_ENTITY_ID = BASE_URL + "/digid/metadata";
  public static final String ACS_URL = BASE_URL + "/digid/acs";
  public static final String IDP_ENTITY_ID = BASE_URL + "/digid-simulator/metadata";
  public static final String VALID_BSN = "999993653";

  private static DigidSimulatorKeys sharedKeys;

  /** A login started with {@link #startLogin}: what the SP stored and what the browser holds. */
  public record Started(String requestId, String relayState, String bindingToken, String redirectUrl) {}

  public final DigidSimulatorKeys keys;
  public final JdbcTemplate jdbc;
  public final ServiceProviderConfig config;
  public final IdpMetadataProvider idpMetadata;
  public final DigidServiceProvider serviceProvider;
  public final DigidSimulator simulator;
  private Function<String, byte[]> craftedAnswer;

  private DigidTestFixture(boolean withSimulator, Function<ServiceProviderConfig, ServiceProviderConfig> adjust) {
    keys = keys();
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:digid-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    new ResourceDatabasePopulator(new ClassPathResource("db/digid/schema.sql")).execute(dataSource);
    jdbc = new JdbcTemplate(dataSource);
    config =
        adjust.apply(ServiceProviderConfig.withDefaults(SP_ENTITY_ID, ACS_URL, keys.spSigning(), keys.spTls(), keys.caTrustStore()));
    Clock clock = Clock.systemUTC();
    SpMetadataGenerator spMetadata = new SpMetadataGenerator(config, null, Duration.ofDays(30));
    IdpMetadataParser parser = new IdpMetadataParser(null, List.of(), Set.of());
    ArtifactResolver resolver;
    if (withSimulator) {
      simulator =
          new DigidSimulator(
              new DigidSimulatorProperties(true, keys.directory().toString(), 0, "localhost", BASE_URL, IDP_ENTITY_ID, List.of(VALID_BSN)),
              BASE_URL,
              () -> spMetadata.generate(clock.instant()),
              clock);
      idpMetadata = new IdpMetadataProvider(simulator::metadata, parser, clock);
      resolver = new ArtifactResolutionClient(config, clock);
    } else {
      simulator = null;
      byte[] metadata =
          DigidSimulatorMetadata.generate(
              IDP_ENTITY_ID, BASE_URL + "/digid-simulator/login", "https://localhost:1/unused", keys.idpSigning(), clock.instant());
      idpMetadata = new IdpMetadataProvider(() -> metadata, parser, clock);
      resolver = (artifact, endpoint) -> {
        String id = OpenSaml.newId();
        return new ArtifactResolver.Resolution(id, craftedAnswer.apply(id));
      };
    }
    if (!idpMetadata.refresh()) {
      throw new IllegalStateException("test IdP metadata did not load");
    }
    serviceProvider =
        new DigidServiceProvider(
            config, idpMetadata, new JdbcAuthnRequestStore(jdbc, 1000), new JdbcReplayCache(jdbc), resolver, clock);
  }

  /** SP with crafted answers (no network). */
  public static DigidTestFixture crafted() {
    return new DigidTestFixture(false, c -> c);
  }

  public static DigidTestFixture crafted(Function<ServiceProviderConfig, ServiceProviderConfig> adjust) {
    return new DigidTestFixture(false, adjust);
  }

  /** SP and a running simulator (artifact resolution over mutual TLS on a free port). */
  public static DigidTestFixture withSimulator() {
    return new DigidTestFixture(true, c -> c);
  }

  public static synchronized DigidSimulatorKeys keys() {
    if (sharedKeys == null) {
      try {
        Path dir = Files.createTempDirectory("digid-test-keys");
        sharedKeys = DigidSimulatorKeys.loadOrGenerate(dir, "localhost");
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return sharedKeys;
  }

  public Started startLogin(DigidLevel level) throws DigidLoginException {
    return startLogin(level, null);
  }

  public Started startLogin(DigidLevel level, String bindingToken) throws DigidLoginException {
    DigidServiceProvider.LoginStart start = serviceProvider.startLogin("/brake?step=1", level, bindingToken);
    String url = ((DigidServiceProvider.RedirectTo) start).url();
    RedirectBinding.Decoded decoded = RedirectBinding.decode(url.substring(url.indexOf('?') + 1), "SAMLRequest");
    try {
      AuthnRequest request = (AuthnRequest) OpenSaml.unmarshall(SecureXml.parse(decoded.messageXml()).getDocumentElement());
      return new Started(request.getID(), decoded.relayState(), start.browserBindingToken(), url);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Completes {@code started} with a fresh artifact whose resolution yields {@code answer(artifactResolveId)}.
   */
  public LoginOutcome complete(Started started, Function<String, byte[]> answer) throws DigidLoginException {
    return complete(started, Saml2Artifact.create(IDP_ENTITY_ID, 0).encoded(), answer);
  }

  public LoginOutcome complete(Started started, String artifact, Function<String, byte[]> answer) throws DigidLoginException {
    this.craftedAnswer = answer;
    return serviceProvider.completeLogin(artifact, started.relayState(), started.bindingToken());
  }

  @Override
  public void close() {
    idpMetadata.close();
    if (simulator != null) {
      simulator.close();
    }
  }
}

package nl.noodrem.digid.spring;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import nl.noodrem.digid.DigidServiceProvider;
import nl.noodrem.digid.DigidSingleLogout;
import nl.noodrem.digid.ServiceProviderConfig;
import nl.noodrem.digid.saml.ArtifactResolutionClient;
import nl.noodrem.digid.saml.ArtifactResolver;
import nl.noodrem.digid.saml.IdpMetadataParser;
import nl.noodrem.digid.saml.IdpMetadataProvider;
import nl.noodrem.digid.saml.OpenSaml;
import nl.noodrem.digid.saml.SpMetadataGenerator;
import nl.noodrem.digid.store.AuthnRequestStore;
import nl.noodrem.digid.store.JdbcAuthnRequestStore;
import nl.noodrem.digid.store.JdbcLogoutStore;
import nl.noodrem.digid.store.JdbcReplayCache;
import nl.noodrem.digid.store.LogoutStore;
import nl.noodrem.digid.store.ReplayCache;
import nl.noodrem.digid.tls.KeyMaterial;
import nl.noodrem.digid.tls.KeyMaterial.KeyEntry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Wires the DigiD service provider into a Spring Boot servlet app: the core beans, the database stores, the
 * controllers ({@code /digid/login}, {@code /digid/acs}, {@code /digid/metadata}, {@code /digid/logout},
 * {@code /digid/slo}, {@code /digid/slo/soap})
 * and the Spring Security pieces the app's SecurityFilterChain plugs in (entry point, access-denied
 * handler, context repository). Every bean backs off when the app defines its own.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "noodrem.digid", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(DigidProperties.class)
public class DigidAutoConfiguration {

  private static final ResourceLoader RESOURCES = new DefaultResourceLoader();

  @Bean
  @ConditionalOnMissingBean(name = "digidClock")
  public Clock digidClock() {
    return Clock.systemUTC();
  }

  /** Runs {@code db/digid/schema.sql} once at start (idempotent DDL). */
  @Bean
  @ConditionalOnBean(DataSource.class)
  @ConditionalOnProperty(prefix = "noodrem.digid.store", name = "initialize-schema", havingValue = "true", matchIfMissing = true)
  public DigidSchemaInitializer digidSchemaInitializer(DataSource dataSource) {
    return new DigidSchemaInitializer(dataSource);
  }

  @Bean
  @ConditionalOnMissingBean
  public AuthnRequestStore digidAuthnRequestStore(
      JdbcTemplate jdbcTemplate, DigidProperties properties, ObjectProvider<DigidSchemaInitializer> schema) {
    schema.ifAvailable(s -> { }); // the tables exist before the store is used
    return new JdbcAuthnRequestStore(jdbcTemplate, properties.store().maxPendingRequests());
  }

  @Bean
  @ConditionalOnMissingBean
  public ReplayCache digidReplayCache(JdbcTemplate jdbcTemplate, ObjectProvider<DigidSchemaInitializer> schema) {
    schema.ifAvailable(s -> { });
    return new JdbcReplayCache(jdbcTemplate);
  }

  @Bean
  @ConditionalOnMissingBean
  public LogoutStore digidLogoutStore(JdbcTemplate jdbcTemplate, ObjectProvider<DigidSchemaInitializer> schema) {
    schema.ifAvailable(s -> { });
    return new JdbcLogoutStore(jdbcTemplate);
  }

  @Bean
  public DigidStoreMaintenance digidStoreMaintenance(
      AuthnRequestStore requests,
      ReplayCache replayCache,
      LogoutStore logouts,
      @Qualifier("digidClock") Clock clock,
      DigidProperties properties) {
    return new DigidStoreMaintenance(requests, replayCache, logouts, clock, properties.store().purgeInterval());
  }

  @Bean
  @ConditionalOnMissingBean
  public ServiceProviderConfig digidServiceProviderConfig(
      DigidProperties properties, ObjectProvider<DigidDevelopmentDefaults> devDefaults) {
    OpenSaml.initialize();
    DigidDevelopmentDefaults dev = devDefaults.getIfAvailable();
    String baseUrl = required(properties.baseUrl(), "noodrem.digid.base-url");
    baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    String entityId = blank(properties.entityId()) ? baseUrl + "/digid/metadata" : properties.entityId();
    DigidProperties.Sp sp = properties.sp();

    KeyEntry signing;
    if (!blank(sp.signingKeystore())) {
      signing =
          loadKey(sp.signingKeystore(), sp.signingKeystorePassword(), sp.signingKeystoreType(), sp.signingKeyAlias(), sp.signingKeyPassword());
    } else if (dev != null) {
      signing = dev.spSigningKey();
    } else {
      throw new IllegalStateException("noodrem.digid.sp.signing-keystore is required (the PKIoverheid key and certificate)");
    }
    KeyEntry tls;
    if (!blank(sp.tlsKeystore())) {
      tls = loadKey(sp.tlsKeystore(), sp.tlsKeystorePassword(), sp.tlsKeystoreType(), sp.tlsKeyAlias(), sp.tlsKeyPassword());
    } else if (!blank(sp.signingKeystore())) {
      tls = signing;
    } else {
      tls = dev.spTlsKey();
    }
    KeyStore trustStore;
    if (!blank(properties.idp().truststore())) {
      trustStore = loadTrustStore(properties.idp());
    } else if (dev != null) {
      trustStore = dev.idpTlsTrustStore();
    } else {
      throw new IllegalStateException("noodrem.digid.idp.truststore is required (the CA chain of the IdP's TLS certificate)");
    }
    DigidProperties.ArtifactResolution ars = properties.artifactResolution();
    return new ServiceProviderConfig(
        entityId,
        baseUrl + "/digid/acs",
        signing,
        tls,
        trustStore,
        properties.requestBinding(),
        properties.assertionConsumerServiceIndex(),
        properties.attributeConsumingServiceIndex(),
        properties.forceAuthn(),
        properties.clockSkew(),
        properties.requestLifetime(),
        properties.messageMaxAge(),
        properties.maxAssertionLifetime(),
        properties.session().maxDuration(),
        ars.contentType(),
        ars.connectTimeout(),
        ars.readTimeout(),
        ars.maxResponseBytes());
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public IdpMetadataProvider digidIdpMetadataProvider(
      DigidProperties properties,
      ServiceProviderConfig config,
      ObjectProvider<DigidDevelopmentDefaults> devDefaults,
      @Qualifier("digidClock") Clock clock) {
    DigidProperties.Idp idp = properties.idp();
    String location = idp.metadataLocation();
    if (blank(location)) {
      DigidDevelopmentDefaults dev = devDefaults.getIfAvailable();
      if (dev == null) {
        throw new IllegalStateException("noodrem.digid.idp.metadata-location is required (DigiD's metadata URL or file)");
      }
      location = dev.idpMetadataLocation();
    }
    List<X509Certificate> metadataSigners =
        blank(idp.metadataSigningCertificate()) ? List.of() : KeyMaterial.readCertificates(read(idp.metadataSigningCertificate()));
    IdpMetadataParser parser = new IdpMetadataParser(idp.entityId(), metadataSigners, new HashSet<>(idp.signingCertificateSha256()));
    IdpMetadataProvider.Source source;
    String lower = location.toLowerCase(Locale.ROOT);
    if (lower.startsWith("https:") || lower.startsWith("http:")) {
      HttpClient client =
          HttpClient.newBuilder()
              .sslContext(KeyMaterial.mutualTlsContext(config.tlsClientKey(), config.tlsTrustStore()))
              .connectTimeout(properties.artifactResolution().connectTimeout())
              .followRedirects(HttpClient.Redirect.NEVER)
              .build();
      source = IdpMetadataProvider.urlSource(URI.create(location), client, properties.artifactResolution().readTimeout());
    } else if (lower.startsWith("file:")) {
      source = IdpMetadataProvider.fileSource(Path.of(URI.create(location)));
    } else {
      String resourceLocation = location;
      source =
          new IdpMetadataProvider.Source() {
            @Override
            public byte[] fetch() throws IOException {
              try (InputStream in = RESOURCES.getResource(resourceLocation).getInputStream()) {
                return in.readAllBytes();
              }
            }

            @Override
            public String describe() {
              return resourceLocation;
            }
          };
    }
    IdpMetadataProvider provider = new IdpMetadataProvider(source, parser, clock);
    provider.start(idp.metadataRefreshInterval());
    return provider;
  }

  @Bean
  @ConditionalOnMissingBean
  public ArtifactResolver digidArtifactResolver(ServiceProviderConfig config, @Qualifier("digidClock") Clock clock) {
    return new ArtifactResolutionClient(config, clock);
  }

  @Bean
  @ConditionalOnMissingBean
  public DigidServiceProvider digidServiceProvider(
      ServiceProviderConfig config,
      IdpMetadataProvider idpMetadata,
      AuthnRequestStore requests,
      ReplayCache replayCache,
      ArtifactResolver resolver,
      @Qualifier("digidClock") Clock clock) {
    return new DigidServiceProvider(config, idpMetadata, requests, replayCache, resolver, clock);
  }

  @Bean
  @ConditionalOnMissingBean
  public DigidSingleLogout digidSingleLogout(
      ServiceProviderConfig config,
      IdpMetadataProvider idpMetadata,
      LogoutStore logouts,
      ReplayCache replayCache,
      @Qualifier("digidClock") Clock clock) {
    return new DigidSingleLogout(config, idpMetadata, logouts, replayCache, clock);
  }

  @Bean
  @ConditionalOnMissingBean
  public SpMetadataService digidSpMetadataService(
      ServiceProviderConfig config, DigidProperties properties, @Qualifier("digidClock") Clock clock) {
    DigidProperties.Metadata m = properties.metadata();
    return new SpMetadataService(
        new SpMetadataGenerator(
            config, new SpMetadataGenerator.Contact(m.organizationName(), m.organizationUrl(), m.technicalContactEmail()), m.validity()),
        clock);
  }

  @Bean
  @ConditionalOnMissingBean
  public DigidLevelPolicy digidLevelPolicy(DigidProperties properties) {
    return new DigidLevelPolicy(properties.defaultLevel(), properties.uses(), properties.pathLevels());
  }

  @Bean
  @ConditionalOnMissingBean
  public DigidSecurityContextRepository digidSecurityContextRepository(
      @Qualifier("digidClock") Clock clock, DigidSingleLogout singleLogout) {
    return new DigidSecurityContextRepository(clock, singleLogout::isEnded);
  }

  @Bean
  @ConditionalOnMissingBean
  public DigidAuthenticationEntryPoint digidAuthenticationEntryPoint(DigidLevelPolicy policy, DigidProperties properties) {
    return new DigidAuthenticationEntryPoint(policy, properties.cancelLandingPath());
  }

  @Bean
  @ConditionalOnMissingBean
  public DigidAccessDeniedHandler digidAccessDeniedHandler(DigidLevelPolicy policy, DigidProperties properties) {
    return new DigidAccessDeniedHandler(policy, properties.cancelLandingPath());
  }

  @Bean
  @ConditionalOnMissingBean
  public DigidErrorPage digidErrorPage() {
    return DigidErrorPage.plain();
  }

  @Bean
  public DigidLoginController digidLoginController(
      DigidServiceProvider serviceProvider,
      DigidSingleLogout singleLogout,
      DigidLevelPolicy levels,
      DigidSecurityContextRepository contextRepository,
      DigidErrorPage errorPage,
      DigidProperties properties) {
    return new DigidLoginController(serviceProvider, singleLogout, levels, contextRepository, errorPage, properties);
  }

  @Bean
  public DigidMetadataController digidMetadataController(SpMetadataService metadata) {
    return new DigidMetadataController(metadata);
  }

  /** Creates the connector's tables at start. */
  public static final class DigidSchemaInitializer {
    DigidSchemaInitializer(DataSource dataSource) {
      ResourceDatabasePopulator populator = new ResourceDatabasePopulator(RESOURCES.getResource("classpath:db/digid/schema.sql"));
      populator.setContinueOnError(false);
      populator.execute(dataSource);
    }
  }

  // ------------------------------------------------------------------ loading helpers

  static byte[] read(String location) {
    Resource resource = RESOURCES.getResource(location);
    try (InputStream in = resource.getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + location + ": " + e.getMessage(), e);
    }
  }

  private static KeyEntry loadKey(String location, String storePassword, String type, String alias, String keyPassword) {
    char[] password = storePassword == null ? new char[0] : storePassword.toCharArray();
    KeyStore keyStore = KeyMaterial.loadKeyStore(read(location), password, type);
    return KeyMaterial.keyEntry(keyStore, alias, blank(keyPassword) ? password : keyPassword.toCharArray());
  }

  private static KeyStore loadTrustStore(DigidProperties.Idp idp) {
    String location = idp.truststore();
    String lower = location.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".pem") || lower.endsWith(".crt") || lower.endsWith(".cer")) {
      return KeyMaterial.trustStoreOf(KeyMaterial.readCertificates(read(location)));
    }
    char[] password = idp.truststorePassword() == null ? new char[0] : idp.truststorePassword().toCharArray();
    return KeyMaterial.loadKeyStore(read(location), password, idp.truststoreType());
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String required(String value, String property) {
    if (blank(value)) {
      throw new IllegalStateException(property + " is required");
    }
    return value;
  }
}

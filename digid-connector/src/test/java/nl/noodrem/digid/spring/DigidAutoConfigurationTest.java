package nl.noodrem.digid.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import nl.noodrem.digid.DigidServiceProvider;
import nl.noodrem.digid.ServiceProviderConfig;
import nl.noodrem.digid.saml.IdpMetadataProvider;
import nl.noodrem.digid.simulator.DigidSimulatorKeys;
import nl.noodrem.digid.simulator.DigidSimulatorMetadata;
import nl.noodrem.digid.support.DigidTestFixture;
import nl.noodrem.digid.tls.KeyMaterial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/**
 * The production wiring, without the simulator: keys from keystore files, trust store from PEM, IdP metadata
 * from a file pinned by fingerprint; and a start that fails loudly when something required is missing.
 */
class DigidAutoConfigurationTest {

  @TempDir Path dir;

  private WebApplicationContextRunner runner() {
    return new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class, DigidAutoConfiguration.class))
        .withPropertyValues("spring.datasource.url=jdbc:h2:mem:autoconfig-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
  }

  @Test
  void autoConfiguration_keystoresTrustStoreAndMetadataFromFiles_wiresTheServiceProvider() throws Exception {
    DigidSimulatorKeys keys = DigidTestFixture.keys();
    Path metadata = dir.resolve("digid-metadata.xml");
    Files.write(metadata, DigidSimulatorMetadata.generate(
        "https://was-preprod1.digid.test/saml/idp/metadata", "https://idp.test/sso", "https://idp.test:9443/ars", keys.idpSigning(), Instant.now()));
    String pin = KeyMaterial.sha256Fingerprint(keys.idpSigning().certificate());

    runner()
        .withPropertyValues(
            "noodrem.digid.base-url=https://noodrem.example.nl/",
            "noodrem.digid.sp.signing-keystore=" + keys.directory().resolve("sp-signing.p12").toUri(),
            "noodrem.digid.sp.signing-keystore-password=" + DigidSimulatorKeys.DEV_ONLY_PASSWORD,
            "noodrem.digid.sp.tls-keystore=" + keys.directory().resolve("sp-tls.p12").toUri(),
            "noodrem.digid.sp.tls-keystore-password=" + DigidSimulatorKeys.DEV_ONLY_PASSWORD,
            "noodrem.digid.idp.truststore=" + keys.directory().resolve("dev-ca.pem").toUri(),
            "noodrem.digid.idp.metadata-location=" + metadata.toUri(),
            "noodrem.digid.idp.signing-certificate-sha256=" + pin,
            "noodrem.digid.artifact-resolution.content-type=application/soap+xml")
        .run(context -> {
          assertThat(context).hasNotFailed().hasSingleBean(DigidServiceProvider.class).hasSingleBean(DigidAuthenticationEntryPoint.class);
          ServiceProviderConfig config = context.getBean(ServiceProviderConfig.class);
          assertThat(config.entityId()).isEqualTo("https://noodrem.example.nl/digid/metadata");
          assertThat(config.acsUrl()).isEqualTo("https://noodrem.example.nl/digid/acs");
          assertThat(config.signingKey().certificate()).isEqualTo(keys.spSigning().certificate());
          assertThat(config.tlsClientKey().certificate()).isEqualTo(keys.spTls().certificate());
          assertThat(config.artifactResolutionContentType()).isEqualTo("application/soap+xml");
          assertThat(context.getBean(IdpMetadataProvider.class).current().entityId()).isEqualTo("https://was-preprod1.digid.test/saml/idp/metadata");
          assertThat(context.getBean(SpMetadataService.class).metadata()).isNotEmpty();
        });
  }

  @Test
  void autoConfiguration_noSigningKeystoreOutsideDevelopment_failsTheStart() {
    runner()
        .withPropertyValues("noodrem.digid.base-url=https://noodrem.example.nl")
        .run(context -> assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("noodrem.digid.sp.signing-keystore"));
  }

  @Test
  void autoConfiguration_disabled_registersNothing() {
    runner()
        .withPropertyValues("noodrem.digid.enabled=false")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DigidServiceProvider.class));
  }
}

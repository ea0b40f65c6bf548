package nl.noodrem.digid.simulator;

import java.time.Clock;
import nl.noodrem.digid.spring.DigidAutoConfiguration;
import nl.noodrem.digid.spring.SpMetadataService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * DEV ONLY. Starts the DigiD simulator when the {@code dev} profile is active AND {@code
 * noodrem.digid.simulator.enabled=true}; both are needed, and a {@code prod}/{@code production} profile
 * next to them stops the start.
 */
@AutoConfiguration(before = DigidAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Profile("dev")
@ConditionalOnProperty(prefix = "noodrem.digid.simulator", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(DigidSimulatorProperties.class)
public class DigidSimulatorAutoConfiguration {

  @Bean(destroyMethod = "close")
  public DigidSimulator digidSimulator(
      DigidSimulatorProperties properties, Environment environment, ObjectProvider<SpMetadataService> spMetadata) {
    if (environment.acceptsProfiles(Profiles.of("prod | production"))) {
      throw new IllegalStateException("the DigiD simulator must never run with a production profile");
    }
    String baseUrl = properties.baseUrl();
    if (baseUrl == null || baseUrl.isBlank()) {
      baseUrl = environment.getProperty("noodrem.digid.base-url");
    }
    if (baseUrl == null || baseUrl.isBlank()) {
      throw new IllegalStateException("noodrem.digid.base-url (or noodrem.digid.simulator.base-url) is required for the simulator");
    }
    // the SP's metadata is read when the first AuthnRequest arrives: the SP beans need the simulator first
    return new DigidSimulator(properties, baseUrl, () -> spMetadata.getObject().metadata(), Clock.systemUTC());
  }

  @Bean
  public DigidSimulatorController digidSimulatorController(DigidSimulator simulator) {
    return new DigidSimulatorController(simulator);
  }
}

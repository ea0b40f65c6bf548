package nl.noodrem.camel.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * Adds {@code noodrem-camel-defaults.properties} as the environment's last (lowest-precedence)
 * property source. One place for the defaults, read both by the typed properties records and by the
 * routes' {@code {{placeholders}}} (which Camel resolves against the Spring environment, not against
 * the records).
 */
public class CamelBridgesDefaults implements EnvironmentPostProcessor {

  static final String SOURCE_NAME = "noodrem-camel-defaults";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (environment.getPropertySources().contains(SOURCE_NAME)) {
      return;
    }
    try {
      environment.getPropertySources().addLast(new PropertiesPropertySource(SOURCE_NAME,
          PropertiesLoaderUtils.loadProperties(new ClassPathResource("noodrem-camel-defaults.properties"))));
    } catch (IOException e) {
      throw new UncheckedIOException("noodrem-camel-defaults.properties is missing from the classpath", e);
    }
  }
}

package nl.noodrem.app.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import nl.noodrem.app.NoodremApplication;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;

/**
 * The application itself, started with the production profile and a deployment's settings, refuses to start as
 * soon as one committed development secret is among them: before any bean (database, chain, accounts) exists.
 */
class ProductionStartRefusalTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("nl.noodrem.app.production.DevelopmentSecretsTest#committedSecrets")
  void run_productionWithACommittedDevelopmentSecret_refusesToStart(String property, String value) {
    SpringApplication app = new SpringApplication(NoodremApplication.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    app.setAdditionalProfiles("production");
    Map<String, Object> deployment = new HashMap<>();
    deployment.put("NOODREM_DB_URL", "jdbc:postgresql://127.0.0.1:1/not-reached");
    deployment.put("NOODREM_CHAIN_URL", "http://127.0.0.1:1");
    deployment.put("NOODREM_ADMIN_PASSWORD", "a-deployment's-own-admin-password");
    deployment.put("NOODREM_SECRETS_DIR", "/nonexistent-noodrem-secrets");
    app.setDefaultProperties(deployment);

    assertThatThrownBy(() -> app.run("--" + property + "=" + value)).satisfies(refusal -> {
      String message = messages(refusal);
      if (value.equals("dev-only-admin")) {
        // the earlier guard of the admin account refuses this one before the context exists
        assertThat(message).contains("development-only admin password");
      } else {
        assertThat(message).contains("refusing to start the production profile").contains(property + " holds ");
      }
      if (value.length() > 8) {
        assertThat(message).doesNotContain(value);
      }
    });
  }

  private static String messages(Throwable t) {
    StringBuilder all = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      all.append(c.getMessage()).append('\n');
    }
    return all.toString();
  }
}

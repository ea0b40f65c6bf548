package nl.noodrem.app.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.mock.env.MockEnvironment;

/** The committed production profile passes the guard once its deployment values are given; development does not. */
class ProductionGuardTest {

  @Test
  void problems_productionProfileWithPostgres_none() {
    assertThat(ProductionGuard.problems(production())).isEmpty();
  }

  @Test
  void problems_developmentSettingsLeftIn_eachNamed() {
    MockEnvironment env = production();
    env.setProperty("spring.datasource.url", "jdbc:h2:file:./x");
    env.setProperty("noodrem.standins.enabled", "true");
    env.setProperty("noodrem.digid.simulator.enabled", "true");
    env.setProperty("noodrem.chain.url", "");
    env.setProperty("spring.artemis.mode", "embedded");
    env.setProperty("camunda.bpm.authorization.enabled", "false");
    env.setProperty("camunda.bpm.database.schema-update", "true");
    env.setProperty("noodrem.chain.checkpoint-store", "file");
    env.setActiveProfiles("production", "dev");
    assertThat(ProductionGuard.problems(env)).hasSize(9)
        .anySatisfy(p -> assertThat(p).contains("H2"))
        .anySatisfy(p -> assertThat(p).contains("stand-ins"))
        .anySatisfy(p -> assertThat(p).contains("simulator"))
        .anySatisfy(p -> assertThat(p).contains("dev chain"))
        .anySatisfy(p -> assertThat(p).contains("external broker"))
        .anySatisfy(p -> assertThat(p).contains("authorization"))
        .anySatisfy(p -> assertThat(p).contains("schema-update"))
        .anySatisfy(p -> assertThat(p).contains("checkpoint"))
        .anySatisfy(p -> assertThat(p).contains("'dev' profile"));
  }

  @Test
  void problems_h2ForMeasurementsOnly_allowedWhenSaidSo() {
    MockEnvironment env = production();
    env.setProperty("spring.datasource.url", "jdbc:h2:file:./x");
    env.setProperty(ProductionGuard.ALLOW_H2, "true");
    assertThat(ProductionGuard.problems(env)).isEmpty();
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.MethodSource("nl.noodrem.app.production.DevelopmentSecretsTest#committedSecrets")
  void problems_committedDevelopmentSecret_refused(String property, String value) {
    MockEnvironment env = production();
    env.setProperty(property, value);
    List<String> problems = ProductionGuard.problems(env);
    assertThat(problems).isNotEmpty().allSatisfy(p -> assertThat(p).contains("a development secret committed"))
        .anySatisfy(p -> assertThat(p).startsWith(property + " holds "));
    if (value.length() > 8) {
      assertThat(problems).noneSatisfy(p -> assertThat(p).contains(value));
    }
  }

  @Test
  void problems_simulatorKeyStorePasswordOfTheLocalCluster_allowedWhenSaidSo() {
    MockEnvironment env = production();
    env.setProperty("noodrem.digid.sp.signing-keystore-password", "noodrem-dev-only");
    env.setProperty(ProductionGuard.ALLOW_SIMULATOR_KEYS, "true");
    assertThat(ProductionGuard.problems(env)).isEmpty();
    env.setProperty("noodrem.privacy.sealing-key", "ZGV2LW9ubHktc2VhbGluZy1rZXktMzItYnl0ZXMhISE=");
    assertThat(ProductionGuard.problems(env)).singleElement().asString().contains("BSN sealing key");
  }

  /** application.yml + application-production.yml, with what a deployment puts in its environment. */
  private static MockEnvironment production() {
    MockEnvironment env = new MockEnvironment();
    env.setActiveProfiles("production");
    Properties props = ProductionEngine.productionProperties();
    env.getPropertySources().addLast(new PropertiesPropertySource("production-yml", props));
    env.setProperty("NOODREM_DB_URL", "jdbc:postgresql://db/noodrem");
    env.setProperty("NOODREM_CHAIN_URL", "http://127.0.0.1:8545");
    return env;
  }
}

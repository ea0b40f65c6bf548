package nl.noodrem.app.production;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.Environment;

/**
 * Stops a production start before any bean exists (so before a dev chain, a stand-in or an account is created)
 * when the configuration still has something of development in it, including any secret the repository commits for
 * development ({@link DevelopmentSecrets}, by fingerprint). Every problem is listed at once.
 */
public final class ProductionGuard implements BeanFactoryPostProcessor, EnvironmentAware, PriorityOrdered {

  private static final Logger LOG = LoggerFactory.getLogger(ProductionGuard.class);

  /** Set only for measurements that compare databases; never in a real deployment. */
  public static final String ALLOW_H2 = "noodrem.production.allow-h2-for-measurements";

  /**
   * Set only by the local production-like cluster, whose DigiD is the development simulator with its generated key
   * stores under their public password; never in a real deployment.
   */
  public static final String ALLOW_SIMULATOR_KEYS = "noodrem.production.allow-digid-simulator-keys-for-measurements";

  private Environment environment;

  @Override
  public void setEnvironment(Environment environment) {
    this.environment = environment;
  }

  /** First of all post-processors, so nothing of the application is touched before the refusal. */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    List<String> problems = problems(environment);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("refusing to start the production profile:\n  - "
          + String.join("\n  - ", problems));
    }
  }

  /** What is wrong with {@code env} for production; empty when nothing is. */
  public static List<String> problems(Environment env) {
    List<String> problems = new ArrayList<>();
    if (env.acceptsProfiles(org.springframework.core.env.Profiles.of("dev"))) {
      problems.add("the 'dev' profile is active next to 'production'");
    }
    if (env.getProperty("noodrem.standins.enabled", Boolean.class, false)) {
      problems.add("noodrem.standins.enabled=true: the legacy stand-ins are for development only");
    }
    if (env.getProperty("noodrem.digid.simulator.enabled", Boolean.class, false)) {
      problems.add("noodrem.digid.simulator.enabled=true: the DigiD simulator is for development only");
    }
    if (blank(env.getProperty("noodrem.chain.url"))) {
      problems.add("noodrem.chain.url is empty: production never starts a dev chain (set NOODREM_CHAIN_URL)");
    }
    if (!"native".equalsIgnoreCase(env.getProperty("spring.artemis.mode", ""))) {
      problems.add("spring.artemis.mode is not 'native': production uses an external broker (NOODREM_BROKER_URL)");
    }
    if (env.getProperty("spring.artemis.embedded.enabled", Boolean.class, true)) {
      problems.add("spring.artemis.embedded.enabled is not false: no node may start a broker of its own");
    }
    String url = env.getProperty("spring.datasource.url", "");
    if (url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")) {
      if (env.getProperty(ALLOW_H2, Boolean.class, false)) {
        LOG.warn("production profile on H2 ({}=true): for measurements only, never a deployment", ALLOW_H2);
      } else {
        problems.add("the database is H2: production runs on PostgreSQL (set NOODREM_DB_URL)");
      }
    }
    if (!env.getProperty("camunda.bpm.authorization.enabled", Boolean.class, false)) {
      problems.add("camunda.bpm.authorization.enabled is not true");
    }
    if (!"false".equalsIgnoreCase(env.getProperty("camunda.bpm.database.schema-update", ""))) {
      problems.add("camunda.bpm.database.schema-update is not false: Flyway owns the schema (ADR 0005)");
    }
    if (!"flyway".equalsIgnoreCase(env.getProperty("noodrem.database.migrate", ""))) {
      problems.add("noodrem.database.migrate is not 'flyway'");
    }
    if (env.getProperty("noodrem.process.schema-init", Boolean.class, true)
        || env.getProperty("noodrem.digid.store.initialize-schema", Boolean.class, true)) {
      problems.add("module schema scripts are on (noodrem.process.schema-init, noodrem.digid.store.initialize-schema):"
          + " Flyway owns the schema");
    }
    boolean simulatorKeysAllowed = env.getProperty(ALLOW_SIMULATOR_KEYS, Boolean.class, false);
    for (DevelopmentSecrets.Finding finding : DevelopmentSecrets.find(env)) {
      if (simulatorKeysAllowed
          && finding.fingerprint().sha256().equals(DevelopmentSecrets.SIMULATOR_KEY_STORE_PASSWORD)) {
        continue;
      }
      problems.add(finding + ": a development secret committed to the repository; give this deployment its own");
    }
    if (simulatorKeysAllowed) {
      LOG.warn("production profile with the DigiD simulator's key stores ({}=true): for measurements only",
          ALLOW_SIMULATOR_KEYS);
    }
    if (!"jdbc".equalsIgnoreCase(env.getProperty("noodrem.chain.checkpoint-store", ""))) {
      problems.add("noodrem.chain.checkpoint-store is not 'jdbc': several nodes share the chain subscription's"
          + " checkpoint in the database");
    }
    return problems;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}

package nl.noodrem.app.production;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import nl.noodrem.processes.config.HistoryTimeToLivePlugin;
import org.camunda.bpm.container.impl.metadata.PropertyHelper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * A process engine configured the way the production profile configures it: Camunda's generic properties and
 * the authorization switch read from {@code application.yml} overlaid with {@code application-production.yml}
 * (the files the app ships, not a copy), the processes' history-TTL plugin, schema checked but not created.
 * The job executor is off so that tests run jobs themselves.
 */
final class ProductionEngine {

  private ProductionEngine() {}

  /** {@code application.yml} with {@code application-production.yml} on top, flattened. */
  static Properties productionProperties() {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application.yml"), new ClassPathResource("application-production.yml"));
    return yaml.getObject();
  }

  static Map<String, String> genericProperties(Properties all) {
    String prefix = "camunda.bpm.generic-properties.properties.";
    Map<String, String> generic = new HashMap<>();
    all.stringPropertyNames().stream().filter(n -> n.startsWith(prefix))
        .forEach(n -> generic.put(n.substring(prefix.length()), all.getProperty(n)));
    return generic;
  }

  static ProcessEngine start(String name, DataSource dataSource) {
    Properties all = productionProperties();
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName(name);
    configuration.setDataSource(dataSource);
    configuration.setDatabaseSchemaUpdate(all.getProperty("camunda.bpm.database.schema-update"));
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setJobExecutorActivate(false);
    configuration.setAuthorizationEnabled(Boolean.parseBoolean(all.getProperty("camunda.bpm.authorization.enabled")));
    PropertyHelper.applyProperties(configuration, genericProperties(all));
    int ttlDays = java.time.Period.parse(all.getProperty("noodrem.process.history-time-to-live", "P180D")).getDays();
    configuration.getProcessEnginePlugins().add((ProcessEnginePlugin) new HistoryTimeToLivePlugin(ttlDays));
    return configuration.buildProcessEngine();
  }
}

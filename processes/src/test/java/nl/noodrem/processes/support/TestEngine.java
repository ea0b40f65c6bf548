package nl.noodrem.processes.support;

import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageInMemProcessEngineConfiguration;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;

/**
 * The engine of the process tests: in-memory H2, full history (the privacy scan reads it), no job executor (tests
 * run jobs themselves), beans resolved from {@code Mocks} (real delegates on mocked ports), process coverage on.
 */
public final class TestEngine {

  private TestEngine() {}

  /** With process coverage listeners: only for tests run by {@link #extension}. */
  public static ProcessEngineConfiguration configuration() {
    return configure(new ProcessCoverageInMemProcessEngineConfiguration());
  }

  /** Without coverage listeners, for tests that only need an engine. */
  public static ProcessEngineConfiguration plainConfiguration() {
    return configure(new org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration());
  }

  private static ProcessEngineConfiguration configure(
      org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration configuration) {
    configuration.setJdbcUrl("jdbc:h2:mem:noodrem-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setJobExecutorActivate(false);
    configuration.setExpressionManager(new MockExpressionManager());
    configuration.setProcessEngineName("noodrem-test-" + UUID.randomUUID());
    configuration.getProcessEnginePlugins().add(new nl.noodrem.processes.guard.TaskAuthorityPlugin());
    // as in the app: the brake's end listener is built in, so a cancellation cannot skip it
    configuration.getProcessEnginePlugins().add(new nl.noodrem.processes.config.BrakeEndedPlugin());
    return configuration;
  }

  /** Coverage per test class, reported under target/process-test-coverage. */
  public static ProcessEngineCoverageExtension extension(double classCoverageAtLeast) {
    return ProcessEngineCoverageExtension.builder(configuration())
        .assertClassCoverageAtLeast(classCoverageAtLeast)
        .build();
  }
}

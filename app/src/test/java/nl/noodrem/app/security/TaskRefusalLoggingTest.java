package nl.noodrem.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.core.spi.FilterReply;
import nl.noodrem.processes.guard.TaskInputRejectedException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class TaskRefusalLoggingTest {

  private final TaskRefusalLogging.DropRefusalErrors filter = new TaskRefusalLogging.DropRefusalErrors();
  private final Logger engineContext = (Logger) LoggerFactory.getLogger(TaskRefusalLogging.ENGINE_CONTEXT_LOGGER);

  @Test
  void decide_engineErrorForARefusedCompletion_dropped() {
    var refusal = new TaskInputRejectedException("Deze taak mag 'issuerOin' niet schrijven");
    assertThat(filter.decide(null, engineContext, Level.ERROR, "ENGINE-16004 {}", new Object[] {refusal}, null))
        .isEqualTo(FilterReply.DENY);
    assertThat(filter.decide(null, engineContext, Level.ERROR, "x", null, new ProcessEngineException("wrapped",
        refusal))).isEqualTo(FilterReply.DENY);
  }

  @Test
  void decide_anyOtherEngineError_kept() {
    assertThat(filter.decide(null, engineContext, Level.ERROR, "ENGINE-16004 {}",
        new Object[] {new ProcessEngineException("database gone")}, null)).isEqualTo(FilterReply.NEUTRAL);
    assertThat(filter.decide(null, (Logger) LoggerFactory.getLogger("nl.noodrem"), Level.ERROR, "x", null,
        new TaskInputRejectedException("elsewhere"))).isEqualTo(FilterReply.NEUTRAL);
  }
}

package nl.noodrem.app.security;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import nl.noodrem.processes.guard.TaskInputRejectedException;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * A completion the task guard refuses for its input (400) is a staff member's mistake or an attempt, which the guard
 * already logs as one WARN line; Camunda would also log it as an ERROR "exception while closing command context"
 * (it logs every form validation failure so). That duplicate ERROR is dropped here, and only that one: any other
 * exception of the engine's command context is logged as before.
 */
@Component
class TaskRefusalLogging implements InitializingBean {

  static final String ENGINE_CONTEXT_LOGGER = "org.camunda.bpm.engine.context";

  @Override
  public void afterPropertiesSet() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.addTurboFilter(new DropRefusalErrors());
    }
  }

  static final class DropRefusalErrors extends TurboFilter {
    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
        Throwable t) {
      if (level != Level.ERROR || logger == null || !ENGINE_CONTEXT_LOGGER.equals(logger.getName())) {
        return FilterReply.NEUTRAL;
      }
      Throwable thrown = t;
      if (thrown == null && params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last) {
        thrown = last;
      }
      for (Throwable c = thrown; c != null; c = c.getCause() == c ? null : c.getCause()) {
        if (c instanceof TaskInputRejectedException) {
          return FilterReply.DENY;
        }
      }
      return FilterReply.NEUTRAL;
    }
  }
}

package nl.noodrem.digid.support;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/** Collects every log event of the {@code nl.noodrem} loggers during one test. */
public final class LogCapture implements BeforeEachCallback, AfterEachCallback {

  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  @Override
  public void beforeEach(ExtensionContext context) {
    appender.list.clear();
    appender.start();
    logger().addAppender(appender);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    logger().detachAppender(appender);
    appender.stop();
  }

  /** Formatted messages (and the messages of attached throwables). */
  public List<String> messages() {
    return appender.list.stream()
        .map(e -> e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage()))
        .toList();
  }

  public String all() {
    return String.join("\n", messages());
  }

  private static Logger logger() {
    return (Logger) LoggerFactory.getLogger("nl.noodrem");
  }
}

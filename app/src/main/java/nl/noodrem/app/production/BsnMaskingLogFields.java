package nl.noodrem.app.production;

import ch.qos.logback.classic.spi.ILoggingEvent;
import nl.noodrem.processes.service.Redaction;
import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * The last line of defence for structured (JSON) logs: every string value of a log event — message, exception
 * message, stack trace, MDC entries — has each nine-digit run that passes the 11-proof replaced by asterisks
 * before it is written. Noodrem's code never logs a BSN; this catches a library that quotes its input.
 * Configured by {@code logging.structured.json.customizer} in the production profile.
 */
public class BsnMaskingLogFields implements StructuredLoggingJsonMembersCustomizer<ILoggingEvent> {

  @Override
  public void customize(JsonWriter.Members<ILoggingEvent> members) {
    members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, Redaction::maskBsns));
  }
}

package nl.noodrem.app.production;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.json.JsonWriter;

/** Every string field of a structured log line loses its BSNs; other numbers stay readable. */
class BsnMaskingLogFieldsTest {

  @Test
  void customize_messageAndMdcWithBsn_areMasked() {
    JsonWriter<ILoggingEvent> writer = JsonWriter.of(members -> {
      members.add("message", ILoggingEvent::getFormattedMessage);
      members.add("mdc", ILoggingEvent::getMDCPropertyMap);
      new BsnMaskingLogFields().customize(members);
    });
    LoggingEvent event = new LoggingEvent("x", new LoggerContext().getLogger("x"), Level.WARN,
        "lookup for 999993653 failed; case 2025000000001001, ref 123456789, bsn=123456782.", null, null);
    event.setMDCPropertyMap(Map.of("citizen", "999993653"));

    String json = writer.writeToString(event);

    assertThat(json).doesNotContain("999993653").doesNotContain("123456782")
        .contains("*********").contains("2025000000001001").contains("123456789");
  }
}

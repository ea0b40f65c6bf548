package nl.noodrem.camel.health;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import nl.noodrem.camel.batch.DebtHelpBatchRouteBuilder;
import nl.noodrem.camel.collection.CollectionAckRouteBuilder;
import nl.noodrem.camel.support.BridgeIntegrationTest;
import nl.noodrem.camel.support.Health;
import org.apache.camel.Exchange;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A stopped consumer or a stalled poller is an outage everyone sees: health DOWN for that bridge, the
 * metric at 0, one ERROR line; the watchdog's restart brings it back, and a file dropped afterwards is
 * processed. The watchdog is driven by calling {@link BridgeHealth#check()} (its schedule is off in tests).
 */
class BridgeHealthTest extends BridgeIntegrationTest {

  static final String OIN = "00000001999990001000";

  @Autowired BridgeHealth health;
  @Autowired PollTracker polls;
  @Autowired BridgeMetrics metrics;
  @Autowired MeterRegistry meters;

  ListAppender<ILoggingEvent> log = new ListAppender<>();

  @BeforeEach
  void captureLog() {
    log.start();
    ((Logger) LoggerFactory.getLogger(BridgeHealth.class)).addAppender(log);
  }

  @AfterEach
  void releaseLog() throws Exception {
    ((Logger) LoggerFactory.getLogger(BridgeHealth.class)).detachAppender(log);
    // whatever a test did, every route runs again for the next test class
    for (String id : List.of(DebtHelpBatchRouteBuilder.DIRECTORY_ROUTE_ID, CollectionAckRouteBuilder.CONSUMER_ROUTE_ID)) {
      if (!camel.getRouteController().getRouteStatus(id).isStarted()) {
        camel.getRouteController().startRoute(id);
      }
    }
    health.check();
  }

  List<String> errorLines() {
    return log.list.stream().filter(e -> e.getLevel() == Level.ERROR).map(ILoggingEvent::getFormattedMessage).toList();
  }

  double up(String bridge) {
    return meters.find("noodrem.bridge.up").tag("bridge", bridge).gauge().value();
  }

  void assertValidFileIsProcessed() throws Exception {
    String id = "HEALTH-" + UUID.randomUUID().toString().substring(0, 8);
    NotifyBuilder done = new NotifyBuilder(camel).fromRoute(DebtHelpBatchRouteBuilder.DIRECTORY_ROUTE_ID)
        .filter(e -> (id + ".csv").equals(e.getIn().getHeader(Exchange.FILE_NAME_ONLY))
            && e.getProperty(Exchange.SPLIT_INDEX) == null)
        .whenDone(1).create();
    Path temp = INBOX.resolve("." + id + ".tmp");
    Files.writeString(temp, "STARTED;" + id + ";" + OIN + ";999993653;MSNP;2025-01-15;2025-02-01;;\n",
        StandardCharsets.UTF_8);
    Files.setLastModifiedTime(temp, FileTime.from(Instant.now().minusSeconds(60)));
    Files.move(temp, INBOX.resolve(id + ".csv"), StandardCopyOption.ATOMIC_MOVE);
    assertThat(done.matches(20, TimeUnit.SECONDS)).isTrue();
    assertThat(gateway.eventsWithSourcePrefix("batch/" + OIN + "/" + id)).hasSize(1);
  }

  @Test
  void stoppedPoller_turnsItsBridgeDown_logsOnce_andIsRestartedByPolicy() throws Exception {
    health.check();
    assertThat(up("debt-help-batch")).isEqualTo(1.0);

    camel.getRouteController().stopRoute(DebtHelpBatchRouteBuilder.DIRECTORY_ROUTE_ID);

    var node = Health.bridge(HTTP_PORT, "debt-help-batch");
    assertThat(node.path("status").asText()).isEqualTo("DOWN");
    assertThat(node.path("details").path(DebtHelpBatchRouteBuilder.DIRECTORY_ROUTE_ID).asText()).isEqualTo("route stopped");
    assertThat(Health.document(HTTP_PORT).path("status").asText()).isEqualTo("DOWN");
    assertThat(Health.bridge(HTTP_PORT, "collection").path("status").asText()).as("other bridges").isEqualTo("UP");

    health.check(); // sees it down: ERROR once, metric 0, restarts the route

    assertThat(errorLines()).singleElement().asString()
        .contains("debt-help-batch is DOWN").contains(DebtHelpBatchRouteBuilder.DIRECTORY_ROUTE_ID);
    assertThat(camel.getRouteController().getRouteStatus(DebtHelpBatchRouteBuilder.DIRECTORY_ROUTE_ID))
        .isEqualTo(ServiceStatus.Started);
    assertThat(meters.find("noodrem.bridge.restarts").tag("route", DebtHelpBatchRouteBuilder.DIRECTORY_ROUTE_ID)
        .counter().count()).isGreaterThanOrEqualTo(1);
    assertValidFileIsProcessed();

    health.check();
    assertThat(errorLines()).as("no second ERROR line").hasSize(1);
    assertThat(up("debt-help-batch")).isEqualTo(1.0);
    assertThat(Health.bridge(HTTP_PORT, "debt-help-batch").path("status").asText()).isEqualTo("UP");
  }

  @Test
  void pollerThatStoppedPollingWhileItsRouteLooksStarted_isOverdue_andRestarted() throws Exception {
    assertValidFileIsProcessed();
    BridgeHealth.Watched batch = new BridgeHealth.Watched("debt-help-batch",
        List.of(DebtHelpBatchRouteBuilder.DIRECTORY_ROUTE_ID),
        Map.of(DebtHelpBatchRouteBuilder.DIRECTORY_ROUTE_ID, Duration.ofMillis(100)));
    // an hour later without a poll: what a poller whose scheduler thread died looks like
    BridgeHealth anHourLater = new BridgeHealth(camel, polls, metrics,
        Clock.offset(Clock.systemUTC(), Duration.ofHours(1)),
        new BridgeHealth.Policy(Duration.ofHours(1), 10, Duration.ofMinutes(2), true, 3), List.of(batch));

    BridgeHealth.Verdict verdict = anHourLater.evaluate(batch);

    assertThat(verdict.up()).isFalse();
    assertThat(verdict.routes().get(DebtHelpBatchRouteBuilder.DIRECTORY_ROUTE_ID)).startsWith("no poll for");
    assertThat(verdict.toRestart()).containsExactly(DebtHelpBatchRouteBuilder.DIRECTORY_ROUTE_ID);

    anHourLater.check();

    assertThat(errorLines()).singleElement().asString().contains("no poll for");
    assertThat(anHourLater.evaluate(batch).up()).as("restarted: its quiet time counts from the restart").isTrue();
    assertValidFileIsProcessed();
  }

  @Test
  void stoppedJmsConsumer_turnsTheCollectionBridgeDown_untilRestarted() throws Exception {
    camel.getRouteController().stopRoute(CollectionAckRouteBuilder.CONSUMER_ROUTE_ID);

    var node = Health.bridge(HTTP_PORT, "collection");
    assertThat(node.path("status").asText()).isEqualTo("DOWN");
    assertThat(node.path("details").path(CollectionAckRouteBuilder.CONSUMER_ROUTE_ID).asText()).isEqualTo("route stopped");

    health.check();

    assertThat(Health.bridge(HTTP_PORT, "collection").path("status").asText()).isEqualTo("UP");
    assertThat(errorLines()).singleElement().asString().contains("collection is DOWN");
  }
}

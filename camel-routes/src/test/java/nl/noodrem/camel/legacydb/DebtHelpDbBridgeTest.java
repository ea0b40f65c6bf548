package nl.noodrem.camel.legacydb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import nl.noodrem.camel.api.Bridge;
import nl.noodrem.camel.api.DeadLetter;
import nl.noodrem.camel.api.DeadLetterService;
import nl.noodrem.camel.support.BridgeIntegrationTest;
import nl.noodrem.domain.AssistanceType;
import nl.noodrem.domain.Bsn;
import nl.noodrem.domain.event.DebtHelpEnded;
import nl.noodrem.domain.event.DebtHelpStarted;
import nl.noodrem.standin.LegacyDebtHelpDbStandin;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Polling the stand-in municipality's legacy table over its own JDBC DataSource. */
class DebtHelpDbBridgeTest extends BridgeIntegrationTest {

  static final String OIN = "00000001999990002000";

  @Autowired
  LegacyDebtHelpDbStandin legacy;

  @Autowired
  DeadLetterService deadLetters;

  NotifyBuilder whenRowsDone(int rows) {
    return new NotifyBuilder(camel).fromRoute(DebtHelpDbPollingRouteBuilder.POLL_ROUTE_ID).whenDone(rows).create();
  }

  @Test
  void newRows_becomeEvents_andAreMarkedProcessed() {
    NotifyBuilder done = whenRowsDone(2);
    long start = legacy.recordStarted(OIN, "999955597", "BUDGETBEHEER", LocalDate.of(2025, 8, 1), LocalDate.of(2025, 8, 15));
    long end = legacy.recordEnded(OIN, "999991772", LocalDate.of(2025, 9, 30), "VERHUISD");

    assertThat(done.matches(20, TimeUnit.SECONDS)).isTrue();
    assertThat(gateway.eventsWithSourcePrefix("legacy-db/" + OIN + "/")).satisfiesExactly(
        e -> assertThat(e).isInstanceOfSatisfying(DebtHelpStarted.class, s -> {
          assertThat(s.sourceId()).isEqualTo("legacy-db/" + OIN + "/" + start);
          assertThat(s.bsn()).isEqualTo(Bsn.of("999955597"));
          assertThat(s.assistanceType()).isEqualTo(AssistanceType.BUDGETBEHEER);
          assertThat(s.helpStartDate()).isEqualTo(LocalDate.of(2025, 8, 15));
        }),
        e -> assertThat(e).isInstanceOfSatisfying(DebtHelpEnded.class, d -> {
          assertThat(d.sourceId()).isEqualTo("legacy-db/" + OIN + "/" + end);
          assertThat(d.reason()).isEqualTo(DebtHelpEnded.Reason.MOVED_TO_OTHER_MUNICIPALITY);
        }));
    assertThat(legacy.isProcessed(start)).isTrue();
    assertThat(legacy.isProcessed(end)).isTrue();
  }

  @Test
  void brokenRow_isQuarantinedAndMarked_whileTheNextIsDelivered() {
    NotifyBuilder done = whenRowsDone(2);
    long broken = legacy.insert(OIN, "999955597", "START", "SCHULDSANERING", LocalDate.of(2025, 8, 1),
        LocalDate.of(2025, 8, 15), null, null);
    long good = legacy.recordEnded(OIN, "999980841", LocalDate.of(2025, 9, 30), "AFGEROND");

    assertThat(done.matches(20, TimeUnit.SECONDS)).isTrue();
    assertThat(gateway.eventsWithSourcePrefix("legacy-db/")).singleElement()
        .satisfies(e -> assertThat(e.sourceId()).isEqualTo("legacy-db/" + OIN + "/" + good));
    DeadLetter letter = deadLetters.list(Bridge.DEBT_HELP_DB, DeadLetter.Status.OPEN, 1000).stream()
        .filter(d -> d.sourceRef().equals("SHV_STATUS_MUTATIE MUTATIE_ID=" + broken)).findFirst().orElseThrow();
    assertThat(letter.kind()).isEqualTo(DeadLetter.Kind.QUARANTINED);
    assertThat(letter.reason()).contains("assistance type");
    assertThat(legacy.isProcessed(broken)).as("kept as a dead letter, so taken off the table").isTrue();
  }
}

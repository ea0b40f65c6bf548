package nl.noodrem.camel.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import nl.noodrem.camel.api.Bridge;
import nl.noodrem.camel.api.CaseOpened;
import nl.noodrem.camel.api.CollectionSystem;
import nl.noodrem.camel.api.DeadLetter;
import nl.noodrem.camel.api.DeadLetterService;
import nl.noodrem.camel.api.HoldAcknowledgement;
import nl.noodrem.camel.api.HoldCommand;
import nl.noodrem.camel.api.LiftCommand;
import nl.noodrem.camel.api.OpenCase;
import nl.noodrem.camel.support.BridgeIntegrationTest;
import nl.noodrem.domain.Bsn;
import nl.noodrem.domain.BsnPseudonymizer;
import nl.noodrem.domain.CaseNumber;
import nl.noodrem.domain.HoldPeriod;
import nl.noodrem.domain.Money;
import nl.noodrem.domain.event.HoldLifted;
import nl.noodrem.standin.CollectionSystemStandin;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;

/** CJIB's collection system through the embedded Artemis broker and its database, against the stand-in. */
class CollectionBridgeTest extends BridgeIntegrationTest {

  @Autowired
  CollectionSystem collection;

  @Autowired
  CollectionSystemStandin standin;

  @Autowired
  DeadLetterService deadLetters;

  @Autowired
  JmsTemplate jms;

  static final HoldPeriod PERIOD = HoldPeriod.firstHold(LocalDate.now());

  NotifyBuilder whenAcksDone(int count) {
    return new NotifyBuilder(camel).fromRoute(CollectionAckRouteBuilder.CONSUMER_ROUTE_ID).whenDone(count).create();
  }

  static String id() {
    return "cmd-" + UUID.randomUUID();
  }

  @Test
  void openCases_citizenWithCases_listsOpenOnesOnly() throws Exception {
    List<OpenCase> cases = collection.openCases(Bsn.of("999991772"));

    assertThat(cases).extracting(c -> c.caseNumber().value()).containsExactly("2025000000005001");
    assertThat(cases.get(0)).isEqualTo(new OpenCase(CaseNumber.of("2025000000005001"), OpenCase.Kind.WAHV,
        Money.ofCents(23000), OpenCase.Stage.FIRST_REMINDER, LocalDate.of(2025, 3, 12), false));
  }

  @Test
  void openCases_unknownCitizen_isEmpty() throws Exception {
    assertThat(collection.openCases(Bsn.of("999938885"))).isEmpty();
  }

  @Test
  void sendHold_knownAndUnknownCase_isAcknowledgedWithAcceptedAndRejected() throws Exception {
    NotifyBuilder acked = whenAcksDone(1);
    String commandId = id();

    collection.sendHold(new HoldCommand(commandId, "brake-1", List.of(CaseNumber.of("2024000000002001"),
        CaseNumber.of("9999999999999999")), PERIOD));

    assertThat(acked.matches(20, TimeUnit.SECONDS)).isTrue();
    assertThat(gateway.acknowledgements()).singleElement().satisfies(ack -> {
      assertThat(ack.commandId()).isEqualTo(commandId);
      assertThat(ack.brakeRef()).isEqualTo("brake-1");
      assertThat(ack.action()).isEqualTo(HoldAcknowledgement.Action.HOLD);
      assertThat(ack.accepted()).containsExactly(CaseNumber.of("2024000000002001"));
      assertThat(ack.rejected()).containsExactly(CaseNumber.of("9999999999999999"));
    });
    assertThat(standin.holdUntil("2024000000002001")).isEqualTo(PERIOD.end());
    assertThat(collection.openCases(Bsn.of("123456782")))
        .filteredOn(c -> c.caseNumber().value().equals("2024000000002001")).singleElement()
        .satisfies(c -> assertThat(c.held()).isTrue());
  }

  @Test
  void sendLift_heldCase_isLiftedAndAcknowledged() throws Exception {
    NotifyBuilder acked = whenAcksDone(2);
    collection.sendHold(new HoldCommand(id(), "brake-2", List.of(CaseNumber.of("SVM-2023-001122")), PERIOD));
    String liftId = id();
    collection.sendLift(new LiftCommand(liftId, "brake-2", List.of(CaseNumber.of("SVM-2023-001122")),
        HoldLifted.Reason.PERIOD_ENDED));

    assertThat(acked.matches(20, TimeUnit.SECONDS)).isTrue();
    assertThat(gateway.acknowledgements()).extracting(HoldAcknowledgement::action)
        .containsExactly(HoldAcknowledgement.Action.HOLD, HoldAcknowledgement.Action.LIFT);
    assertThat(standin.holdUntil("SVM-2023-001122")).isNull();
  }

  @Test
  void sendHold_whileCollectionSystemDown_waitsOnTheQueueAndIsCarriedOutWhenItIsBack() throws Exception {
    standin.goDown();
    String commandId = id();
    try {
      collection.sendHold(new HoldCommand(commandId, "brake-3", List.of(CaseNumber.of("2025000000004001")), PERIOD));

      Integer waiting = jms.browse("cjib.incasso.opschorting.opdracht",
          (session, browser) -> java.util.Collections.list(browser.getEnumeration()).size());
      assertThat(waiting).isEqualTo(1);
      assertThat(gateway.acknowledgements()).isEmpty();
      assertThat(standin.holdUntil("2025000000004001")).isNull();
    } finally {
      NotifyBuilder acked = whenAcksDone(1);
      standin.comeUp();
      assertThat(acked.matches(20, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(gateway.acknowledgements()).singleElement()
        .satisfies(ack -> assertThat(ack.commandId()).isEqualTo(commandId));
    assertThat(standin.holdUntil("2025000000004001")).isEqualTo(PERIOD.end());
  }

  @Test
  void sendHold_sameCommandTwice_isCarriedOutAndAcknowledgedOnce() throws Exception {
    String commandId = id();
    HoldCommand command = new HoldCommand(commandId, "brake-4", List.of(CaseNumber.of("2025000000007001")), PERIOD);
    int before = standin.commandsCarriedOut();
    NotifyBuilder acked = whenAcksDone(1);

    collection.sendHold(command);
    collection.sendHold(command);

    assertThat(acked.matches(20, TimeUnit.SECONDS)).isTrue();
    assertThat(standin.commandsCarriedOut()).isEqualTo(before + 1);
    assertThat(gateway.acknowledgements()).hasSize(1);
  }

  @Test
  void poisonAcknowledgement_isKeptAsDeadLetter_andTakenOffTheQueue() {
    NotifyBuilder done = whenAcksDone(1);
    String poison = "bsn999993653 is not json";

    jms.convertAndSend("cjib.incasso.opschorting.bevestiging", poison);

    assertThat(done.matches(20, TimeUnit.SECONDS)).isTrue();
    DeadLetter letter = deadLetters.list(Bridge.COLLECTION_ACK, DeadLetter.Status.OPEN, 1000).stream()
        .filter(d -> d.sourceRef().startsWith("JMS message"))
        .filter(d -> deadLetters.openPayload(d.id(), "test").map(poison::equals).orElse(false)).findFirst().orElseThrow();
    assertThat(letter.kind()).isEqualTo(DeadLetter.Kind.QUARANTINED);
    assertThat(letter.reason()).contains("line 1").doesNotContain("999993653");
    assertThat(letter.attempts()).isEqualTo(1);
    assertThat(letter.sourceRef()).startsWith("JMS message ID:");
    assertThat(gateway.acknowledgements()).isEmpty();
    Integer left = jms.browse("cjib.incasso.opschorting.bevestiging",
        (session, browser) -> java.util.Collections.list(browser.getEnumeration()).size());
    assertThat(left).isZero();
  }

  @Test
  void caseOpened_duringHold_reachesTheProcessesPseudonymised() throws Exception {
    NotifyBuilder done = new NotifyBuilder(camel).fromRoute(CaseEventsRouteBuilder.CONSUMER_ROUTE_ID).whenDone(1).create();

    String eventId = standin.openCase("999993653", "2025000000001099", "WAHV", 9000, "DECISION",
        LocalDate.of(2025, 9, 1));

    assertThat(done.matches(20, TimeUnit.SECONDS)).isTrue();
    CaseOpened expected = new CaseOpened(eventId, gateway.casesOpened().get(0).occurredAt(),
        new BsnPseudonymizer(PSEUDONYM_KEY).pseudonymize(Bsn.of("999993653")),
        new OpenCase(CaseNumber.of("2025000000001099"), OpenCase.Kind.WAHV, Money.ofCents(9000),
            OpenCase.Stage.DECISION, LocalDate.of(2025, 9, 1), false));
    assertThat(gateway.casesOpened()).containsExactly(expected);
    assertThat(gateway.casesOpened().get(0).toString()).doesNotContain("999993653");
  }
}

package nl.noodrem.camel.collection;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.BytesMessage;
import jakarta.jms.Message;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import nl.noodrem.camel.api.Bridge;
import nl.noodrem.camel.api.DeadLetter;
import nl.noodrem.camel.api.DeadLetterService;
import nl.noodrem.camel.support.BridgeIntegrationTest;
import nl.noodrem.camel.support.Health;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;

/**
 * Poison messages on every queue the app consumes (acknowledgements, case events): each becomes a dead
 * letter with its reason after bounded redelivery and never blocks its queue; a valid message sent
 * afterwards is handled once; health says the collection bridge is up.
 */
class CollectionBadInputTest extends BridgeIntegrationTest {

  static final String ACKS = "cjib.incasso.opschorting.bevestiging";
  static final String CASE_EVENTS = "cjib.incasso.zaak.geopend";

  @Autowired DeadLetterService deadLetters;
  @Autowired JmsTemplate jms;
  @Autowired DataSource dataSource;

  NotifyBuilder whenDone(String consumerRouteId, int count) {
    return new NotifyBuilder(camel).fromRoute(consumerRouteId).whenDone(count).create();
  }

  /** Sends and returns the JMS message id the broker gave it. */
  String send(String queue, MessageMaker maker) {
    AtomicReference<Message> sent = new AtomicReference<>();
    jms.send(queue, session -> {
      Message m = maker.make(session);
      sent.set(m);
      return m;
    });
    try {
      return sent.get().getJMSMessageID();
    } catch (jakarta.jms.JMSException e) {
      throw new IllegalStateException(e);
    }
  }

  interface MessageMaker {
    Message make(jakarta.jms.Session session) throws jakarta.jms.JMSException;
  }

  DeadLetter deadLetter(Bridge bridge, String messageId) {
    return deadLetters.list(bridge, DeadLetter.Status.OPEN, 1000).stream()
        .filter(d -> ("JMS message " + messageId).equals(d.sourceRef())).findFirst()
        .orElseThrow(() -> new AssertionError("no dead letter for " + messageId));
  }

  int left(String queue) {
    return jms.browse(queue, (session, browser) -> java.util.Collections.list(browser.getEnumeration()).size());
  }

  DeadLetter poisonAck(MessageMaker maker) {
    NotifyBuilder done = whenDone(CollectionAckRouteBuilder.CONSUMER_ROUTE_ID, 1);
    String id = send(ACKS, maker);
    assertThat(done.matches(20, TimeUnit.SECONDS)).isTrue();
    return deadLetter(Bridge.COLLECTION_ACK, id);
  }

  /** After every case: the queue is empty, a valid acknowledgement is handled once, health is up. */
  @AfterEach
  void queueStillFlows() throws Exception {
    assertThat(left(ACKS)).isZero();
    assertThat(left(CASE_EVENTS)).isZero();
    String commandId = "cmd-" + UUID.randomUUID();
    NotifyBuilder done = whenDone(CollectionAckRouteBuilder.CONSUMER_ROUTE_ID, 1);
    jms.convertAndSend(ACKS, "{\"version\":1,\"commandId\":\"" + commandId + "\",\"brakeRef\":\"brake-bad\","
        + "\"action\":\"HOLD\",\"accepted\":[],\"rejected\":[]}");
    assertThat(done.matches(20, TimeUnit.SECONDS)).isTrue();
    assertThat(gateway.acknowledgements()).filteredOn(a -> a.commandId().equals(commandId)).hasSize(1);
    assertThat(Health.bridge(HTTP_PORT, "collection").path("status").asText()).isEqualTo("UP");
  }

  @Test
  void textThatIsNoJson_isQuarantinedAtOnce() {
    DeadLetter letter = poisonAck(session -> session.createTextMessage("bsn 999993653; not json"));

    assertThat(letter.kind()).isEqualTo(DeadLetter.Kind.QUARANTINED);
    assertThat(letter.attempts()).isEqualTo(1);
    assertThat(letter.reason()).contains("not a valid").doesNotContain("999993653");
  }

  @Test
  void binaryMessage_isQuarantinedAtOnce() {
    DeadLetter letter = poisonAck(session -> {
      BytesMessage m = session.createBytesMessage();
      m.writeBytes(new byte[] {0, 1, 2, (byte) 0xFF, (byte) 0xFE, 0, 'P', 'K'});
      return m;
    });

    assertThat(letter.kind()).isEqualTo(DeadLetter.Kind.QUARANTINED);
    assertThat(letter.reason()).isNotBlank();
  }

  @Test
  void emptyMessage_isQuarantinedAsHavingNoText() {
    DeadLetter letter = poisonAck(session -> session.createTextMessage(""));

    assertThat(letter.kind()).isEqualTo(DeadLetter.Kind.QUARANTINED);
    assertThat(letter.reason()).contains("no text body");
  }

  @Test
  void messageOfMegabytes_isDeadLetteredWithItsReasonButWithoutItsPayload() {
    DeadLetter letter = poisonAck(session -> session.createTextMessage("x".repeat(2_000_000)));

    assertThat(letter.kind()).isEqualTo(DeadLetter.Kind.QUARANTINED);
    assertThat(deadLetters.openPayload(letter.id(), "operator-test")).isEmpty();
    assertThat(letter.reason()).startsWith("payload of 2000000 characters not kept");
  }

  @Test
  void jsonWithoutItsRequiredFields_isQuarantined() {
    DeadLetter letter = poisonAck(session -> session.createTextMessage("{\"version\":1,\"action\":\"HOLD\"}"));

    assertThat(letter.reason()).contains("lacks commandId");
  }

  @Test
  void jsonWithAnUnknownAction_isQuarantined() {
    DeadLetter letter = poisonAck(session -> session.createTextMessage(
        "{\"version\":1,\"commandId\":\"c\",\"brakeRef\":\"b\",\"action\":\"PAUSE\"}"));

    assertThat(letter.reason()).contains("must be HOLD, LIFT or PAYMENT_PLAN");
  }

  @Test
  void poisonCaseEvent_isQuarantined_andTheQueueGoesOn() {
    NotifyBuilder done = whenDone(CaseEventsRouteBuilder.CONSUMER_ROUTE_ID, 1);
    String id = send(CASE_EVENTS, session -> session.createTextMessage("{\"eventId\":\"e-1\",\"bsn\":\"999993653\"}"));
    assertThat(done.matches(20, TimeUnit.SECONDS)).isTrue();

    DeadLetter letter = deadLetter(Bridge.COLLECTION_CASE_EVENTS, id);
    assertThat(letter.kind()).isEqualTo(DeadLetter.Kind.QUARANTINED);
    assertThat(letter.reason()).contains("lacks").doesNotContain("999993653");
  }

  @Test
  void poisonWhileTheDeadLetterStoreIsDown_endsInTheBrokersDlqAfterBoundedRedelivery() throws Exception {
    JdbcTemplate sql = new JdbcTemplate(dataSource);
    NotifyBuilder failed = new NotifyBuilder(camel).fromRoute(CollectionAckRouteBuilder.CONSUMER_ROUTE_ID)
        .whenFailed(5).create();
    String poison = "not json while the database refuses dead letters " + UUID.randomUUID();
    sql.execute("ALTER TABLE NOODREM_DEAD_LETTER RENAME TO NOODREM_DEAD_LETTER_AWAY");
    try {
      jms.convertAndSend(ACKS, poison);
      assertThat(failed.matches(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      sql.execute("ALTER TABLE NOODREM_DEAD_LETTER_AWAY RENAME TO NOODREM_DEAD_LETTER");
    }
    jms.setReceiveTimeout(10_000);
    assertThat(jms.receiveAndConvert("DLQ")).as("kept by the broker, not lost").isEqualTo(poison);
  }
}

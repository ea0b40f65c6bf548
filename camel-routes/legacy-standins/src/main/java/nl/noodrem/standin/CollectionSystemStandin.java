package nl.noodrem.standin;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stand-in for CJIB's collection system (incassosysteem). Development and test only.
 *
 * <ul>
 *   <li>keeps cases per BSN in its own H2 database, and offers the read-only view
 *       {@code V_NOODREM_OPEN_ZAAK} that Noodrem queries over SQL;
 *   <li>takes hold, lift and payment-plan commands (JSON) from its commands queue, applies them to its cases
 *       once per command id (a hold also keeps whether surcharges are suspended), and answers each with an
 *       acknowledgement on its acks queue;
 *   <li>can be taken {@link #goDown() down} for a while: commands then wait on the broker, as they would
 *       during the real system's maintenance window, and are taken when it is {@link #comeUp() up}
 *       again;
 *   <li>{@link #openCase opens new cases} and announces them on its case-events queue.
 * </ul>
 */
public class CollectionSystemStandin extends RouteBuilder {

  public static final String COMMANDS_ROUTE_ID = "standin-collection-commands";

  private final StandinProperties.Collection properties;
  private final StandinDatabase database;
  private final TransactionTemplate transactions;
  private final ObjectMapper json = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public CollectionSystemStandin(StandinProperties.Collection properties, StandinDatabase database) {
    this.properties = properties;
    this.database = database;
    this.transactions = new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));
  }

  public StandinDatabase database() {
    return database;
  }

  @Override
  public void configure() {
    // transacted: a command is taken off the queue only when its effect and its ack are done
    from("jms:queue:" + properties.commandsQueue() + "?transacted=true&lazyCreateTransactionManager=false"
            + "&concurrentConsumers=" + properties.concurrentConsumers())
        .routeId(COMMANDS_ROUTE_ID)
        .process(this::handleCommand)
        .to("jms:queue:" + properties.acksQueue() + "?deliveryPersistent=true");
  }

  /** Simulates an outage: stops taking commands; they stay on the broker. */
  public void goDown() throws Exception {
    getContext().getRouteController().stopRoute(COMMANDS_ROUTE_ID);
  }

  /** Ends an outage: commands waiting on the broker are taken. */
  public void comeUp() throws Exception {
    getContext().getRouteController().startRoute(COMMANDS_ROUTE_ID);
  }

  public boolean isUp() {
    return getContext().getRouteController().getRouteStatus(COMMANDS_ROUTE_ID).isStarted();
  }

  /**
   * Opens a case and announces it on the case-events queue; returns the announcement's event id.
   *
   * @param kind WAHV, CRIMINAL_FINE or COMPENSATION_ORDER
   * @param stage DECISION, FIRST_REMINDER, ...
   */
  public String openCase(String bsn, String caseNumber, String kind, long outstandingCents, String stage,
      LocalDate decisionDate) throws Exception {
    database.jdbc().update(
        "INSERT INTO CJIB_ZAAK (ZAAKNUMMER, BSN, SOORT, OPENSTAAND_CENTEN, STADIUM, BESLISDATUM, STATUS)"
            + " VALUES (?, ?, ?, ?, ?, ?, 'OPEN')",
        caseNumber, bsn, kind, outstandingCents, stage, Date.valueOf(decisionDate));
    String eventId = "cjib-zaak-geopend-" + UUID.randomUUID();
    var event = new CollectionWireFormat.CaseOpened(
        1, eventId, bsn, caseNumber, kind, outstandingCents, stage, decisionDate, Instant.now());
    ProducerTemplate producer = getContext().createProducerTemplate();
    try {
      producer.sendBody("jms:queue:" + properties.caseEventsQueue() + "?deliveryPersistent=true",
          json.writeValueAsString(event));
    } finally {
      producer.stop();
    }
    return eventId;
  }

  /** The hold end date on a case, or null when it has no hold. */
  public LocalDate holdUntil(String caseNumber) {
    return database.jdbc().queryForObject(
        "SELECT UITSTEL_TOT FROM CJIB_ZAAK WHERE ZAAKNUMMER = ?", LocalDate.class, caseNumber);
  }

  /** Whether the hold on a case suspends surcharges (false when it has no hold). */
  public boolean surchargesSuspended(String caseNumber) {
    return Boolean.TRUE.equals(database.jdbc().queryForObject(
        "SELECT VERHOGING_OPGESCHORT FROM CJIB_ZAAK WHERE ZAAKNUMMER = ?", Boolean.class, caseNumber));
  }

  /** The instalments of the payment plan on a case, or null when none was agreed. */
  public Integer paymentPlanMonths(String caseNumber) {
    return database.jdbc().queryForObject(
        "SELECT REGELING_TERMIJNEN FROM CJIB_ZAAK WHERE ZAAKNUMMER = ?", Integer.class, caseNumber);
  }

  /** How many distinct commands were carried out. */
  public int commandsCarriedOut() {
    Integer n = database.jdbc().queryForObject("SELECT COUNT(*) FROM CJIB_VERWERKTE_OPDRACHT", Integer.class);
    return n == null ? 0 : n;
  }

  private void handleCommand(Exchange exchange) throws Exception {
    CollectionWireFormat.Command command =
        json.readValue(exchange.getIn().getBody(String.class), CollectionWireFormat.Command.class);
    String ack = transactions.execute(status -> carryOut(command));
    exchange.getMessage().setBody(ack);
    exchange.getMessage().removeHeaders("*");
    exchange.getMessage().setHeader("JMSCorrelationID", command.commandId());
    // a brake's acknowledgements stay in order too, whichever of Noodrem's consumers takes them
    exchange.getMessage().setHeader("JMSXGroupID", command.brakeRef());
  }

  private String carryOut(CollectionWireFormat.Command command) {
    List<String> earlier = database.jdbc().queryForList(
        "SELECT BEVESTIGING FROM CJIB_VERWERKTE_OPDRACHT WHERE OPDRACHT_ID = ?", String.class, command.commandId());
    if (!earlier.isEmpty()) {
      return earlier.get(0); // the same command again: same answer, no second effect
    }
    List<String> accepted = new ArrayList<>();
    List<String> rejected = new ArrayList<>();
    for (String caseNumber : command.cases()) {
      int updated = switch (command.action()) {
        case "HOLD" -> database.jdbc().update(
            "UPDATE CJIB_ZAAK SET UITSTEL_VAN = ?, UITSTEL_TOT = ?, UITSTEL_OPDRACHT = ?, VERHOGING_OPGESCHORT = ?"
                + " WHERE ZAAKNUMMER = ? AND STATUS = 'OPEN'",
            Date.valueOf(command.holdStart()), Date.valueOf(command.holdEnd()), command.commandId(),
            Boolean.TRUE.equals(command.suspendSurcharges()), caseNumber);
        case "LIFT" -> database.jdbc().update(
            "UPDATE CJIB_ZAAK SET UITSTEL_VAN = NULL, UITSTEL_TOT = NULL, UITSTEL_OPDRACHT = ?,"
                + " VERHOGING_OPGESCHORT = FALSE WHERE ZAAKNUMMER = ? AND STATUS = 'OPEN'",
            command.commandId(), caseNumber);
        case "PAYMENT_PLAN" -> command.paymentPlanMonths() == null || command.paymentPlanMonths() < 1 ? 0
            : database.jdbc().update(
                "UPDATE CJIB_ZAAK SET REGELING_TERMIJNEN = ?, REGELING_OPDRACHT = ?"
                    + " WHERE ZAAKNUMMER = ? AND STATUS = 'OPEN'",
                command.paymentPlanMonths(), command.commandId(), caseNumber);
        default -> 0;
      };
      (updated == 1 ? accepted : rejected).add(caseNumber);
    }
    String reason = rejected.isEmpty() ? null : "zaak onbekend, betaald of gesloten";
    try {
      String ack = json.writeValueAsString(new CollectionWireFormat.Acknowledgement(
          1, command.commandId(), command.brakeRef(), command.action(), accepted, rejected, reason, Instant.now()));
      database.jdbc().update(
          "INSERT INTO CJIB_VERWERKTE_OPDRACHT (OPDRACHT_ID, BEVESTIGING, VERWERKT_OP) VALUES (?, ?, ?)",
          command.commandId(), ack, Timestamp.from(Instant.now()));
      return ack;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

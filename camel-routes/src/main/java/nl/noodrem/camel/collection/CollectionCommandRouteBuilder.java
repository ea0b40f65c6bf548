package nl.noodrem.camel.collection;

import com.fasterxml.jackson.core.JsonProcessingException;
import nl.noodrem.camel.api.HoldCommand;
import nl.noodrem.camel.api.LiftCommand;
import nl.noodrem.camel.api.PaymentPlanCommand;
import nl.noodrem.camel.errors.BridgeErrorHandling;
import nl.noodrem.camel.errors.BridgeJson;
import nl.noodrem.domain.CaseNumber;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * Flow "hold and lift commands": route {@value CollectionCommandOutbox#RELAY_ROUTE_ID} sends, every
 * {@code outbox-relay-period-ms}, what waits in the {@link CollectionCommandOutbox}; route {@value #ROUTE_ID} puts one command, already in its wire form (JSON), on the
 * collection system's commands queue, persistent. Only {@link CollectionCommandOutbox} sends through it, after the
 * transaction that decided the command committed. The JMS correlation id and Artemis' duplicate-id header are the
 * command id (bound to the command's content), so a command sent twice is dropped by the broker and, should it
 * pass, carried out once by the collection system.
 */
public class CollectionCommandRouteBuilder extends RouteBuilder {

  public static final String ROUTE_ID = "collection-send-command";
  public static final String ENDPOINT = "direct:collection-send-command";

  /** Headers the outbox hands to the route with the JSON body. */
  static final String COMMAND_ID = "NoodremCommandId";
  static final String BRAKE_REF = "NoodremBrakeRef";
  static final String ACTION = "NoodremCommandAction";

  /** Artemis drops a second message with the same value within its duplicate-id cache. */
  static final String ARTEMIS_DUPLICATE_ID = "_AMQ_DUPL_ID";

  /** JMS message groups: the broker hands a group's messages to one consumer, in order. */
  static final String JMS_GROUP_ID = "JMSXGroupID";

  /** A command in the form it travels in: its JSON and the three values the broker's headers need. */
  record Outgoing(String commandId, String brakeRef, String action, String json) {}

  private final CollectionCommandOutbox outbox;

  public CollectionCommandRouteBuilder(CollectionCommandOutbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public void configure() {
    // what a node left between commit and send, or what waited while the broker was down
    from("timer:noodrem-collection-outbox?delay={{noodrem.legacy.collection.outbox-relay-period-ms}}"
            + "&period={{noodrem.legacy.collection.outbox-relay-period-ms}}")
        .routeId(CollectionCommandOutbox.RELAY_ROUTE_ID)
        .routeConfigurationId(BridgeErrorHandling.SOURCE)
        .process(exchange -> outbox.relay());

    from(ENDPOINT)
        .routeId(ROUTE_ID)
        .routeConfigurationId(BridgeErrorHandling.REQUEST_REPLY)
        .process(CollectionCommandRouteBuilder::headers)
        .to("jms:queue:{{noodrem.legacy.collection.commands-queue}}"
            + "?exchangePattern=InOnly&deliveryPersistent=true&preserveMessageQos=false");
  }

  /** The wire form of a {@link HoldCommand}, {@link LiftCommand} or {@link PaymentPlanCommand} (module README). */
  static Outgoing toWire(Object body) {
    CollectionWireFormat.Command command;
    if (body instanceof HoldCommand hold) {
      command = new CollectionWireFormat.Command(CollectionWireFormat.VERSION, hold.commandId(),
          hold.brakeRef(), "HOLD", hold.cases().stream().map(CaseNumber::value).toList(),
          hold.period().start(), hold.period().end(), null, hold.suspendSurcharges(), null);
    } else if (body instanceof LiftCommand lift) {
      command = new CollectionWireFormat.Command(CollectionWireFormat.VERSION, lift.commandId(),
          lift.brakeRef(), "LIFT", lift.cases().stream().map(CaseNumber::value).toList(), null, null,
          lift.reason().name(), null, null);
    } else if (body instanceof PaymentPlanCommand plan) {
      command = new CollectionWireFormat.Command(CollectionWireFormat.VERSION, plan.commandId(),
          plan.brakeRef(), "PAYMENT_PLAN", plan.cases().stream().map(CaseNumber::value).toList(), null, null, null,
          null, plan.months());
    } else {
      throw new IllegalArgumentException("not a collection command: "
          + (body == null ? "null" : body.getClass().getName()));
    }
    try {
      return new Outgoing(command.commandId(), command.brakeRef(), command.action(),
          BridgeJson.MAPPER.writeValueAsString(command));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a command's JSON cannot fail to write", e);
    }
  }

  private static void headers(Exchange exchange) {
    String commandId = exchange.getIn().getHeader(COMMAND_ID, String.class);
    String brakeRef = exchange.getIn().getHeader(BRAKE_REF, String.class);
    String action = exchange.getIn().getHeader(ACTION, String.class);
    if (commandId == null || brakeRef == null || action == null) {
      throw new IllegalArgumentException("a command needs its id, brake reference and action headers");
    }
    // only these headers reach the broker; nothing else a caller might have set
    exchange.getIn().removeHeaders("*");
    exchange.getIn().setHeader("JMSCorrelationID", commandId);
    exchange.getIn().setHeader(ARTEMIS_DUPLICATE_ID, commandId);
    // one brake's commands in the order sent, by one consumer at a time, however many the collection system runs
    exchange.getIn().setHeader(JMS_GROUP_ID, brakeRef);
    exchange.getIn().setHeader(ACTION, action);
  }
}

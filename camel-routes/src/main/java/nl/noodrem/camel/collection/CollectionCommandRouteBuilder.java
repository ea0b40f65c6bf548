package nl.noodrem.camel.collection;

import nl.noodrem.camel.api.HoldCommand;
import nl.noodrem.camel.api.LiftCommand;
import nl.noodrem.camel.errors.BridgeErrorHandling;
import nl.noodrem.camel.errors.BridgeJson;
import nl.noodrem.domain.CaseNumber;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * Flow "hold and lift commands": route {@value #ROUTE_ID} puts a {@link HoldCommand} or
 * {@link LiftCommand} as JSON on the collection system's commands queue, persistent, before the
 * caller's {@code sendHold}/{@code sendLift} returns. The JMS correlation id and Artemis' duplicate-id
 * header are the command id, so a command sent twice (a retried Camunda job) is dropped by the broker
 * and, should it pass, carried out once by the collection system.
 */
public class CollectionCommandRouteBuilder extends RouteBuilder {

  public static final String ROUTE_ID = "collection-send-command";
  public static final String ENDPOINT = "direct:collection-send-command";

  /** Artemis drops a second message with the same value within its duplicate-id cache. */
  static final String ARTEMIS_DUPLICATE_ID = "_AMQ_DUPL_ID";

  /** JMS message groups: the broker hands a group's messages to one consumer, in order. */
  static final String JMS_GROUP_ID = "JMSXGroupID";

  @Override
  public void configure() {
    from(ENDPOINT)
        .routeId(ROUTE_ID)
        .routeConfigurationId(BridgeErrorHandling.REQUEST_REPLY)
        .process(CollectionCommandRouteBuilder::toWire)
        .to("jms:queue:{{noodrem.legacy.collection.commands-queue}}"
            + "?exchangePattern=InOnly&deliveryPersistent=true&preserveMessageQos=false");
  }

  private static void toWire(Exchange exchange) throws Exception {
    Object body = exchange.getIn().getBody();
    CollectionWireFormat.Command command;
    if (body instanceof HoldCommand hold) {
      command = new CollectionWireFormat.Command(CollectionWireFormat.VERSION, hold.commandId(),
          hold.brakeRef(), "HOLD", hold.cases().stream().map(CaseNumber::value).toList(),
          hold.period().start(), hold.period().end(), null);
    } else if (body instanceof LiftCommand lift) {
      command = new CollectionWireFormat.Command(CollectionWireFormat.VERSION, lift.commandId(),
          lift.brakeRef(), "LIFT", lift.cases().stream().map(CaseNumber::value).toList(), null, null,
          lift.reason().name());
    } else {
      throw new IllegalArgumentException("not a collection command: "
          + (body == null ? "null" : body.getClass().getName()));
    }
    // only these headers reach the broker; nothing else a caller might have set
    exchange.getIn().removeHeaders("*");
    exchange.getIn().setHeader("JMSCorrelationID", command.commandId());
    exchange.getIn().setHeader(ARTEMIS_DUPLICATE_ID, command.commandId());
    // one brake's commands in the order sent, by one consumer at a time, however many the collection system runs
    exchange.getIn().setHeader(JMS_GROUP_ID, command.brakeRef());
    exchange.getIn().setHeader("NoodremCommandAction", command.action());
    exchange.getIn().setBody(BridgeJson.MAPPER.writeValueAsString(command));
  }
}

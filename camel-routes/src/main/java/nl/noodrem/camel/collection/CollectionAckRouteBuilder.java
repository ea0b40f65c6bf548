package nl.noodrem.camel.collection;

import nl.noodrem.camel.api.Bridge;
import nl.noodrem.camel.api.HoldAcknowledgement;
import nl.noodrem.camel.api.ProcessGateway;
import nl.noodrem.camel.errors.BridgeErrorHandling;
import nl.noodrem.camel.errors.BridgeJson;
import nl.noodrem.camel.errors.DeadLetters;
import nl.noodrem.camel.errors.InvalidRecordException;
import nl.noodrem.domain.CaseNumber;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.IdempotentRepository;

/**
 * Flow "acknowledgements": the collection system's answers to hold and lift commands, correlated back to
 * the brake through {@link ProcessGateway#holdAcknowledged}.
 *
 * <ul>
 *   <li>{@value #CONSUMER_ROUTE_ID}: a transacted JMS consumer of the acks queue. The message is taken
 *       off the queue only once it was delivered or stored as a dead letter; if even that failed the
 *       transaction rolls back, the broker redelivers, and after its maximum delivery attempts moves the
 *       message to its DLQ address: a poison message is never lost.
 *   <li>{@value #ROUTE_ID}: parses the JSON (an unreadable message is quarantined at once), and delivers
 *       each (command id, action) once (JDBC idempotent repository {@value #REPOSITORY}).
 * </ul>
 */
public class CollectionAckRouteBuilder extends RouteBuilder {

  public static final String CONSUMER_ROUTE_ID = "collection-ack-consumer";
  public static final String ROUTE_ID = "collection-ack";
  public static final String ENDPOINT = "direct:collection-ack";
  public static final String REPOSITORY = "collection-ack";
  private static final String KEY = "NoodremAckKey";

  private final ProcessGateway gateway;
  private final IdempotentRepository repository;

  public CollectionAckRouteBuilder(ProcessGateway gateway, IdempotentRepository repository) {
    this.gateway = gateway;
    this.repository = repository;
  }

  @Override
  public void configure() {
    from("jms:queue:{{noodrem.legacy.collection.acks-queue}}?transacted=true&lazyCreateTransactionManager=false"
            + "&concurrentConsumers={{noodrem.legacy.collection.concurrent-consumers}}")
        .routeId(CONSUMER_ROUTE_ID)
        .routeConfigurationId(BridgeErrorHandling.SOURCE)
        .to(ENDPOINT);

    from(ENDPOINT)
        .routeId(ROUTE_ID)
        .routeConfigurationId(BridgeErrorHandling.DELIVERY)
        .process(DeadLetters.remember(Bridge.COLLECTION_ACK, ENDPOINT,
            e -> "JMS message " + e.getIn().getHeader("JMSMessageID", "(replayed)", String.class)))
        .process(CollectionAckRouteBuilder::parse)
        .choice()
          .when(DeadLetters::isReplay)
            .process(this::deliver)
          .otherwise()
            .idempotentConsumer(header(KEY), repository).eager(false)
              .process(this::deliver)
            .end()
        .end();
  }

  static void parse(Exchange exchange) throws Exception {
    CollectionWireFormat.Acknowledgement wire = BridgeJson.read(
        exchange.getIn().getBody(String.class), CollectionWireFormat.Acknowledgement.class);
    if (wire.commandId() == null || wire.brakeRef() == null || wire.action() == null) {
      throw new InvalidRecordException("acknowledgement lacks commandId, brakeRef or action");
    }
    HoldAcknowledgement.Action action;
    try {
      action = HoldAcknowledgement.Action.valueOf(wire.action());
    } catch (IllegalArgumentException e) {
      throw new InvalidRecordException("acknowledgement action must be HOLD, LIFT or PAYMENT_PLAN");
    }
    HoldAcknowledgement ack = new HoldAcknowledgement(wire.commandId(), wire.brakeRef(), action,
        wire.accepted() == null ? java.util.List.of() : wire.accepted().stream().map(CaseNumber::of).toList(),
        wire.rejected() == null ? java.util.List.of() : wire.rejected().stream().map(CaseNumber::of).toList(),
        wire.reason());
    exchange.getIn().setHeader(KEY, ack.action() + ":" + ack.commandId());
    exchange.getIn().setBody(ack);
  }

  private void deliver(Exchange exchange) throws Exception {
    gateway.holdAcknowledged(exchange.getIn().getBody(HoldAcknowledgement.class));
  }
}

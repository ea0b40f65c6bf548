package nl.noodrem.camel.collection;

import java.time.LocalDate;
import nl.noodrem.camel.api.Bridge;
import nl.noodrem.camel.api.CaseOpened;
import nl.noodrem.camel.api.OpenCase;
import nl.noodrem.camel.api.ProcessGateway;
import nl.noodrem.camel.errors.BridgeErrorHandling;
import nl.noodrem.camel.errors.BridgeJson;
import nl.noodrem.camel.errors.DeadLetters;
import nl.noodrem.camel.errors.InvalidRecordException;
import nl.noodrem.domain.Bsn;
import nl.noodrem.domain.BsnPseudonymizer;
import nl.noodrem.domain.CaseNumber;
import nl.noodrem.domain.Money;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.IdempotentRepository;

/**
 * Flow "cases opened during a hold": the collection system announces each new case; route
 * {@value #ROUTE_ID} pseudonymises the BSN at once (nothing after this route sees it) and hands a
 * {@link CaseOpened} to {@link ProcessGateway#caseOpened}, once per event id (repository
 * {@value #REPOSITORY}). Consumer, transactions and dead letters as for the acknowledgements.
 */
public class CaseEventsRouteBuilder extends RouteBuilder {

  public static final String CONSUMER_ROUTE_ID = "collection-case-events-consumer";
  public static final String ROUTE_ID = "collection-case-events";
  public static final String ENDPOINT = "direct:collection-case-events";
  public static final String REPOSITORY = "collection-case-events";
  private static final String KEY = "NoodremCaseEventId";

  private final ProcessGateway gateway;
  private final BsnPseudonymizer pseudonymizer;
  private final IdempotentRepository repository;

  public CaseEventsRouteBuilder(ProcessGateway gateway, BsnPseudonymizer pseudonymizer,
      IdempotentRepository repository) {
    this.gateway = gateway;
    this.pseudonymizer = pseudonymizer;
    this.repository = repository;
  }

  @Override
  public void configure() {
    from("jms:queue:{{noodrem.legacy.collection.case-events-queue}}?transacted=true"
            + "&lazyCreateTransactionManager=false"
            + "&concurrentConsumers={{noodrem.legacy.collection.concurrent-consumers}}")
        .routeId(CONSUMER_ROUTE_ID)
        .routeConfigurationId(BridgeErrorHandling.SOURCE)
        .to(ENDPOINT);

    from(ENDPOINT)
        .routeId(ROUTE_ID)
        .routeConfigurationId(BridgeErrorHandling.DELIVERY)
        .process(DeadLetters.remember(Bridge.COLLECTION_CASE_EVENTS, ENDPOINT,
            e -> "JMS message " + e.getIn().getHeader("JMSMessageID", "(replayed)", String.class)))
        .process(this::parse)
        .choice()
          .when(DeadLetters::isReplay)
            .process(this::deliver)
          .otherwise()
            .idempotentConsumer(header(KEY), repository).eager(false)
              .process(this::deliver)
            .end()
        .end();
  }

  private void parse(Exchange exchange) throws Exception {
    CollectionWireFormat.CaseOpened wire = BridgeJson.read(
        exchange.getIn().getBody(String.class), CollectionWireFormat.CaseOpened.class);
    if (wire.eventId() == null || wire.openedAt() == null || wire.kind() == null || wire.stage() == null) {
      throw new InvalidRecordException("case event lacks eventId, openedAt, kind or stage");
    }
    LocalDate decisionDate = wire.decisionDate();
    if (decisionDate == null) {
      throw new InvalidRecordException("case event lacks decisionDate");
    }
    OpenCase openCase;
    try {
      openCase = new OpenCase(CaseNumber.of(wire.caseNumber()), OpenCase.Kind.valueOf(wire.kind()),
          Money.ofCents(wire.outstandingCents()), OpenCase.Stage.valueOf(wire.stage()), decisionDate, false);
    } catch (IllegalArgumentException e) {
      // enum valueOf messages name the constant only, never the BSN
      throw new InvalidRecordException("case event has an unknown kind or stage, or a bad case number", e);
    }
    CaseOpened event = new CaseOpened(wire.eventId(), wire.openedAt(),
        pseudonymizer.pseudonymize(Bsn.of(wire.bsn())), openCase);
    exchange.getIn().setHeader(KEY, wire.eventId());
    exchange.getIn().setBody(event);
  }

  private void deliver(Exchange exchange) throws Exception {
    gateway.caseOpened(exchange.getIn().getBody(CaseOpened.class));
  }
}

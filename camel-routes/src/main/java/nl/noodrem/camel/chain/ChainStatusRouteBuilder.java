package nl.noodrem.camel.chain;

import nl.noodrem.camel.api.Bridge;
import nl.noodrem.camel.api.ProcessGateway;
import nl.noodrem.camel.errors.BridgeErrorHandling;
import nl.noodrem.camel.errors.BridgeJson;
import nl.noodrem.camel.errors.DeadLetters;
import nl.noodrem.domain.event.CredentialStatusChanged;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.IdempotentRepository;

/**
 * Flow "chain status changes": route {@value #ROUTE_ID} hands each status-list change from the chain
 * ({@link CredentialStatusChanged}, as JSON) to the processes, once per {@code sourceId} (block and log
 * index; repository {@value #REPOSITORY}). Events enter through {@link CamelChainStatusInbox}, which the
 * app feeds from the ledger client's resumable subscription.
 */
public class ChainStatusRouteBuilder extends RouteBuilder {

  public static final String ROUTE_ID = "chain-status-changed";
  public static final String ENDPOINT = "direct:chain-status-changed";
  public static final String REPOSITORY = "chain-status-changed";
  private static final String KEY = "NoodremChainEventId";

  private final ProcessGateway gateway;
  private final IdempotentRepository repository;

  public ChainStatusRouteBuilder(ProcessGateway gateway, IdempotentRepository repository) {
    this.gateway = gateway;
    this.repository = repository;
  }

  @Override
  public void configure() {
    from(ENDPOINT)
        .routeId(ROUTE_ID)
        .routeConfigurationId(BridgeErrorHandling.DELIVERY)
        .process(DeadLetters.remember(Bridge.CHAIN_STATUS, ENDPOINT, ChainStatusRouteBuilder::sourceRef))
        .process(exchange -> {
          CredentialStatusChanged event = BridgeJson.read(
              exchange.getIn().getBody(String.class), CredentialStatusChanged.class);
          exchange.getIn().setHeader(KEY, event.sourceId());
          exchange.getIn().setBody(event);
        })
        .choice()
          .when(DeadLetters::isReplay)
            .process(this::deliver)
          .otherwise()
            .idempotentConsumer(header(KEY), repository).eager(false)
              .process(this::deliver)
            .end()
        .end();
  }

  private void deliver(Exchange exchange) throws Exception {
    gateway.deliver(exchange.getIn().getBody(CredentialStatusChanged.class));
  }

  private static String sourceRef(Exchange exchange) {
    try {
      return "chain event " + BridgeJson.MAPPER.readTree(exchange.getIn().getBody(String.class)).path("sourceId").asText();
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      return "chain event (unreadable)";
    }
  }
}

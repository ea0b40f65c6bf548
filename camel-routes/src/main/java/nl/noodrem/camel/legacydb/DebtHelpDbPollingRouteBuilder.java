package nl.noodrem.camel.legacydb;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.Map;
import nl.noodrem.camel.api.Bridge;
import nl.noodrem.camel.api.ProcessGateway;
import nl.noodrem.camel.errors.BridgeErrorHandling;
import nl.noodrem.camel.errors.BridgeJson;
import nl.noodrem.camel.errors.DeadLetters;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.IdempotentRepository;

/**
 * Flow "debt-help legacy table": polls a municipality's status-mutation table over JDBC (its own
 * DataSource, never the app's) and turns each new row into {@code DebtHelpStarted}/{@code DebtHelpEnded}.
 *
 * <ul>
 *   <li>{@value #POLL_ROUTE_ID}: the SQL consumer; after a row's exchange completed (delivered, or kept
 *       as a dead letter) the {@code mark-query} marks it processed. A row whose exchange failed stays
 *       unmarked and is polled again.
 *   <li>{@value #ROW_ROUTE_ID}: turns the row into an event and delivers it once per row id (JDBC
 *       idempotent repository {@value #REPOSITORY}), e.g. when marking failed after delivery.
 * </ul>
 */
public class DebtHelpDbPollingRouteBuilder extends RouteBuilder {

  public static final String POLL_ROUTE_ID = "debt-help-db-poll";
  public static final String ROW_ROUTE_ID = "debt-help-db-row";
  public static final String ROW_ENDPOINT = "direct:debt-help-db-row";
  public static final String REPOSITORY = "debt-help-db-row";
  /** Name under which the legacy DataSource is bound in Camel's registry. */
  public static final String DATA_SOURCE = "noodremLegacyDebtHelpDataSource";

  private static final String P = "noodrem.legacy.debt-help-db.";

  private static final String ROW_ID = "NoodremLegacyRowId";

  private final javax.sql.DataSource legacyDataSource;
  private final ProcessGateway gateway;
  private final IdempotentRepository repository;

  public DebtHelpDbPollingRouteBuilder(javax.sql.DataSource legacyDataSource, ProcessGateway gateway,
      IdempotentRepository repository) {
    this.legacyDataSource = legacyDataSource;
    this.gateway = gateway;
    this.repository = repository;
  }

  @Override
  public void configure() {
    // bound in Camel's registry only: a DataSource bean would replace the app's auto-configured one
    bindToRegistry(DATA_SOURCE, legacyDataSource);

    from("sql:{{" + P + "select-query}}?dataSource=#" + DATA_SOURCE
            + "&onConsume={{" + P + "mark-query}}"
            + "&delay={{" + P + "poll-delay-ms}}"
            + "&maxMessagesPerPoll={{" + P + "max-rows-per-poll}}"
            + "&useIterator=true&routeEmptyResultSet=false"
            + "&pollStrategy=#" + nl.noodrem.camel.health.PollTracker.BEAN_NAME)
        .routeId(POLL_ROUTE_ID)
        .routeConfigurationId(BridgeErrorHandling.SOURCE)
        .process(exchange -> {
          @SuppressWarnings("unchecked")
          Map<String, Object> row = exchange.getIn().getBody(Map.class);
          exchange.getIn().setBody(BridgeJson.MAPPER.writeValueAsString(LegacyRowMapper.normalise(row)));
        })
        .to(ROW_ENDPOINT);

    from(ROW_ENDPOINT)
        .routeId(ROW_ROUTE_ID)
        .routeConfigurationId(BridgeErrorHandling.DELIVERY)
        .process(DeadLetters.remember(Bridge.DEBT_HELP_DB, ROW_ENDPOINT, DebtHelpDbPollingRouteBuilder::sourceRef))
        .process(exchange -> {
          Map<String, Object> row = BridgeJson.read(
              exchange.getIn().getBody(String.class), new TypeReference<Map<String, Object>>() {});
          exchange.getIn().setBody(row);
          exchange.getIn().setHeader(ROW_ID, LegacyRowMapper.mutationId(row));
        })
        .choice()
          .when(DeadLetters::isReplay)
            .process(this::deliver)
          .otherwise()
            .idempotentConsumer(header(ROW_ID), repository).eager(false)
              .process(this::deliver)
            .end()
        .end();
  }

  private void deliver(Exchange exchange) throws Exception {
    gateway.deliver(LegacyRowMapper.toEvent(row(exchange)));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> row(Exchange exchange) {
    return exchange.getIn().getBody(Map.class);
  }

  private static String sourceRef(Exchange exchange) {
    // the row's id only: the rest of the row holds a BSN
    try {
      Map<String, Object> row = BridgeJson.MAPPER.readValue(
          exchange.getIn().getBody(String.class), new TypeReference<Map<String, Object>>() {});
      return "SHV_STATUS_MUTATIE MUTATIE_ID=" + row.get("MUTATIE_ID");
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      return "SHV_STATUS_MUTATIE row (unreadable)";
    }
  }
}

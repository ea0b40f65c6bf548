package nl.noodrem.camel.errors;

import org.apache.camel.builder.RouteBuilder;

/** Route {@code dead-letter-store}: the dead-letter channel of every inbound bridge ends here. */
public class DeadLetterRouteBuilder extends RouteBuilder {

  public static final String ROUTE_ID = "dead-letter-store";

  private final JdbcDeadLetterStore store;

  public DeadLetterRouteBuilder(JdbcDeadLetterStore store) {
    this.store = store;
  }

  @Override
  public void configure() {
    from(DeadLetters.ENDPOINT)
        .routeId(ROUTE_ID)
        .routeConfigurationId(BridgeErrorHandling.DEAD_LETTER)
        .process(store::store);
  }
}

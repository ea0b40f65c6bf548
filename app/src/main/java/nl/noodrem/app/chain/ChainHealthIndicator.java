package nl.noodrem.app.chain;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.noodrem.ledger.IssuerInfo;
import nl.noodrem.ledger.events.StatusEventSubscription;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Health of the chain as an operator needs it: reachable, at which block, which contracts, which issuers are
 * accredited, and how far the status-event subscription got. Appears as {@code chain} in /actuator/health.
 */
@Component("chain")
class ChainHealthIndicator extends AbstractHealthIndicator {

  private final ChainConnection connection;
  private final StatusEventSubscription subscription;

  ChainHealthIndicator(ChainConnection connection, StatusEventSubscription subscription) {
    super("chain health check failed");
    this.connection = connection;
    this.subscription = subscription;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    var ledger = connection.ledger();
    long block = ledger.blockNumber();
    Map<String, Object> issuers = new LinkedHashMap<>();
    for (IssuerInfo issuer : ledger.issuers()) {
      issuers.put(issuer.oin().value(), Map.of("name", issuer.name(), "active", issuer.active()));
    }
    builder.up()
        .withDetail("node", connection.kind())
        .withDetail("chainId", ledger.chainId())
        .withDetail("blockNumber", block)
        .withDetail("contracts", ledger.addressBook().addresses())
        .withDetail("issuers", issuers)
        .withDetail("statusEvents", Map.of(
            "delivered", subscription.deliveredCount(),
            "nextBlock", subscription.checkpoint().map(c -> c.nextBlock()).orElse(connection.deploymentBlock()),
            "lastFailure", subscription.lastFailure().map(Throwable::getMessage).orElse("none")));
  }
}

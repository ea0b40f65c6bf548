package nl.noodrem.camel.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The bridge watchdog ({@code nl.noodrem.camel.health.BridgeHealth}).
 *
 * @param checkIntervalMs how often the watchdog looks (health requests always look live)
 * @param pollOverdueFactor a poller showing no life for this many poll delays is overdue …
 * @param pollOverdueMinMs … but never sooner than this
 * @param restart restart stopped routes and overdue pollers
 * @param maxRestarts restarts per outage before the watchdog leaves it to a person
 */
@ConfigurationProperties("noodrem.legacy.health")
public record BridgeHealthProperties(long checkIntervalMs, int pollOverdueFactor, long pollOverdueMinMs,
    boolean restart, int maxRestarts) {

  public BridgeHealthProperties {
    if (checkIntervalMs <= 0 || pollOverdueFactor < 1 || pollOverdueMinMs < 0 || maxRestarts < 0) {
      throw new IllegalArgumentException("noodrem.legacy.health: intervals and counts must be positive");
    }
  }
}

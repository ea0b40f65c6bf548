package nl.noodrem.camel.health;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import nl.noodrem.camel.api.Bridge;

/**
 * The bridges' own metrics (Micrometer; Prometheus names {@code noodrem_bridge_*}):
 *
 * <ul>
 *   <li>{@code noodrem.bridge.quarantined.files{bridge,cause}}: whole files moved aside
 *       ({@code too-large}, {@code not-text}, {@code empty}, {@code extension});
 *   <li>{@code noodrem.bridge.up{bridge}}: 1 while the bridge's routes are started and its pollers poll, else 0;
 *   <li>{@code noodrem.bridge.outages{bridge}} and {@code noodrem.bridge.restarts{bridge,route}}.
 * </ul>
 */
public class BridgeMetrics {

  private final MeterRegistry registry;

  /** @param registry the app's registry, or {@code null} (metrics then go nowhere) */
  public BridgeMetrics(MeterRegistry registry) {
    this.registry = registry == null ? new SimpleMeterRegistry() : registry;
  }

  public void quarantined(Bridge bridge, String cause) {
    Counter.builder("noodrem.bridge.quarantined.files").tag("bridge", bridge.code()).tag("cause", cause)
        .description("Whole files a bridge moved to quarantine").register(registry).increment();
  }

  void outage(String bridge) {
    Counter.builder("noodrem.bridge.outages").tag("bridge", bridge)
        .description("Times a bridge went down").register(registry).increment();
  }

  void restart(String bridge, String routeId) {
    Counter.builder("noodrem.bridge.restarts").tag("bridge", bridge).tag("route", routeId)
        .description("Routes restarted by the bridge watchdog").register(registry).increment();
  }

  void up(String bridge, java.util.function.Supplier<Number> value) {
    io.micrometer.core.instrument.Gauge.builder("noodrem.bridge.up", value).tag("bridge", bridge)
        .description("1 while the bridge runs, 0 when a route is stopped or a poller stalled").register(registry);
  }

  MeterRegistry registry() {
    return registry;
  }
}

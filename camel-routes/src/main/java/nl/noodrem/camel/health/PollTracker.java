package nl.noodrem.camel.health;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.apache.camel.spi.RouteIdAware;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The poll strategy of every polling bridge consumer (file, SFTP, SQL; {@code pollStrategy=#}{@value #BEAN_NAME}):
 * remembers per route when it last showed life (a poll began or ended, or a record of a poll was handled),
 * so that a poller whose scheduler died (as it does after an {@link OutOfMemoryError} in a poll) is seen
 * as one that stopped polling, instead of a route that only looks started.
 *
 * <p>A failed poll (the directory or server unreachable) is logged at WARN and not retried at once:
 * the next scheduled poll tries again.
 */
public class PollTracker implements PollingConsumerPollStrategy {

  public static final String BEAN_NAME = "noodremPollTracker";
  private static final Logger LOG = LoggerFactory.getLogger(PollTracker.class);

  /** What is known of one poller. */
  public record Activity(Instant lastLife, Instant lastPollEnded, String lastFailure) {}

  private final Map<String, Activity> byRoute = new ConcurrentHashMap<>();
  private final Clock clock;

  public PollTracker(Clock clock) {
    this.clock = clock;
  }

  @Override
  public boolean begin(Consumer consumer, Endpoint endpoint) {
    alive(routeId(consumer, endpoint));
    return true;
  }

  @Override
  public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
    Instant now = clock.instant();
    byRoute.put(routeId(consumer, endpoint), new Activity(now, now, null));
  }

  @Override
  public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
    String route = routeId(consumer, endpoint);
    Instant now = clock.instant();
    String failure = cause.getClass().getSimpleName();
    byRoute.put(route, new Activity(now, now, failure));
    LOG.warn("Poll of route {} failed ({}); tried again at the next poll", route, failure);
    return false;
  }

  /** A record of the route's current poll was handled: a long file is progress, not a stall. */
  public void alive(String routeId) {
    Instant now = clock.instant();
    byRoute.compute(routeId, (k, old) -> old == null ? new Activity(now, null, null)
        : new Activity(now, old.lastPollEnded(), old.lastFailure()));
  }

  public Optional<Activity> activity(String routeId) {
    return Optional.ofNullable(byRoute.get(routeId));
  }

  /** Forgets a route's history, e.g. when it was restarted. */
  void reset(String routeId) {
    byRoute.remove(routeId);
  }

  private static String routeId(Consumer consumer, Endpoint endpoint) {
    if (consumer instanceof RouteIdAware aware && aware.getRouteId() != null) {
      return aware.getRouteId();
    }
    return endpoint.getEndpointKey();
  }
}

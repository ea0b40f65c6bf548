package nl.noodrem.camel.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.component.jms.JmsConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Whether each bridge runs, for {@code /actuator/health} (component {@code bridges}, one sub-component per
 * bridge), the metric {@code noodrem.bridge.up}, one ERROR line when a bridge goes down (and an INFO line
 * when it is back), and a restart policy.
 *
 * <p>A bridge is <b>DOWN</b> when one of its routes is not started (stopped, suspended, failed to start),
 * when a JMS consumer's listener is not running or has lost its broker, or when a poller (file, SFTP,
 * SQL) showed no life within its overdue time (a poll neither began, ended nor handled a record):
 * that is the poller whose scheduler died, e.g. after running out of memory, while the route still
 * looks started.
 *
 * <p><b>Restart policy:</b> on each check a stopped or suspended route, a consumer whose listener is not
 * running, and an overdue poller are restarted (stop with a time-out, then start), at most
 * {@code maxRestarts} times per outage; a bridge that stays down after that waits for a person (the
 * ERROR line and the metric say so). A lost broker connection is left to the listener's own recovery.
 */
public class BridgeHealth {

  private static final Logger LOG = LoggerFactory.getLogger(BridgeHealth.class);

  /**
   * A bridge's routes as watched.
   *
   * @param name bridge name as shown in health and metrics
   * @param routeIds its routes; a route that does not exist (its part is disabled) is not watched
   * @param pollers of those, the polling ones and their poll delay
   */
  public record Watched(String name, List<String> routeIds, Map<String, Duration> pollers) {
    public Watched {
      routeIds = List.copyOf(routeIds);
      pollers = Map.copyOf(pollers);
    }
  }

  /**
   * @param overdueFactor a poller is overdue after this many poll delays without life …
   * @param overdueMinimum … and never sooner than this (a poll may wait for a read lock or handle a long file)
   */
  public record Policy(Duration checkInterval, int overdueFactor, Duration overdueMinimum, boolean restart,
      int maxRestarts) {}

  /** One evaluation of one bridge. */
  public record Verdict(boolean up, Map<String, String> routes, List<String> toRestart) {}

  private final CamelContext camel;
  private final PollTracker polls;
  private final BridgeMetrics metrics;
  private final Clock clock;
  private final Policy policy;
  private final List<Watched> bridges;
  private final Map<String, Boolean> lastUp = new ConcurrentHashMap<>();
  private final Map<String, Integer> restartsThisOutage = new ConcurrentHashMap<>();
  private ScheduledExecutorService scheduler;

  public BridgeHealth(CamelContext camel, PollTracker polls, BridgeMetrics metrics, Clock clock, Policy policy,
      List<Watched> bridges) {
    this.camel = camel;
    this.polls = polls;
    this.metrics = metrics;
    this.clock = clock;
    this.policy = policy;
    this.bridges = List.copyOf(bridges);
    for (Watched bridge : this.bridges) {
      metrics.up(bridge.name(), () -> Boolean.FALSE.equals(lastUp.get(bridge.name())) ? 0 : 1);
    }
  }

  /** Starts the periodic check (a daemon thread). */
  public synchronized void start() {
    if (scheduler == null) {
      scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "noodrem-bridge-watchdog");
        t.setDaemon(true);
        return t;
      });
      long ms = policy.checkInterval().toMillis();
      scheduler.scheduleWithFixedDelay(this::checkSafely, ms, ms, TimeUnit.MILLISECONDS);
    }
  }

  public synchronized void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }

  private void checkSafely() {
    try {
      check();
    } catch (RuntimeException e) {
      // a failing check must not end the schedule (that is the very failure this class watches for)
      LOG.warn("Bridge health check failed", e);
    }
  }

  /** Evaluates every bridge; logs, counts and restarts as the class comment says. */
  public void check() {
    if (!camel.isStarted()) {
      return;
    }
    for (Watched bridge : bridges) {
      Verdict verdict = evaluate(bridge);
      Boolean before = lastUp.put(bridge.name(), verdict.up());
      if (!verdict.up() && !Boolean.FALSE.equals(before)) {
        metrics.outage(bridge.name());
        LOG.error("Bridge {} is DOWN: {}", bridge.name(), problems(verdict));
      } else if (verdict.up() && Boolean.FALSE.equals(before)) {
        restartsThisOutage.remove(bridge.name());
        LOG.info("Bridge {} is up again", bridge.name());
      }
      if (!verdict.up() && policy.restart()) {
        restart(bridge, verdict.toRestart());
      }
    }
  }

  private void restart(Watched bridge, List<String> routes) {
    if (routes.isEmpty()) {
      return;
    }
    int done = restartsThisOutage.getOrDefault(bridge.name(), 0);
    if (done >= policy.maxRestarts()) {
      if (done == policy.maxRestarts()) {
        LOG.error("Bridge {} stays DOWN after {} restarts; a person must look (routes {})", bridge.name(), done, routes);
        restartsThisOutage.put(bridge.name(), done + 1);
      }
      return;
    }
    restartsThisOutage.put(bridge.name(), done + 1);
    for (String routeId : routes) {
      try {
        LOG.warn("Bridge {}: restarting route {} (attempt {} of {})", bridge.name(), routeId, done + 1,
            policy.maxRestarts());
        var controller = camel.getRouteController();
        ServiceStatus status = controller.getRouteStatus(routeId);
        if (status != null && status.isStarted()) {
          controller.stopRoute(routeId, 30, TimeUnit.SECONDS);
        } else if (status != null && status.isSuspended()) {
          controller.stopRoute(routeId, 30, TimeUnit.SECONDS);
        }
        polls.reset(routeId);
        controller.startRoute(routeId);
        metrics.restart(bridge.name(), routeId);
      } catch (Exception e) {
        LOG.warn("Bridge {}: route {} could not be restarted ({})", bridge.name(), routeId, e.toString());
      }
    }
  }

  /** The bridge as it is now. */
  public Verdict evaluate(Watched bridge) {
    Map<String, String> routes = new LinkedHashMap<>();
    List<String> toRestart = new ArrayList<>();
    boolean up = true;
    Instant now = clock.instant();
    for (String routeId : bridge.routeIds()) {
      ServiceStatus status = camel.getRouteController().getRouteStatus(routeId);
      if (status == null) {
        continue; // not configured
      }
      if (!status.isStarted()) {
        routes.put(routeId, "route " + status.name().toLowerCase());
        toRestart.add(routeId);
        up = false;
        continue;
      }
      Route route = camel.getRoute(routeId);
      if (route != null && route.getConsumer() instanceof JmsConsumer jms) {
        org.springframework.jms.listener.AbstractMessageListenerContainer listener;
        try {
          listener = jms.getListenerContainer();
        } catch (Exception e) {
          listener = null;
        }
        if (listener == null || !listener.isRunning()) {
          routes.put(routeId, "JMS listener not running");
          toRestart.add(routeId);
          up = false;
          continue;
        }
        if (listener instanceof org.springframework.jms.listener.DefaultMessageListenerContainer dmlc
            && dmlc.isRecovering()) {
          routes.put(routeId, "JMS listener lost its broker and is reconnecting");
          up = false;
          continue;
        }
      }
      Duration delay = bridge.pollers().get(routeId);
      if (delay != null) {
        Duration overdue = max(delay.multipliedBy(policy.overdueFactor()), policy.overdueMinimum());
        Instant since = polls.activity(routeId).map(PollTracker.Activity::lastLife)
            .orElseGet(() -> route == null ? now : now.minusMillis(route.getUptimeMillis()));
        Duration quiet = Duration.between(since, now);
        if (quiet.compareTo(overdue) > 0) {
          routes.put(routeId, "no poll for " + quiet.toSeconds() + " s (overdue after " + overdue.toSeconds() + " s)");
          toRestart.add(routeId);
          up = false;
          continue;
        }
        String failure = polls.activity(routeId).map(PollTracker.Activity::lastFailure).orElse(null);
        routes.put(routeId, failure == null ? "polling" : "polling; last poll failed: " + failure);
        continue;
      }
      routes.put(routeId, "started");
    }
    return new Verdict(up, routes, toRestart);
  }

  /** For Spring Boot's health endpoint: {@code bridges} with one indicator per bridge. */
  public HealthContributor healthContributor() {
    Map<String, HealthIndicator> indicators = new LinkedHashMap<>();
    for (Watched bridge : bridges) {
      indicators.put(bridge.name(), () -> {
        Verdict verdict = evaluate(bridge);
        return (verdict.up() ? Health.up() : Health.down()).withDetails(verdict.routes()).build();
      });
    }
    return CompositeHealthContributor.fromMap(indicators);
  }

  private static String problems(Verdict verdict) {
    StringBuilder text = new StringBuilder();
    verdict.routes().forEach((route, state) -> {
      if (verdict.toRestart().contains(route) || !state.startsWith("polling") && !state.equals("started")) {
        text.append(text.isEmpty() ? "" : "; ").append(route).append(": ").append(state);
      }
    });
    return text.toString();
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}

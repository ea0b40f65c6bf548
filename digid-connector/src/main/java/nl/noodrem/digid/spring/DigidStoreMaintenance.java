package nl.noodrem.digid.spring;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.noodrem.digid.store.AuthnRequestStore;
import nl.noodrem.digid.store.LogoutStore;
import nl.noodrem.digid.store.ReplayCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Deletes expired pending requests and replay entries on its own daemon thread, so the app need not enable
 * Spring scheduling. Every node runs it; the DELETEs are idempotent.
 */
public final class DigidStoreMaintenance implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(DigidStoreMaintenance.class);

  private final ScheduledExecutorService scheduler;

  public DigidStoreMaintenance(AuthnRequestStore requests, ReplayCache replayCache, Clock clock, Duration interval) {
    this(requests, replayCache, null, clock, interval);
  }

  /** @param logouts may be null (no single-logout store) */
  public DigidStoreMaintenance(AuthnRequestStore requests, ReplayCache replayCache, LogoutStore logouts, Clock clock, Duration interval) {
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "digid-store-purge");
              t.setDaemon(true);
              return t;
            });
    long millis = interval.toMillis();
    scheduler.scheduleWithFixedDelay(
        () -> {
          try {
            int requestsPurged = requests.purgeExpired(clock.instant());
            int replaysPurged = replayCache.purgeExpired(clock.instant());
            if (logouts != null) {
              replaysPurged += logouts.purgeExpired(clock.instant());
            }
            if (requestsPurged + replaysPurged > 0) {
              LOG.debug("DigiD store purge: {} requests, {} replay entries", requestsPurged, replaysPurged);
            }
          } catch (RuntimeException e) {
            LOG.warn("DigiD store purge failed: {}", e.toString());
          }
        },
        millis,
        millis,
        TimeUnit.MILLISECONDS);
  }

  @Override
  public void destroy() {
    scheduler.shutdownNow();
  }
}

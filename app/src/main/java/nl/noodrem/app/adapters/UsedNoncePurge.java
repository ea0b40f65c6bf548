package nl.noodrem.app.adapters;

import java.time.Clock;
import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the used-nonce table small: a presentation request lives minutes, so a nonce used a day ago can never
 * verify again (its request has expired) and need not be remembered.
 */
@Component
class UsedNoncePurge {

  private final JdbcUsedNonces nonces;
  private final Clock clock;

  UsedNoncePurge(JdbcUsedNonces nonces, Clock clock) {
    this.nonces = nonces;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
  void purge() {
    nonces.purgeUsedBefore(clock.instant().minus(Duration.ofDays(1)));
  }
}

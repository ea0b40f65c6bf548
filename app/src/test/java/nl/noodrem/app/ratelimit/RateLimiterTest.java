package nl.noodrem.app.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  /** A clock the test moves by hand. */
  static final class ManualClock extends Clock {
    private Instant now = Instant.parse("2026-12-01T10:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final ManualClock clock = new ManualClock();
  private final RateLimiter limiter = new RateLimiter(new RateLimitProperties.Limit(3, Duration.ofHours(1)), clock);

  @Test
  void tryAcquire_burstUpToTheLimit_allowedThenRefusedWithTheWaitForOneToken() {
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.tryAcquire("citizen-a").allowed()).isTrue();
    }

    RateLimiter.Decision refused = limiter.tryAcquire("citizen-a");

    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfter()).isEqualTo(Duration.ofMinutes(20));
  }

  @Test
  void tryAcquire_afterTheRefill_allowedAgain() {
    for (int i = 0; i < 3; i++) {
      limiter.tryAcquire("citizen-a");
    }
    clock.advance(Duration.ofMinutes(19));
    assertThat(limiter.tryAcquire("citizen-a").allowed()).isFalse();
    clock.advance(Duration.ofMinutes(1));
    assertThat(limiter.tryAcquire("citizen-a").allowed()).isTrue();
    assertThat(limiter.tryAcquire("citizen-a").allowed()).isFalse();
  }

  @Test
  void tryAcquire_otherKey_hasItsOwnBucket() {
    for (int i = 0; i < 3; i++) {
      limiter.tryAcquire("citizen-a");
    }
    assertThat(limiter.tryAcquire("citizen-b").allowed()).isTrue();
  }

  @Test
  void properties_nothingConfigured_defaults() {
    RateLimitProperties defaults = RateLimitProperties.defaults();
    assertThat(defaults.credentialRequests()).isEqualTo(new RateLimitProperties.Limit(10, Duration.ofHours(1)));
    assertThat(defaults.proofAttempts()).isEqualTo(new RateLimitProperties.Limit(30, Duration.ofHours(1)));
    assertThat(defaults.apiClient()).isEqualTo(new RateLimitProperties.Limit(120, Duration.ofMinutes(1)));
  }

  @Test
  void properties_onlyTheCountConfigured_keepsTheDefaultPeriodOfThatLimit() {
    RateLimitProperties properties = new RateLimitProperties(null, null, null,
        new RateLimitProperties.Limit(5, null));
    assertThat(properties.apiClient()).isEqualTo(new RateLimitProperties.Limit(5, Duration.ofMinutes(1)));
  }

  @Test
  void limit_nothingAllowedOrNoPeriod_refusedAsConfiguration() {
    assertThatThrownBy(() -> new RateLimitProperties.Limit(0, Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RateLimitProperties.Limit(5, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

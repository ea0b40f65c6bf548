package nl.noodrem.app.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per key (a citizen's pseudonym, an API client's id), in this node's memory. Behind the sticky load
 * balancer a citizen's session stays on one node; an API client spread over n nodes gets at most n times its
 * limit, which still bounds it. A restart forgets the buckets, which only ever favours the caller.
 *
 * <p>Guarantee: for one key, at most {@code requests} are allowed in any window of length {@code per} beyond the
 * refill rate {@code requests / per}; a refusal says when the next request would pass.
 */
public final class RateLimiter {

  /** Beyond this many keys, full buckets (keys idle for a whole period) are dropped. */
  private static final int SWEEP_ABOVE = 10_000;

  /** The answer for one request. */
  public record Decision(boolean allowed, Duration retryAfter) {}

  private final RateLimitProperties.Limit limit;
  private final Clock clock;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  public RateLimiter(RateLimitProperties.Limit limit, Clock clock) {
    this.limit = limit;
    this.clock = clock;
  }

  /** Takes one token of {@code key}'s bucket if there is one. */
  public Decision tryAcquire(String key) {
    long now = clock.millis();
    if (buckets.size() > SWEEP_ABOVE) {
      buckets.values().removeIf(b -> b.isFull(now));
    }
    return buckets.computeIfAbsent(key, k -> new Bucket(limit, now)).take(now);
  }

  private static final class Bucket {
    private final double capacity;
    private final double perMilli;
    private double tokens;
    private long updated;

    Bucket(RateLimitProperties.Limit limit, long now) {
      this.capacity = limit.requests();
      this.perMilli = limit.requests() / (double) limit.per().toMillis();
      this.tokens = capacity;
      this.updated = now;
    }

    synchronized Decision take(long now) {
      refill(now);
      if (tokens >= 1) {
        tokens -= 1;
        return new Decision(true, Duration.ZERO);
      }
      long wait = (long) Math.ceil((1 - tokens) / perMilli);
      return new Decision(false, Duration.ofMillis(Math.max(wait, 1)));
    }

    synchronized boolean isFull(long now) {
      refill(now);
      return tokens >= capacity;
    }

    private void refill(long now) {
      if (now > updated) {
        tokens = Math.min(capacity, tokens + (now - updated) * perMilli);
        updated = now;
      }
    }
  }
}

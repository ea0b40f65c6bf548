package nl.noodrem.app.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How often one citizen or one API client may ask for something that costs the system work or another party's
 * attention ({@code noodrem.rate-limits.*}). Each limit is a bucket of {@code requests} that refills evenly over
 * {@code per}: short bursts pass, a steady stream above the rate is answered 429 with {@code Retry-After}. A limit,
 * or either half of it, that is not configured takes the default below.
 *
 * @param credentialRequests a citizen's requests for a debt-help credential (each may start a process and a
 *     question to the municipality); default 10 per hour
 * @param brakePulls a citizen's pulls of the brake; default 10 per hour
 * @param proofAttempts a citizen's presentation requests and presented proofs; default 30 per hour
 * @param apiClient one API key's calls to the REST API; default 120 per minute
 */
@ConfigurationProperties("noodrem.rate-limits")
public record RateLimitProperties(Limit credentialRequests, Limit brakePulls, Limit proofAttempts, Limit apiClient) {

  public RateLimitProperties {
    credentialRequests = Limit.orDefault(credentialRequests, 10, Duration.ofHours(1));
    brakePulls = Limit.orDefault(brakePulls, 10, Duration.ofHours(1));
    proofAttempts = Limit.orDefault(proofAttempts, 30, Duration.ofHours(1));
    apiClient = Limit.orDefault(apiClient, 120, Duration.ofMinutes(1));
  }

  /** Every limit at its default. */
  public static RateLimitProperties defaults() {
    return new RateLimitProperties(null, null, null, null);
  }

  /**
   * @param requests at most this many at once (at least 1)
   * @param per in this long, refilled evenly (positive)
   */
  public record Limit(Integer requests, Duration per) {
    public Limit {
      if (requests != null && requests < 1) {
        throw new IllegalArgumentException("a rate limit allows at least one request");
      }
      if (per != null && (per.isZero() || per.isNegative())) {
        throw new IllegalArgumentException("a rate limit's period must be positive");
      }
    }

    static Limit orDefault(Limit given, int requests, Duration per) {
      return new Limit(given == null || given.requests() == null ? requests : given.requests(),
          given == null || given.per() == null ? per : given.per());
    }
  }
}

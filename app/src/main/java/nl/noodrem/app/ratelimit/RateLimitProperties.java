package nl.noodrem.app.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often one citizen or one API client may ask for something that costs the system work or another party's
 * attention ({@code noodrem.rate-limits.*}). Each limit is a bucket of {@code requests} that refills evenly over
 * {@code per}: short bursts pass, a steady stream above the rate is answered 429 with {@code Retry-After}.
 *
 * @param credentialRequests a citizen's requests for a debt-help credential (each may start a process and a
 *     question to the municipality)
 * @param brakePulls a citizen's pulls of the brake
 * @param proofAttempts a citizen's presentation requests and presented proofs
 * @param apiClient one API key's calls to the REST API
 */
@ConfigurationProperties("noodrem.rate-limits")
public record RateLimitProperties(
    @DefaultValue({"10", "PT1H"}) Limit credentialRequests,
    @DefaultValue({"10", "PT1H"}) Limit brakePulls,
    @DefaultValue({"30", "PT1H"}) Limit proofAttempts,
    @DefaultValue({"120", "PT1M"}) Limit apiClient) {

  /**
   * @param requests at most this many at once (at least 1)
   * @param per in this long, refilled evenly
   */
  public record Limit(@DefaultValue("10") int requests, @DefaultValue("PT1H") Duration per) {
    public Limit {
      if (requests < 1) {
        throw new IllegalArgumentException("a rate limit allows at least one request");
      }
      if (per == null || per.isZero() || per.isNegative()) {
        throw new IllegalArgumentException("a rate limit's period must be positive");
      }
    }
  }
}

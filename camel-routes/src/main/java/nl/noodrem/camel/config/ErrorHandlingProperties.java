package nl.noodrem.camel.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Redelivery of the bridges (defaults in {@code noodrem-camel-defaults.properties}).
 *
 * @param maximumRedeliveries inbound bridges: attempts after the first before a record is dead-lettered
 * @param redeliveryDelayMs first delay; each next one is multiplied by {@code backOffMultiplier}
 * @param maximumRedeliveryDelayMs cap of the exponential back-off
 * @param requestRetries request-reply calls: quick retries on I/O errors before the caller is told
 */
@ConfigurationProperties("noodrem.legacy.errors")
public record ErrorHandlingProperties(
    int maximumRedeliveries,
    long redeliveryDelayMs,
    double backOffMultiplier,
    long maximumRedeliveryDelayMs,
    int requestRetries,
    long requestRetryDelayMs) {

  public ErrorHandlingProperties {
    if (maximumRedeliveries < 0 || requestRetries < 0) {
      throw new IllegalArgumentException("noodrem.legacy.errors: redelivery counts cannot be negative");
    }
    if (backOffMultiplier < 1.0) {
      throw new IllegalArgumentException("noodrem.legacy.errors.back-off-multiplier must be at least 1");
    }
  }
}

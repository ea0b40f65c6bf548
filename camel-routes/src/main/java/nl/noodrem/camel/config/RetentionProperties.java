package nl.noodrem.camel.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long the bridges keep what they no longer need ({@code nl.noodrem.camel.retention.Housekeeping}).
 *
 * @param deadLetterDays a replayed or discarded dead letter is deleted this many days after it was handled
 * @param idempotencyDays keys in {@code CAMEL_MESSAGEPROCESSED} older than this are deleted; must be far
 *     longer than any redelivery (minutes) and than a sender would repeat a file or message
 * @param processedEventDays rows of the processes' {@code noodrem_processed_event} older than this are
 *     deleted (0 keeps them); at least {@code idempotencyDays}, so the processes' check outlives the bridges'
 * @param intervalMs how often the housekeeping runs
 */
@ConfigurationProperties("noodrem.legacy.retention")
public record RetentionProperties(int deadLetterDays, int idempotencyDays, int processedEventDays, long intervalMs) {

  public RetentionProperties {
    if (deadLetterDays < 1 || intervalMs < 1) {
      throw new IllegalArgumentException("noodrem.legacy.retention: dead-letter-days and interval-ms must be positive");
    }
    if (idempotencyDays < 7) {
      throw new IllegalArgumentException("noodrem.legacy.retention.idempotency-days must be at least 7: the window"
          + " must outlast every redelivery and every repeat of a file or message");
    }
    if (processedEventDays != 0 && processedEventDays < idempotencyDays) {
      throw new IllegalArgumentException("noodrem.legacy.retention.processed-event-days must be 0 or at least"
          + " idempotency-days");
    }
  }
}

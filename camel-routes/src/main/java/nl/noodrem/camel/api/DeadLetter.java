package nl.noodrem.camel.api;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A record a bridge could not hand to the processes, kept for a person to inspect, replay or discard.
 *
 * <p>The payload is the record as the legacy system sent it (a batch line, a table row as JSON, a
 * message body) and may contain a BSN: it is sealed at rest, {@code null} here unless the letter was
 * read with {@link DeadLetterService#openPayload} (which audits who asked), and {@code null} too when
 * none was kept (a quarantined file, a message too large to keep).
 *
 * @param sourceRef where it came from, e.g. {@code debt-help-2025-01-31.csv line 7} or a message id
 * @param lineNumber the line in the batch file (1-based), or {@code null} for other bridges
 * @param reason why it failed, without personal data
 * @param attempts how many times it was tried, replays included
 */
public record DeadLetter(
    long id,
    Bridge bridge,
    Kind kind,
    Status status,
    String routeId,
    String sourceRef,
    Integer lineNumber,
    String reason,
    String exceptionType,
    String payload,
    Map<String, String> headers,
    int attempts,
    Instant createdAt,
    Instant updatedAt) {

  /** What went wrong. */
  public enum Kind {
    /** The record itself is broken (cannot be parsed or fails the domain rules): the sender must correct it. */
    QUARANTINED,
    /** The record is fine but could not be delivered (processes refused it or kept failing). */
    DELIVERY_FAILED
  }

  /** Where a person stands with it. */
  public enum Status {
    OPEN,
    REPLAYED,
    DISCARDED
  }

  public DeadLetter {
    Objects.requireNonNull(bridge, "bridge");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    headers = Map.copyOf(headers);
  }
}

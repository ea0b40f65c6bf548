package nl.noodrem.camel.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Dead letters of the inbound bridges, for a person (and later the app's REST API) to inspect, replay
 * or discard.
 *
 * <p><b>Guarantee:</b> a record that a bridge could not deliver is here, with its reason, until a
 * person replays or discards it; a handled (replayed or discarded) dead letter is deleted after the
 * configured retention ({@code noodrem.legacy.dead-letters.retention-days}). Replaying sends the stored
 * payload through the bridge's delivery step again, past the bridge's duplicate check (which had already
 * recorded the record as handled).
 *
 * <p><b>Privacy:</b> payloads (legacy records that may hold a BSN) are sealed at rest. {@link #list} and
 * {@link #find} never return them ({@link DeadLetter#payload()} is {@code null}); only
 * {@link #openPayload} does, and it writes an audit entry naming who asked.
 */
public interface DeadLetterService {

  /** The bridge's dead letters with the given status, oldest first, at most {@code limit}. */
  List<DeadLetter> list(Bridge bridge, DeadLetter.Status status, int limit);

  Optional<DeadLetter> find(long id);

  /**
   * Sends the dead letter through its bridge's delivery step again. On success it becomes
   * {@link DeadLetter.Status#REPLAYED}; when it fails again it stays {@link DeadLetter.Status#OPEN}
   * with the new reason and one more attempt.
   *
   * @throws IllegalArgumentException when there is no such dead letter
   * @throws IllegalStateException when it is not open
   */
  ReplayOutcome replay(long id);

  /**
   * Marks the dead letter as handled without delivering it (e.g. a quarantined line the municipality
   * sent again corrected).
   *
   * @return false when there is no open dead letter with this id
   */
  boolean discard(long id, String note);

  /**
   * The payload in clear, for a person; records {@code actor} in the audit trail first.
   *
   * @return empty when the dead letter kept no payload (a quarantined file, a message too large)
   * @throws IllegalArgumentException when there is no such dead letter or no actor
   */
  Optional<String> openPayload(long id, String actor);

  /** Who saw the dead letter's payload, oldest first. */
  List<Audit> audit(long id);

  /** One audit entry: {@code action} is {@code PAYLOAD_SHOWN}. */
  record Audit(long deadLetterId, String actor, String action, Instant at) {}

  /** Result of {@link #replay}. */
  record ReplayOutcome(long id, boolean delivered, String reason) {}
}

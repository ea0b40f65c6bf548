package nl.noodrem.camel.api;

import java.util.List;
import java.util.Optional;

/**
 * Dead letters of the inbound bridges, for a person (and later the app's REST API) to inspect, replay
 * or discard.
 *
 * <p><b>Guarantee:</b> a record that a bridge could not deliver is here, with its reason, until a
 * person replays or discards it; nothing is removed by itself. Replaying sends the stored payload
 * through the bridge's delivery step again, past the bridge's duplicate check (which had already
 * recorded the record as handled).
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

  /** Result of {@link #replay}. */
  record ReplayOutcome(long id, boolean delivered, String reason) {}
}

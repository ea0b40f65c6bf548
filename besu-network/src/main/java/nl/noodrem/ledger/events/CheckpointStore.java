package nl.noodrem.ledger.events;

import java.util.Optional;

/**
 * Persists one subscription's {@link Checkpoint}.
 *
 * <p><b>Guarantee the subscription relies on:</b> after {@link #save} returns, a later {@link #load}
 * (also after a crash or restart) returns that checkpoint. A store that writes to the same database
 * transaction as the consumer's effects makes delivery exactly-once even across a crash between the
 * two; otherwise the event whose consumer returned just before a crash is delivered again, and the
 * consumer should be idempotent on {@link nl.noodrem.ledger.StatusRevokedEvent#eventId()}.
 *
 * <p><b>Failure:</b> throw {@link CheckpointStoreException}; the subscription stops delivering until
 * the store works again.
 */
public interface CheckpointStore {

  Optional<Checkpoint> load();

  void save(Checkpoint checkpoint);
}

package nl.noodrem.app.production;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import nl.noodrem.ledger.events.Checkpoint;
import nl.noodrem.ledger.events.CheckpointStore;
import nl.noodrem.ledger.events.CheckpointStoreException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The status-event subscription's checkpoint in the shared database ({@code noodrem_chain_checkpoint}), so that
 * every app node resumes where the furthest node got, and a node that dies is replaced without a checkpoint file.
 *
 * <p><b>Several nodes.</b> Every node runs its own subscription against the same row. A node saves a position only
 * after it delivered every event before it, so any saved position is safe; saves that would move the checkpoint
 * backwards (a slower node) are ignored, and that node reloads the newer position at its next poll. Two nodes may
 * deliver the same event: the chain bridge's idempotent repository and {@code ProcessGateway} (keyed by the
 * event's {@code <tx hash>:<log index>}) make that act once. Nothing is skipped.
 *
 * <p>Not in the consumer's transaction, so delivery is at-least-once (see {@link CheckpointStore}).
 */
public final class JdbcCheckpointStore implements CheckpointStore {

  private final JdbcTemplate jdbc;
  private final String subscription;
  private final Clock clock;

  public JdbcCheckpointStore(JdbcTemplate jdbc, String subscription, Clock clock) {
    if (subscription == null || subscription.isBlank() || subscription.length() > 64) {
      throw new IllegalArgumentException("subscription name must be 1-64 characters");
    }
    this.jdbc = jdbc;
    this.subscription = subscription;
    this.clock = clock;
  }

  @Override
  public Optional<Checkpoint> load() {
    try {
      return jdbc.query("SELECT chain_id, contract, next_block, next_log_index, anchor_hash"
              + " FROM noodrem_chain_checkpoint WHERE subscription = ?",
          (rs, i) -> new Checkpoint(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
              Optional.ofNullable(rs.getString(5))), subscription).stream().findFirst();
    } catch (DataAccessException e) {
      throw new CheckpointStoreException("cannot read checkpoint " + subscription + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void save(Checkpoint checkpoint) {
    try {
      if (advance(checkpoint) == 0 && !exists()) {
        try {
          jdbc.update("INSERT INTO noodrem_chain_checkpoint (subscription, chain_id, contract, next_block,"
                  + " next_log_index, anchor_hash, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
              subscription, checkpoint.chainId(), checkpoint.contract(), checkpoint.nextBlock(),
              checkpoint.nextLogIndex(), checkpoint.anchorHash().orElse(null), now());
        } catch (DuplicateKeyException e) {
          advance(checkpoint); // another node inserted first: move it forward if we are further
        }
      }
    } catch (DataAccessException e) {
      throw new CheckpointStoreException("cannot write checkpoint " + subscription + ": " + e.getMessage(), e);
    }
  }

  /** Moves the stored position forward to {@code checkpoint}; never backwards. */
  private int advance(Checkpoint checkpoint) {
    return jdbc.update("UPDATE noodrem_chain_checkpoint SET chain_id = ?, contract = ?, next_block = ?,"
            + " next_log_index = ?, anchor_hash = ?, updated_at = ? WHERE subscription = ?"
            + " AND (next_block < ? OR (next_block = ? AND next_log_index < ?))",
        checkpoint.chainId(), checkpoint.contract(), checkpoint.nextBlock(), checkpoint.nextLogIndex(),
        checkpoint.anchorHash().orElse(null), now(), subscription,
        checkpoint.nextBlock(), checkpoint.nextBlock(), checkpoint.nextLogIndex());
  }

  private boolean exists() {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM noodrem_chain_checkpoint WHERE subscription = ?",
        Integer.class, subscription);
    return n != null && n > 0;
  }

  private Timestamp now() {
    return Timestamp.from(clock.instant());
  }

  @Override
  public String toString() {
    return "JdbcCheckpointStore[" + subscription + "]";
  }
}

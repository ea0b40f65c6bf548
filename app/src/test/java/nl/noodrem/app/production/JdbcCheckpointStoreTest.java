package nl.noodrem.app.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import nl.noodrem.ledger.events.Checkpoint;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The shared checkpoint: empty at first, read back after a save, and never moved backwards by a slower node. */
class JdbcCheckpointStoreTest {

  static final String CONTRACT = "0x5fbdb2315678afecb367f032d93f642f64180aa3";

  JdbcCheckpointStore node1;
  JdbcCheckpointStore node2;

  @BeforeEach
  void stores() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:checkpoint-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    SchemaMigrations.migrate(h2);
    node1 = new JdbcCheckpointStore(new JdbcTemplate(h2), "status-events", Clock.systemUTC());
    node2 = new JdbcCheckpointStore(new JdbcTemplate(h2), "status-events", Clock.systemUTC());
  }

  @Test
  void load_nothingSaved_isEmpty() {
    assertThat(node1.load()).isEmpty();
  }

  @Test
  void save_thenLoadOnAnotherNode_givesTheSameCheckpoint() {
    Checkpoint saved = new Checkpoint(31337, CONTRACT, 120, 3, Optional.of("0xabc"));
    node1.save(saved);
    assertThat(node2.load()).contains(saved);
  }

  @Test
  void save_olderPositionFromASlowerNode_isIgnored() {
    node1.save(new Checkpoint(31337, CONTRACT, 150, 0, Optional.of("0x150")));
    node2.save(new Checkpoint(31337, CONTRACT, 149, 7, Optional.of("0x149")));
    node2.save(new Checkpoint(31337, CONTRACT, 150, 0, Optional.of("0x150-again")));
    assertThat(node1.load()).contains(new Checkpoint(31337, CONTRACT, 150, 0, Optional.of("0x150")));
    node2.save(new Checkpoint(31337, CONTRACT, 150, 2, Optional.of("0x150b")));
    assertThat(node1.load()).contains(new Checkpoint(31337, CONTRACT, 150, 2, Optional.of("0x150b")));
  }

  @Test
  void save_firstCheckpointWithoutAnchor_isKept() {
    node1.save(Checkpoint.start(31337, CONTRACT, 7));
    assertThat(node2.load()).contains(new Checkpoint(31337, CONTRACT, 7, 0, Optional.empty()));
  }
}

package nl.noodrem.processes.store;

import java.sql.Timestamp;
import java.time.Clock;
import nl.noodrem.processes.port.ProcessedEvents;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** {@link ProcessedEvents} on table {@code noodrem_processed_event}. */
public class JdbcProcessedEvents implements ProcessedEvents {

  private final JdbcTemplate jdbc;
  private final Inserts inserts;
  private final Clock clock;

  public JdbcProcessedEvents(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
    this.jdbc = jdbc;
    this.inserts = new Inserts(jdbc, transactions);
    this.clock = clock;
  }

  @Override
  public boolean markProcessed(String sourceId, String kind) {
    return inserts.insertUnlessDuplicate(
        "INSERT INTO noodrem_processed_event (source_id, kind, processed_at) VALUES (?, ?, ?)",
        sourceId, kind, Timestamp.from(clock.instant()));
  }

  @Override
  public boolean isProcessed(String sourceId) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM noodrem_processed_event WHERE source_id = ?", Integer.class,
        sourceId);
    return n != null && n > 0;
  }
}

package nl.noodrem.processes.store;

import java.sql.Timestamp;
import nl.noodrem.processes.port.AuditLog;
import nl.noodrem.processes.port.AuditRecord;
import org.springframework.jdbc.core.JdbcTemplate;

/** Default {@link AuditLog} on table {@code noodrem_audit}, written in the caller's transaction. */
public class JdbcAuditLog implements AuditLog {

  private static final int MAX_DETAIL = 1000;

  private final JdbcTemplate jdbc;

  public JdbcAuditLog(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void record(AuditRecord r) {
    String detail = r.detail().length() > MAX_DETAIL ? r.detail().substring(0, MAX_DETAIL) : r.detail();
    jdbc.update("INSERT INTO noodrem_audit (at, reference, action, actor, detail) VALUES (?, ?, ?, ?, ?)",
        Timestamp.from(r.at()), r.reference(), r.action().name(), r.actor(), detail);
  }
}

package nl.noodrem.processes.store;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import nl.noodrem.domain.CitizenRef;
import nl.noodrem.processes.port.CitizenNotice;
import nl.noodrem.processes.port.CitizenNotifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Default {@link CitizenNotifier}: the portal's in-app inbox on table {@code noodrem_citizen_notice}, keyed by
 * notice id so a retried step stores one copy.
 */
public class JdbcCitizenInbox implements CitizenNotifier {

  private final JdbcTemplate jdbc;
  private final Inserts inserts;
  private final Clock clock;

  public JdbcCitizenInbox(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
    this.jdbc = jdbc;
    this.inserts = new Inserts(jdbc, transactions);
    this.clock = clock;
  }

  /** One message as the portal shows it. */
  public record InboxMessage(String noticeId, String type, String reference, String dutch, String english,
      Instant createdAt) {}

  @Override
  public void send(CitizenNotice notice) {
    inserts.insertUnlessDuplicate("INSERT INTO noodrem_citizen_notice (notice_id, citizen_ref, notice_type, "
            + "reference, text_nl, text_en, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        notice.noticeId(), notice.to().value(), notice.type().name(), notice.reference(), notice.dutch(),
        notice.english(), Timestamp.from(clock.instant()));
  }

  /** The citizen's messages, newest first. */
  public List<InboxMessage> inbox(CitizenRef citizen) {
    return jdbc.query("SELECT notice_id, notice_type, reference, text_nl, text_en, created_at "
            + "FROM noodrem_citizen_notice WHERE citizen_ref = ? ORDER BY created_at DESC, notice_id",
        (rs, row) -> new InboxMessage(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getTimestamp(6).toInstant()),
        citizen.value());
  }
}

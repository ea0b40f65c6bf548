package nl.noodrem.processes.store;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import nl.noodrem.domain.CitizenRef;
import nl.noodrem.domain.Oin;
import nl.noodrem.processes.port.IssuanceRecord;
import nl.noodrem.processes.port.IssuanceRecords;
import nl.noodrem.processes.port.StatusSlot;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** {@link IssuanceRecords} on table {@code noodrem_issuance}. */
public class JdbcIssuanceRecords implements IssuanceRecords {

  private final JdbcTemplate jdbc;
  private final Inserts inserts;

  public JdbcIssuanceRecords(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.inserts = new Inserts(jdbc, transactions);
  }

  @Override
  public void save(IssuanceRecord r) {
    inserts.insertUnlessDuplicate("INSERT INTO noodrem_issuance (issuance_ref, citizen_ref, issuer_oin, "
            + "status_list_id, status_index, valid_until, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        r.issuanceRef(), r.citizen().value(), r.issuer().value(), r.slot().statusListId(), r.slot().statusIndex(),
        Date.valueOf(r.validUntil()), Timestamp.from(r.issuedAt()));
  }

  @Override
  public List<IssuanceRecord> findUnrevoked(CitizenRef citizen, Oin issuer) {
    return jdbc.query("SELECT issuance_ref, status_list_id, status_index, valid_until, issued_at "
            + "FROM noodrem_issuance WHERE citizen_ref = ? AND issuer_oin = ? AND revoked_at IS NULL "
            + "ORDER BY issued_at, issuance_ref",
        (rs, row) -> new IssuanceRecord(rs.getString(1), citizen, issuer,
            new StatusSlot(rs.getLong(2), rs.getLong(3)), rs.getDate(4).toLocalDate(),
            rs.getTimestamp(5).toInstant()),
        citizen.value(), issuer.value());
  }

  @Override
  public void markRevoked(Oin issuer, List<StatusSlot> slots, Instant revokedAt) {
    for (StatusSlot slot : slots) {
      jdbc.update("UPDATE noodrem_issuance SET revoked_at = ? WHERE issuer_oin = ? AND status_list_id = ? "
          + "AND status_index = ? AND revoked_at IS NULL", Timestamp.from(revokedAt), issuer.value(),
          slot.statusListId(), slot.statusIndex());
    }
  }
}

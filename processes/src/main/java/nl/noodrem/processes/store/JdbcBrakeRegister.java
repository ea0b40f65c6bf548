package nl.noodrem.processes.store;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Optional;
import nl.noodrem.domain.CitizenRef;
import nl.noodrem.processes.port.BrakeRegister;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** {@link BrakeRegister} on table {@code noodrem_brake}. */
public class JdbcBrakeRegister implements BrakeRegister {

  private final JdbcTemplate jdbc;
  private final Inserts inserts;

  public JdbcBrakeRegister(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.inserts = new Inserts(jdbc, transactions);
  }

  @Override
  public Optional<String> activeBrake(CitizenRef citizen) {
    return jdbc.queryForList("SELECT brake_ref FROM noodrem_brake WHERE active_citizen_ref = ?", String.class,
        citizen.value()).stream().findFirst();
  }

  @Override
  public boolean claim(CitizenRef citizen, String brakeRef, LocalDate pulledOn) {
    return inserts.insertUnlessDuplicate(
        "INSERT INTO noodrem_brake (brake_ref, citizen_ref, pulled_on, active_citizen_ref) VALUES (?, ?, ?, ?)",
        brakeRef, citizen.value(), Date.valueOf(pulledOn), citizen.value());
  }

  @Override
  public void release(String brakeRef, LocalDate endedOn, String outcome) {
    jdbc.update("UPDATE noodrem_brake SET active_citizen_ref = NULL, ended_on = ?, outcome = ? WHERE brake_ref = ? "
        + "AND ended_on IS NULL", Date.valueOf(endedOn), outcome, brakeRef);
  }

  @Override
  public Optional<LocalDate> lastEndedWithoutProof(CitizenRef citizen) {
    return Optional.ofNullable(jdbc.queryForObject("SELECT MAX(ended_on) FROM noodrem_brake WHERE citizen_ref = ?"
        + " AND outcome = 'NO_PROOF_PRESENTED'", Date.class, citizen.value())).map(Date::toLocalDate);
  }

  @Override
  public int countSince(CitizenRef citizen, LocalDate since, String excludingBrakeRef) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM noodrem_brake WHERE citizen_ref = ? AND pulled_on >= ?"
        + " AND brake_ref <> ?", Integer.class, citizen.value(), Date.valueOf(since), excludingBrakeRef);
    return count == null ? 0 : count;
  }
}

package nl.noodrem.standin;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Stand-in for a municipality's legacy case database with the status-mutation table
 * {@code SHV_STATUS_MUTATIE} that Noodrem polls. Development and test only. Its own H2 database,
 * never the app's.
 */
public class LegacyDebtHelpDbStandin {

  private final StandinDatabase database;

  public LegacyDebtHelpDbStandin(StandinDatabase database) {
    this.database = database;
  }

  public StandinDatabase database() {
    return database;
  }

  /** Records that debt help started; returns the new row's MUTATIE_ID. */
  public long recordStarted(String municipalityOin, String bsn, String trajectsoort, LocalDate decisionDate,
      LocalDate helpStartDate) {
    return insert(municipalityOin, bsn, "START", trajectsoort, decisionDate, helpStartDate, null, null);
  }

  /**
   * Records that debt help ended; {@code eindreden} is one of AFGEROND, DOOR_BURGER_BEEINDIGD,
   * DOOR_GEMEENTE_BEEINDIGD, VERHUISD, OVERIG. Returns the new row's MUTATIE_ID.
   */
  public long recordEnded(String municipalityOin, String bsn, LocalDate endDate, String eindreden) {
    return insert(municipalityOin, bsn, "EINDE", null, null, null, endDate, eindreden);
  }

  /** Inserts any row, also malformed ones, to try the route's quarantine. */
  public long insert(String municipalityOin, String bsn, String soort, String trajectsoort, LocalDate decisionDate,
      LocalDate helpStartDate, LocalDate endDate, String eindreden) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    database.jdbc().update(connection -> {
      var statement = connection.prepareStatement(
          "INSERT INTO SHV_STATUS_MUTATIE (GEMEENTE_OIN, BSN, SOORT, TRAJECTSOORT, BESCHIKKINGSDATUM,"
              + " STARTDATUM, EINDDATUM, EINDREDEN, GEREGISTREERD_OP, VERWERKT)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'N')",
          new String[] {"MUTATIE_ID"});
      statement.setString(1, municipalityOin);
      statement.setString(2, bsn);
      statement.setString(3, soort);
      statement.setString(4, trajectsoort);
      statement.setDate(5, decisionDate == null ? null : Date.valueOf(decisionDate));
      statement.setDate(6, helpStartDate == null ? null : Date.valueOf(helpStartDate));
      statement.setDate(7, endDate == null ? null : Date.valueOf(endDate));
      statement.setString(8, eindreden);
      statement.setTimestamp(9, Timestamp.from(Instant.now()));
      return statement;
    }, keys);
    return Objects.requireNonNull(keys.getKey()).longValue();
  }

  /** True once Noodrem has taken the row (VERWERKT = 'J'). */
  public boolean isProcessed(long mutationId) {
    return "J".equals(database.jdbc().queryForObject(
        "SELECT VERWERKT FROM SHV_STATUS_MUTATIE WHERE MUTATIE_ID = ?", String.class, mutationId));
  }
}

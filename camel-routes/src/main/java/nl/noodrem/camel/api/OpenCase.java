package nl.noodrem.camel.api;

import java.time.LocalDate;
import java.util.Objects;
import nl.noodrem.domain.CaseNumber;
import nl.noodrem.domain.Money;

/**
 * One of a citizen's open cases at CJIB.
 *
 * @param outstanding what is still owed, surcharges included
 * @param held true when a hold is already in place on this case
 */
public record OpenCase(
    CaseNumber caseNumber, Kind kind, Money outstanding, Stage stage, LocalDate decisionDate, boolean held) {

  /** The kind of sanction (DOMAIN.md: the noodstop covers Wahv fines and criminal monetary sanctions). */
  public enum Kind {
    /** Traffic fine under the Wahv ("Mulder" fine). */
    WAHV,
    /** Criminal fine: strafbeschikking or court-imposed fine. */
    CRIMINAL_FINE,
    /** Compensation order for a victim (schadevergoedingsmaatregel). */
    COMPENSATION_ORDER
  }

  /** Where collection stands (DOMAIN.md "CJIB collection steps"). */
  public enum Stage {
    DECISION,
    FIRST_REMINDER,
    SECOND_REMINDER,
    RECOURSE,
    BAILIFF,
    COERCIVE_MEASURE
  }

  public OpenCase {
    Objects.requireNonNull(caseNumber, "caseNumber");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(outstanding, "outstanding");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(decisionDate, "decisionDate");
  }
}

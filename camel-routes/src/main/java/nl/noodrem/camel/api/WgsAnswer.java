package nl.noodrem.camel.api;

import java.time.LocalDate;
import java.util.Objects;
import nl.noodrem.domain.AssistanceType;

/** What a municipality's debt-help system says about a citizen. */
public sealed interface WgsAnswer {

  /** A Wgs decision to give debt help exists. */
  record Decided(
      AssistanceType assistanceType,
      LocalDate decisionDate,
      LocalDate helpStartDate,
      String municipalCaseId,
      long debtAmountCents,
      int creditorCount,
      String counsellorId)
      implements WgsAnswer {
    public Decided {
      Objects.requireNonNull(assistanceType, "assistanceType");
      Objects.requireNonNull(decisionDate, "decisionDate");
      Objects.requireNonNull(helpStartDate, "helpStartDate");
      Objects.requireNonNull(municipalCaseId, "municipalCaseId");
      Objects.requireNonNull(counsellorId, "counsellorId");
    }
  }

  /** No decision (never applied, refused, or help already ended). */
  record None(String reason) implements WgsAnswer {}

  /**
   * The system knows the citizen but cannot say yes or no (application pending, decision under
   * objection, data incomplete): a debt counsellor must decide.
   */
  record Unclear(String reason, String municipalCaseId) implements WgsAnswer {}
}

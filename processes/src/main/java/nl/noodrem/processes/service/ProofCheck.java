package nl.noodrem.processes.service;

import java.time.LocalDate;
import java.util.Objects;
import nl.noodrem.domain.AssistanceType;
import nl.noodrem.domain.Oin;
import nl.noodrem.processes.port.ProofRejection;

/** The brake's verdict on a presented proof; the accepted facts carry no BSN. */
public sealed interface ProofCheck {

  /** The outcome as the {@code proofOutcome} variable and the portal show it. */
  String outcomeCode();

  /**
   * @param helpStarted whether the help start date has passed (DMN input: help decided but not started yet is not
   *     held against the citizen)
   */
  record Accepted(
      Oin issuerOin,
      AssistanceType assistanceType,
      LocalDate helpStartDate,
      LocalDate validUntil,
      long statusListId,
      long statusIndex,
      boolean helpStarted)
      implements ProofCheck {

    public Accepted {
      Objects.requireNonNull(issuerOin, "issuerOin");
      Objects.requireNonNull(assistanceType, "assistanceType");
      Objects.requireNonNull(helpStartDate, "helpStartDate");
      Objects.requireNonNull(validUntil, "validUntil");
    }

    @Override
    public String outcomeCode() {
      return "ACCEPTED";
    }
  }

  record Rejected(ProofRejection reason) implements ProofCheck {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String outcomeCode() {
      return "REJECTED_" + reason.name();
    }
  }
}

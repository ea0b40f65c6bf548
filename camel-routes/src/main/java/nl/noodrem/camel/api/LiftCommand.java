package nl.noodrem.camel.api;

import java.util.List;
import java.util.Objects;
import nl.noodrem.domain.CaseNumber;
import nl.noodrem.domain.event.HoldLifted;

/** Lift the hold on the given cases: collection resumes, a payment plan is offered. */
public record LiftCommand(String commandId, String brakeRef, List<CaseNumber> cases, HoldLifted.Reason reason) {

  public LiftCommand {
    Objects.requireNonNull(commandId, "commandId");
    Objects.requireNonNull(brakeRef, "brakeRef");
    Objects.requireNonNull(reason, "reason");
    cases = List.copyOf(cases);
    if (cases.isEmpty()) {
      throw new IllegalArgumentException("a lift command needs at least one case");
    }
  }
}

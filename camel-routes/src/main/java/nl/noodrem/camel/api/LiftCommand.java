package nl.noodrem.camel.api;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import nl.noodrem.domain.CaseNumber;
import nl.noodrem.domain.event.HoldLifted;

/** Lift the hold on the given cases: collection resumes. */
public record LiftCommand(String brakeRef, List<CaseNumber> cases, HoldLifted.Reason reason) {

  public LiftCommand {
    Objects.requireNonNull(brakeRef, "brakeRef");
    Objects.requireNonNull(reason, "reason");
    cases = List.copyOf(cases);
    if (cases.isEmpty()) {
      throw new IllegalArgumentException("a lift command needs at least one case");
    }
    CommandIds.of(brakeRef, "lift", step(reason), cases);
  }

  /** Bound to the content, as {@link HoldCommand#commandId()}: brake, reason and cases. */
  public String commandId() {
    return CommandIds.of(brakeRef, "lift", step(reason), cases);
  }

  private static String step(HoldLifted.Reason reason) {
    return reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}

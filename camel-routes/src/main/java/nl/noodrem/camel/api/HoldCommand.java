package nl.noodrem.camel.api;

import java.util.List;
import java.util.Objects;
import nl.noodrem.domain.CaseNumber;
import nl.noodrem.domain.HoldPeriod;

/**
 * Place (or move the end of) a hold on the given cases. Carries no BSN: case numbers identify the cases.
 *
 * @param brakeRef the pseudonymous brake reference (the process business key), echoed in the acknowledgement
 * @param step which step of the brake sends it ({@code first}, {@code x1}, {@code case}, ...): part of the id, so
 *     two steps that happen to say the same are still two commands
 * @param suspendSurcharges whether the collection system adds no surcharges (verhogingen) while the hold runs
 */
public record HoldCommand(String brakeRef, String step, List<CaseNumber> cases, HoldPeriod period,
    boolean suspendSurcharges) {

  public HoldCommand {
    Objects.requireNonNull(brakeRef, "brakeRef");
    Objects.requireNonNull(period, "period");
    cases = List.copyOf(cases);
    if (cases.isEmpty()) {
      throw new IllegalArgumentException("a hold command needs at least one case");
    }
    CommandIds.of(brakeRef, "hold", step, cases); // refuses a reference or step that would make a bad id
  }

  /**
   * Bound to the content: the same command always has the same id (the collection system acts once), a command that
   * differs in anything (cases, dates, surcharges, step) has another id (it is never dropped as a duplicate).
   */
  public String commandId() {
    return CommandIds.of(brakeRef, "hold", step, cases, period.start(), period.end(), suspendSurcharges);
  }
}

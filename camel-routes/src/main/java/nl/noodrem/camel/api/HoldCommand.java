package nl.noodrem.camel.api;

import java.util.List;
import java.util.Objects;
import nl.noodrem.domain.CaseNumber;
import nl.noodrem.domain.HoldPeriod;

/**
 * Place (or move the end of) a hold on the given cases. Carries no BSN: case numbers identify the cases.
 *
 * @param commandId unique per command; the collection system acts once per id
 * @param brakeRef the pseudonymous brake reference (the process business key), echoed in the acknowledgement
 */
public record HoldCommand(String commandId, String brakeRef, List<CaseNumber> cases, HoldPeriod period) {

  public HoldCommand {
    Objects.requireNonNull(commandId, "commandId");
    Objects.requireNonNull(brakeRef, "brakeRef");
    Objects.requireNonNull(period, "period");
    cases = List.copyOf(cases);
    if (cases.isEmpty()) {
      throw new IllegalArgumentException("a hold command needs at least one case");
    }
  }
}

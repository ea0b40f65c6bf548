package nl.noodrem.camel.api;

import java.util.List;
import java.util.Objects;
import nl.noodrem.domain.CaseNumber;

/**
 * The citizen accepted CJIB's payment plan (betalingsregeling) for these cases: the collection system sets it up in
 * {@code months} monthly instalments instead of collecting at once. Carries no BSN.
 */
public record PaymentPlanCommand(String brakeRef, List<CaseNumber> cases, int months) {

  /** CJIB's custom plans go up to 72 monthly instalments (the standard plan has 36). */
  public static final int MAX_MONTHS = 72;

  public PaymentPlanCommand {
    Objects.requireNonNull(brakeRef, "brakeRef");
    cases = List.copyOf(cases);
    if (cases.isEmpty()) {
      throw new IllegalArgumentException("a payment plan needs at least one case");
    }
    if (months < 1 || months > MAX_MONTHS) {
      throw new IllegalArgumentException("a payment plan has 1 to " + MAX_MONTHS + " monthly instalments, not " + months);
    }
    CommandIds.of(brakeRef, "plan", "accepted", cases);
  }

  /** Bound to the content, as {@link HoldCommand#commandId()}: brake, cases and instalments. */
  public String commandId() {
    return CommandIds.of(brakeRef, "plan", "accepted", cases, months);
  }
}

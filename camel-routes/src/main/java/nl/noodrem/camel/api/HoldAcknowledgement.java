package nl.noodrem.camel.api;

import java.util.List;
import java.util.Objects;
import nl.noodrem.domain.CaseNumber;

/**
 * The collection system's answer to a {@link HoldCommand}, {@link LiftCommand} or {@link PaymentPlanCommand}.
 *
 * @param commandId the command answered
 * @param brakeRef echoed from the command, for correlation
 * @param action whether it answers a hold or a lift
 * @param accepted the cases on which the command took effect
 * @param rejected the cases it refused (e.g. already paid, unknown), with {@code reason}
 */
public record HoldAcknowledgement(
    String commandId, String brakeRef, Action action, List<CaseNumber> accepted, List<CaseNumber> rejected, String reason) {

  public enum Action {
    HOLD,
    LIFT,
    /** Answers a {@link PaymentPlanCommand}: no brake waits for it, it is recorded. */
    PAYMENT_PLAN
  }

  public HoldAcknowledgement {
    Objects.requireNonNull(commandId, "commandId");
    Objects.requireNonNull(brakeRef, "brakeRef");
    Objects.requireNonNull(action, "action");
    accepted = List.copyOf(accepted);
    rejected = List.copyOf(rejected);
  }
}

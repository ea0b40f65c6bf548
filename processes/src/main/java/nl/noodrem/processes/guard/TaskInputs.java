package nl.noodrem.processes.guard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.noodrem.domain.HoldPeriod;
import nl.noodrem.processes.ProcessKeys;
import nl.noodrem.processes.delegate.HoldReviewListener;
import nl.noodrem.processes.support.Vars;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * The one place that says, for every user task of every process, which variables its completion may write and how
 * they must look, and which facts the task's own data must still agree with when it is completed. Enforced for all
 * completions (Tasklist, {@code /engine-rest/task/{id}/complete} and {@code submit-form}, the Java API) by
 * {@link TaskInputGuard}. A user task that is not declared here may write nothing.
 *
 * <p>Everything else in a process instance (issuer, citizen, cases, hold dates, the DMN's proposal, who asked for an
 * accreditation) is written by the engine's own steps only.
 */
public final class TaskInputs {

  /**
   * The most months any review can add: a case officer may take a brake to
   * {@link HoldPeriod#CASE_OFFICER_MAX_MONTHS} months from its first held day, and the first hold already took
   * {@link HoldPeriod#FIRST_HOLD_MONTHS} (rule table, ADR 0011). The exact ceiling of one brake, which shrinks as it
   * runs, is checked by {@link HoldReviewListener} against {@link HoldPeriod#ceiling}.
   */
  public static final int MAX_REVIEWED_HOLD_MONTHS = HoldPeriod.CASE_OFFICER_MAX_MONTHS - HoldPeriod.FIRST_HOLD_MONTHS;

  /** The longest note a reviewer may leave (the review form's {@code maxlength}). */
  public static final int MAX_NOTE_LENGTH = 500;

  /** Each municipality's counsellors: {@code debt-counsellors-<OIN>}, the candidate group of the confirmation. */
  public static final String COUNSELLOR_GROUP_PREFIX = "debt-counsellors-";

  /** Codes of the kinds of debt help a counsellor may confirm (the form's enum, {@code AssistanceType}). */
  static final Set<String> ASSISTANCE_TYPES = Set.of("MSNP", "WSNP", "STABILISATIE", "BUDGETBEHEER",
      "BESCHERMINGSBEWIND");

  /**
   * A fact of the instance that must still hold when the task is completed.
   */
  @FunctionalInterface
  public interface Recheck {
    /** @return the problem (Dutch, then English) when the task's data no longer agree; empty when they do */
    Optional<String> problem(DelegateTask task);
  }

  /**
   * What one user task's completion may write.
   *
   * @param inputs variable name → its rule, in form order
   * @param rechecks facts checked again at completion
   */
  public record Declaration(Map<String, InputRule> inputs, List<Recheck> rechecks) {
    public Declaration {
      inputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
      rechecks = List.copyOf(rechecks);
    }

    /** A task whose completion writes nothing (it only says "done"). */
    static Declaration nothing() {
      return new Declaration(Map.of(), List.of());
    }
  }

  /** The task of a process: {@code processKey} + the task's id in the model. */
  public record TaskKey(String processKey, String taskId) {}

  private static final Map<TaskKey, Declaration> DECLARATIONS = declarations();

  private TaskInputs() {}

  /** The declaration of a user task; a task nobody declared may write nothing. */
  public static Declaration of(String processKey, String taskId) {
    return DECLARATIONS.getOrDefault(new TaskKey(processKey, taskId), Declaration.nothing());
  }

  /** Every declared task (for the test that every user task of every model is declared). */
  public static Set<TaskKey> declared() {
    return DECLARATIONS.keySet();
  }

  private static Map<TaskKey, Declaration> declarations() {
    Map<TaskKey, Declaration> all = new LinkedHashMap<>();

    Map<String, InputRule> confirm = new LinkedHashMap<>();
    confirm.put(Vars.COUNSELLOR_DECISION, new InputRule.OneOf(Set.of("CONFIRM", "REFUSE")));
    confirm.put(Vars.CONFIRMED_ASSISTANCE_TYPE, new InputRule.OneOf(ASSISTANCE_TYPES));
    confirm.put(Vars.CONFIRMED_DECISION_DATE, new InputRule.Day());
    confirm.put(Vars.CONFIRMED_HELP_START_DATE, new InputRule.Day());
    all.put(new TaskKey(ProcessKeys.CREDENTIAL_ISSUANCE, "Task_ConfirmIssuance"),
        new Declaration(confirm, List.of(TaskInputs::counsellorGroupMatchesIssuer)));

    Map<String, InputRule> review = new LinkedHashMap<>();
    review.put(Vars.REVIEW_OUTCOME, new InputRule.OneOf(Set.of("APPROVE", "CHANGE")));
    review.put(Vars.CHANGED_HOLD_MONTHS, new InputRule.WholeNumber(1, MAX_REVIEWED_HOLD_MONTHS));
    review.put(Vars.REVIEW_NOTE, new InputRule.Text(MAX_NOTE_LENGTH));
    all.put(new TaskKey(ProcessKeys.EMERGENCY_BRAKE, "Task_ReviewHoldDecision"),
        new Declaration(review, List.of(TaskInputs::proposalWithinBounds)));

    Map<String, InputRule> pull = new LinkedHashMap<>();
    pull.put(Vars.PULL_OUTCOME, new InputRule.OneOf(Set.of("GRANT", "REFUSE")));
    pull.put(Vars.PULL_NOTE, new InputRule.Text(MAX_NOTE_LENGTH));
    all.put(new TaskKey(ProcessKeys.EMERGENCY_BRAKE, "Task_ReviewPull"), new Declaration(pull, List.of()));

    for (String check : List.of("Task_CheckFirstHoldAck", "Task_CheckExtensionAck", "Task_CheckLiftAck",
        "Task_CheckNewCaseHoldAck", "Task_CheckLeniencyHoldAck", "Task_CheckRequestedLiftAck",
        "Task_CheckCorrectedHoldAck", "Task_CheckRejectedCases")) {
      all.put(new TaskKey(ProcessKeys.EMERGENCY_BRAKE, check), Declaration.nothing());
    }

    Map<String, InputRule> accreditation = new LinkedHashMap<>();
    accreditation.put(Vars.ACCREDITATION_DECISION, new InputRule.OneOf(Set.of("APPROVE", "REJECT")));
    accreditation.put(Vars.REVIEW_NOTE, new InputRule.Text(MAX_NOTE_LENGTH));
    all.put(new TaskKey(ProcessKeys.ISSUER_ONBOARDING, "Task_ReviewAccreditation"),
        new Declaration(accreditation, List.of()));
    return all;
  }

  /**
   * The confirmation is offered to {@code debt-counsellors-<issuerOin>} when it is created; the issuer the credential
   * will be signed for must still be that municipality, whatever happened to the variable since.
   */
  static Optional<String> counsellorGroupMatchesIssuer(DelegateTask task) {
    Object issuer = task.getVariable(Vars.ISSUER_OIN);
    String expected = COUNSELLOR_GROUP_PREFIX + issuer;
    boolean matches = issuer != null && task.getCandidates().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .map(IdentityLink::getGroupId)
        .anyMatch(expected::equals);
    return matches ? Optional.empty() : Optional.of("de uitgevende gemeente van deze aanvraag hoort niet bij de groep"
        + " van deze taak (the issuing municipality of this request does not match the task's group)");
  }

  /** The DMN's proposal a case officer approves must lie within what a review may grant. */
  static Optional<String> proposalWithinBounds(DelegateTask task) {
    Object proposed = task.getVariable(Vars.HOLD_MONTHS);
    return new InputRule.WholeNumber(1, MAX_REVIEWED_HOLD_MONTHS).problem(proposed)
        .map(p -> "het voorstel (holdMonths) " + p);
  }
}

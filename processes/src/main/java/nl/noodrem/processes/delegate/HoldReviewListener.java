package nl.noodrem.processes.delegate;

import nl.noodrem.processes.port.AuditAction;
import nl.noodrem.processes.service.BrakeSteps;
import nl.noodrem.processes.support.Vars;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Complete listener of Task_ReviewHoldDecision: checks the case officer's decision (a change needs months and a
 * reason), sets {@code grantedHoldMonths} and leaves an audit record with the officer's name. Refusing to complete
 * keeps the task open with the officer's input rejected.
 */
public class HoldReviewListener implements TaskListener {

  /** A case officer grants at most what CJIB grants on a counsellor's request (DOMAIN.md: 12 months). */
  public static final int MAX_REVIEWED_MONTHS = 12;

  private final BrakeSteps steps;

  public HoldReviewListener(BrakeSteps steps) {
    this.steps = steps;
  }

  @Override
  public void notify(DelegateTask task) {
    String actor = Actors.of(task);
    Object outcome = task.getVariable(Vars.REVIEW_OUTCOME);
    long proposed = Vars.number(task, Vars.HOLD_MONTHS);
    long granted;
    if ("APPROVE".equals(outcome)) {
      granted = proposed;
    } else if ("CHANGE".equals(outcome)) {
      Object months = task.getVariable(Vars.CHANGED_HOLD_MONTHS);
      Object note = task.getVariable(Vars.REVIEW_NOTE);
      if (!(months instanceof Number n) || n.longValue() < 1 || n.longValue() > MAX_REVIEWED_MONTHS) {
        throw new IllegalArgumentException("a changed decision needs 1 to " + MAX_REVIEWED_MONTHS + " months");
      }
      if (note == null || note.toString().isBlank()) {
        throw new IllegalArgumentException("a changed decision needs a reason");
      }
      granted = n.longValue();
    } else {
      throw new IllegalArgumentException("review outcome must be APPROVE or CHANGE");
    }
    task.setVariable(Vars.GRANTED_HOLD_MONTHS, granted);
    steps.audit(Vars.string(task, Vars.BRAKE_REF), AuditAction.HOLD_REVIEWED, actor,
        outcome + ": " + granted + " month(s), proposed " + proposed);
  }
}

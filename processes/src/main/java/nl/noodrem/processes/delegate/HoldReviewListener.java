package nl.noodrem.processes.delegate;

import nl.noodrem.domain.HoldAuthority;
import nl.noodrem.domain.HoldPeriod;
import nl.noodrem.processes.port.AuditAction;
import nl.noodrem.processes.service.BrakeSteps;
import nl.noodrem.processes.support.Vars;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Complete listener of Task_ReviewHoldDecision: checks the case officer's decision against the rules (a change
 * needs months and a reason, and may not take the hold past {@link HoldPeriod#CASE_OFFICER_MAX_MONTHS} months from
 * its first day), sets {@code grantedHoldMonths} and {@code holdAuthority} and leaves an audit record with the
 * officer's name. Refusing to complete keeps the task open with the officer's input rejected.
 */
public class HoldReviewListener implements TaskListener {

  private final BrakeSteps steps;

  public HoldReviewListener(BrakeSteps steps) {
    this.steps = steps;
  }

  @Override
  public void notify(DelegateTask task) {
    String actor = Actors.of(task);
    Object outcome = task.getVariable(Vars.REVIEW_OUTCOME);
    long proposed = Vars.number(task, Vars.HOLD_MONTHS);
    HoldPeriod current = new HoldPeriod(Vars.date(task, Vars.HOLD_START), Vars.date(task, Vars.HOLD_END));
    long granted;
    if ("APPROVE".equals(outcome)) {
      granted = proposed;
    } else if ("CHANGE".equals(outcome)) {
      Object months = task.getVariable(Vars.CHANGED_HOLD_MONTHS);
      Object note = task.getVariable(Vars.REVIEW_NOTE);
      long room = java.time.temporal.ChronoUnit.MONTHS.between(current.end(),
          current.ceiling(HoldAuthority.CASE_OFFICER));
      if (!(months instanceof Number n) || n.longValue() < 1 || n.longValue() > Math.max(room, 1)) {
        throw new IllegalArgumentException("a changed decision needs 1 to " + Math.max(room, 1) + " months: the hold"
            + " may last until " + current.ceiling(HoldAuthority.CASE_OFFICER) + " at most ("
            + HoldPeriod.CASE_OFFICER_MAX_MONTHS + " months from " + current.start() + ")");
      }
      if (note == null || note.toString().isBlank()) {
        throw new IllegalArgumentException("a changed decision needs a reason");
      }
      granted = n.longValue();
    } else {
      throw new IllegalArgumentException("review outcome must be APPROVE or CHANGE");
    }
    task.setVariable(Vars.GRANTED_HOLD_MONTHS, granted);
    task.setVariable(Vars.HOLD_AUTHORITY, HoldAuthority.CASE_OFFICER.name());
    steps.audit(Vars.string(task, Vars.BRAKE_REF), AuditAction.HOLD_REVIEWED, actor,
        outcome + ": " + granted + " month(s), proposed " + proposed + ", hold may reach "
            + current.ceiling(HoldAuthority.CASE_OFFICER));
  }
}

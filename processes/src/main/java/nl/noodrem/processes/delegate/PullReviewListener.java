package nl.noodrem.processes.delegate;

import nl.noodrem.processes.port.AuditAction;
import nl.noodrem.processes.service.BrakeSteps;
import nl.noodrem.processes.support.Vars;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Complete listener of Task_ReviewPull: a case officer grants or refuses the first hold of a repeated pull, always
 * with a reason, and the decision is audited under their name. Anything else keeps the task open.
 */
public class PullReviewListener implements TaskListener {

  private final BrakeSteps steps;

  public PullReviewListener(BrakeSteps steps) {
    this.steps = steps;
  }

  @Override
  public void notify(DelegateTask task) {
    String actor = Actors.of(task);
    Object outcome = task.getVariable(Vars.PULL_OUTCOME);
    if (!"GRANT".equals(outcome) && !"REFUSE".equals(outcome)) {
      throw new IllegalArgumentException("pull decision must be GRANT or REFUSE");
    }
    Object note = task.getVariable(Vars.PULL_NOTE);
    if (note == null || note.toString().isBlank()) {
      throw new IllegalArgumentException("a decision on a repeated pull needs a reason");
    }
    steps.audit(Vars.string(task, Vars.BRAKE_REF), AuditAction.HOLD_REVIEWED, actor,
        "repeated pull: " + outcome + " (" + task.getVariable(Vars.PULL_REASON) + ")");
  }
}

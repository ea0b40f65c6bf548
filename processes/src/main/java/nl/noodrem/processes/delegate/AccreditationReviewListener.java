package nl.noodrem.processes.delegate;

import nl.noodrem.processes.port.AuditAction;
import nl.noodrem.processes.service.OnboardingSteps;
import nl.noodrem.processes.support.Vars;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Complete listener of Task_ReviewAccreditation. Four eyes: whoever asked for the accreditation cannot approve or
 * reject it. A rejection is audited here; an approval is audited when the chain confirms it.
 */
public class AccreditationReviewListener implements TaskListener {

  private final OnboardingSteps steps;

  public AccreditationReviewListener(OnboardingSteps steps) {
    this.steps = steps;
  }

  @Override
  public void notify(DelegateTask task) {
    String actor = Actors.of(task);
    if (actor.equals(task.getVariable(Vars.REQUESTED_BY))) {
      throw new IllegalStateException("four eyes: the admin who asked for this accreditation cannot review it");
    }
    Object decision = task.getVariable(Vars.ACCREDITATION_DECISION);
    if ("REJECT".equals(decision)) {
      steps.audit(Vars.string(task, Vars.ONBOARDING_REF), AuditAction.ACCREDITATION_REJECTED, actor,
          "issuer " + task.getVariable(Vars.ISSUER_OIN));
    } else if (!"APPROVE".equals(decision)) {
      throw new IllegalArgumentException("accreditation decision must be APPROVE or REJECT");
    }
  }
}

package nl.noodrem.processes.delegate;

import nl.noodrem.domain.HoldAuthority;
import nl.noodrem.processes.port.AuditAction;
import nl.noodrem.processes.service.BrakeSteps;
import nl.noodrem.processes.support.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * End listener of Event_ReviewOutlastsHold: the case officer did not decide before the hold's end came near, so the
 * DMN's proposal is granted with the rules' authority (cut at 12 months from the first held day) and the fact is
 * audited, so the hold does not lapse while CJIB decides.
 */
public class ReviewEscalatedListener implements ExecutionListener {

  private final BrakeSteps steps;

  public ReviewEscalatedListener(BrakeSteps steps) {
    this.steps = steps;
  }

  @Override
  public void notify(DelegateExecution execution) {
    long proposed = Vars.number(execution, Vars.HOLD_MONTHS);
    execution.setVariable(Vars.GRANTED_HOLD_MONTHS, proposed);
    execution.setVariable(Vars.HOLD_AUTHORITY, HoldAuthority.RULES.name());
    steps.audit(Vars.string(execution, Vars.BRAKE_REF), AuditAction.HOLD_REVIEWED,
        "review still open shortly before the hold ends on " + Vars.string(execution, Vars.HOLD_END)
            + ": the proposal of " + proposed + " month(s) is applied within the rules");
  }
}

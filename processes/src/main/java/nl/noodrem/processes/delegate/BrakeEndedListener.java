package nl.noodrem.processes.delegate;

import nl.noodrem.domain.event.HoldLifted;
import nl.noodrem.processes.port.AuditAction;
import nl.noodrem.processes.service.BrakeSteps;
import nl.noodrem.processes.support.CaseList;
import nl.noodrem.processes.support.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * End listener of emergency-brake, added to every version of the model by {@code BrakeEndedPlugin} as a built-in
 * listener, so it runs however the instance ends: an end event, or cancelled in Cockpit even with "skip custom
 * listeners". The citizen may pull a new brake afterwards. A brake that ends while its cases are held and no lift
 * was sent (a Cockpit cancellation) sends the lift now (reason {@code BRAKE_CANCELLED}): a brake never leaves cases
 * held in the collection system with nobody to lift them.
 */
public class BrakeEndedListener implements ExecutionListener {

  private final BrakeSteps steps;

  public BrakeEndedListener(BrakeSteps steps) {
    this.steps = steps;
  }

  @Override
  public void notify(DelegateExecution execution) throws Exception {
    String brakeRef = Vars.string(execution, Vars.BRAKE_REF);
    boolean held = execution.getVariable(Vars.HOLD_END) != null;
    boolean liftSent = Boolean.TRUE.equals(execution.getVariable(Vars.LIFT_STARTED));
    HoldLifted.Reason reason = null;
    if (held && !liftSent) {
      reason = HoldLifted.Reason.BRAKE_CANCELLED;
      steps.audit(brakeRef, AuditAction.LIFT_REQUESTED, "brake ended outside the model ("
          + (execution.isCanceled() ? "cancelled" : "ended") + ") while its cases were held: lifting them");
      steps.liftHold(brakeRef, CaseList.fromJson(Vars.string(execution, Vars.CASES)), reason);
    } else if (held) {
      reason = HoldLifted.Reason.valueOf(Vars.string(execution, Vars.LIFT_REASON));
    }
    steps.brakeEnded(brakeRef, reason);
  }
}

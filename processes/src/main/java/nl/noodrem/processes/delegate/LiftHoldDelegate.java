package nl.noodrem.processes.delegate;

import nl.noodrem.domain.event.HoldLifted;
import nl.noodrem.processes.service.BrakeSteps;
import nl.noodrem.processes.support.CaseList;
import nl.noodrem.processes.support.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Task_LiftHold: collection resumes on every held case, for the reason the path into it set. */
public class LiftHoldDelegate implements JavaDelegate {

  private final BrakeSteps steps;

  public LiftHoldDelegate(BrakeSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    HoldLifted.Reason reason = HoldLifted.Reason.valueOf(Vars.string(execution, Vars.LIFT_REASON));
    // set first: a new case arriving from now on is not held any more (Gateway_HoldStillRuns)
    execution.setVariable(Vars.LIFT_STARTED, true);
    execution.setVariable(Vars.CASES_VERSION, Vars.number(execution, Vars.CASES_VERSION) + 1);
    String commandId = steps.liftHold(Vars.string(execution, Vars.BRAKE_REF),
        CaseList.fromJson(Vars.string(execution, Vars.CASES)), reason);
    execution.setVariable(Vars.HOLD_COMMAND_ID, commandId);
  }
}

package nl.noodrem.processes.delegate;

import nl.noodrem.domain.CaseNumber;
import nl.noodrem.processes.service.BrakeSteps;
import nl.noodrem.processes.support.CaseList;
import nl.noodrem.processes.support.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Task_HoldNewCase (event subprocess Event_NewCaseOpened): holds a case CJIB opened during the brake until the
 * current hold end, and adds it to the brake's cases so extensions and the lift include it.
 */
public class HoldNewCaseDelegate implements JavaDelegate {

  private final BrakeSteps steps;

  public HoldNewCaseDelegate(BrakeSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    CaseNumber newCase = CaseNumber.of(Vars.string(execution, Vars.NEW_CASE_NUMBER));
    BrakeSteps.SentCommand sent = steps.holdNewCase(Vars.string(execution, Vars.BRAKE_REF), newCase,
        Vars.date(execution, Vars.HOLD_END), ExtendHoldDelegate.suspendSurcharges(execution));
    // the command id is local: the acknowledgement wait in this event subprocess waits for this command only
    execution.setVariableLocal(Vars.HOLD_COMMAND_ID, sent.commandId());
    execution.setVariable(Vars.CASES, CaseList.with(Vars.string(execution, Vars.CASES), newCase));
    execution.setVariable(Vars.CASE_COUNT, (long) CaseList.fromJson(Vars.string(execution, Vars.CASES)).size());
    execution.setVariable(Vars.CASES_VERSION, Vars.number(execution, Vars.CASES_VERSION) + 1);
  }
}

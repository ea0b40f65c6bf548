package nl.noodrem.processes.delegate;

import nl.noodrem.processes.service.BrakeSteps;
import nl.noodrem.processes.support.CaseList;
import nl.noodrem.processes.support.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Task_PlaceFirstHold: the noodstop's first hold on every open case, from today. */
public class PlaceFirstHoldDelegate implements JavaDelegate {

  private final BrakeSteps steps;

  public PlaceFirstHoldDelegate(BrakeSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    BrakeSteps.SentCommand sent = steps.placeFirstHold(Vars.string(execution, Vars.BRAKE_REF),
        CaseList.fromJson(Vars.string(execution, Vars.CASES)));
    execution.setVariable(Vars.HOLD_START, sent.period().start().toString());
    execution.setVariable(Vars.HOLD_END, sent.period().end().toString());
    execution.setVariable(Vars.HOLD_COMMAND_ID, sent.commandId());
    // conflicts with a new case joining at the same moment (Task_JoinFirstHold), so one of the two retries
    execution.setVariable(Vars.CASES_VERSION, Vars.number(execution, Vars.CASES_VERSION) + 1);
  }
}

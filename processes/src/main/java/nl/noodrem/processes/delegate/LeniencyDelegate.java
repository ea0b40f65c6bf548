package nl.noodrem.processes.delegate;

import nl.noodrem.domain.HoldPeriod;
import nl.noodrem.processes.service.BrakeSteps;
import nl.noodrem.processes.support.CaseList;
import nl.noodrem.processes.support.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Task_ExtendWhileMunicipalityDecides (R8): the first hold is extended before it ends, within the rules. */
public class LeniencyDelegate implements JavaDelegate {

  private final BrakeSteps steps;

  public LeniencyDelegate(BrakeSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    HoldPeriod current = new HoldPeriod(Vars.date(execution, Vars.HOLD_START), Vars.date(execution, Vars.HOLD_END));
    BrakeSteps.SentCommand sent = steps.extendWhileMunicipalityDecides(Vars.string(execution, Vars.BRAKE_REF),
        CaseList.fromJson(Vars.string(execution, Vars.CASES)), current);
    execution.setVariable(Vars.HOLD_END, sent.period().end().toString());
    execution.setVariable(Vars.HOLD_COMMAND_ID, sent.commandId());
    // conflicts with a new case being added at the same moment, so one of the two retries with the other's list
    execution.setVariable(Vars.CASES_VERSION, Vars.number(execution, Vars.CASES_VERSION) + 1);
  }
}

package nl.noodrem.processes.delegate;

import nl.noodrem.processes.service.BrakeSteps;
import nl.noodrem.processes.service.CaseFacts;
import nl.noodrem.processes.support.CaseList;
import nl.noodrem.processes.support.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Task_LookUpOpenCases: the citizen's open cases and the case facts the hold decision reads. */
public class LookUpOpenCasesDelegate implements JavaDelegate {

  private final BrakeSteps steps;

  public LookUpOpenCasesDelegate(BrakeSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    CaseFacts facts = steps.lookUpOpenCases(Vars.string(execution, Vars.BRAKE_REF), Vars.sealedBsn(execution));
    execution.setVariable(Vars.CASES, CaseList.toJson(facts.cases()));
    execution.setVariable(Vars.CASE_COUNT, facts.caseCount());
    execution.setVariable(Vars.TOTAL_OUTSTANDING_CENTS, facts.totalOutstandingCents());
    execution.setVariable(Vars.TOTAL_OUTSTANDING_TEXT, facts.totalOutstandingText());
    execution.setVariable(Vars.HIGHEST_STAGE, facts.highestStage());
    execution.setVariable(Vars.HAS_COMPENSATION_ORDER, facts.hasCompensationOrder());
  }
}
